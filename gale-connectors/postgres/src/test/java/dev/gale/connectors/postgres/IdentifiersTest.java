package dev.gale.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void quotesEverythingAndDoublesQuotes() {
    assertThat(Identifiers.quote("select")).isEqualTo("\"select\"");
    assertThat(Identifiers.quote("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
    assertThat(Identifiers.qualified("s", "t")).isEqualTo("\"s\".\"t\"");
  }

  @Test
  void keepsNamesThatFitAndShortensLongOnesDeterministically() {
    String fits = "ü".repeat(31) + "x"; // 63 bytes
    String longer = "ü".repeat(40);

    assertThat(Identifiers.fit(fits)).isEqualTo(fits);
    String shortened = Identifiers.fit(longer);
    assertThat(shortened.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    assertThat(shortened).startsWith("ü".repeat(27)).matches(".*_[0-9a-f]{8}");
    assertThat(Identifiers.fit(longer)).isEqualTo(shortened);
    assertThat(Identifiers.fit(longer + "!")).isNotEqualTo(shortened);
  }

  @Test
  void emptyAndNulNamesBecomeUsable() {
    assertThat(Identifiers.fit("")).isEqualTo("_");
    assertThat(Identifiers.fit("a\0b")).isEqualTo("a_b");
  }

  @Test
  void literalsDoubleQuotesAndRefuseNul() {
    assertThat(Identifiers.literal("it's")).isEqualTo("'it''s'");
    assertThatThrownBy(() -> Identifiers.literal("a\0")).isInstanceOf(IllegalArgumentException.class);
  }
}
