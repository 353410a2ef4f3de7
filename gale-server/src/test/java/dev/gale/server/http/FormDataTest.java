package dev.gale.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormDataTest {
  @Test
  void decodesPairsAndKeepsTheFirstValueOfAName() {
    assertThat(FormData.parse("client_id=a%2Bb&client_secret=c+d%3D&grant_type&client_id=second"))
        .containsExactly(java.util.Map.entry("client_id", "a+b"), java.util.Map.entry("client_secret", "c d="),
            java.util.Map.entry("grant_type", ""));
  }

  @Test
  void emptyTextIsNoFields() {
    assertThat(FormData.parse(null)).isEmpty();
    assertThat(FormData.parse("  ")).isEmpty();
    assertThat(FormData.parse("a=1&&b=2\n")).containsOnlyKeys("a", "b");
  }

  @Test
  void malformedEscapeIs400WithoutQuotingTheText() {
    assertThatThrownBy(() -> FormData.parse("client_secret=hunter2&x=%ZZ"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageNotContaining("hunter2");
  }
}
