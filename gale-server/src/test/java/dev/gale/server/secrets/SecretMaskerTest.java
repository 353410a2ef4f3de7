package dev.gale.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
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

  @Test
  void undeclaredSecretsOfAConfigurationAreMaskedInLogLines() {
    SecretPaths paths = SecretPaths.of(Json.parse("{\"type\":\"object\",\"properties\":{\"host\":{\"type\":\"string\"}}}"));
    JsonNode config = Json.parse("""
        {"host":"db.internal","api_token":"tok-991","tunnel_method":{"tunnel_method":"SSH_PASSWORD_AUTH",
         "tunnel_user_password":"ssh-pw-1"},"credentials":{"client_secret":"cs-42","tenant":"acme-tenant"}}""");

    SecretMasker masker = SecretMasker.of(paths.secretValues(config));

    assertThat(masker.mask("connecting to db.internal with tok-991 via ssh-pw-1 as cs-42 in acme-tenant"))
        .isEqualTo("connecting to db.internal with ********** via ********** as ********** in **********");
  }
}
