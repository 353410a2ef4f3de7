package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  @Test
  void everySecretIsMaskedAsItIsAndAsJsonEscapesIt() {
    SecretMasker masker = SecretMasker.of(List.of("s3cr\"et", "pw-1"));

    assertThat(masker.mask("user=me password=pw-1 token=s3cr\"et")).isEqualTo("user=me password=********** token=**********");
    assertThat(masker.mask("{\"token\": \"s3cr\\\"et\"}")).isEqualTo("{\"token\": \"**********\"}");
  }

  @Test
  void aSecretContainingAnotherIsMaskedWhole() {
    SecretMasker masker = SecretMasker.of(List.of("abc", "xxabcxx"));

    assertThat(masker.mask("key xxabcxx and abc")).isEqualTo("key ********** and **********");
  }

  @Test
  void blankValuesMaskNothing() {
    SecretMasker masker = SecretMasker.of(Arrays.asList("", " ", null));

    assertThat(masker.mask("a b c")).isEqualTo("a b c");
    assertThat(SecretMasker.NONE.mask(null)).isNull();
  }
}
