package dev.gale.connectors.declarative.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.data.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTypingTest {

  @Test
  void valuesBecomeTheirTypesJavaRepresentation() {
    assertThat(RecordTyping.convert("abc", ValueType.STRING)).isEqualTo("abc");
    assertThat(RecordTyping.convert(12L, ValueType.STRING)).isEqualTo("12");
    assertThat(RecordTyping.convert("true", ValueType.BOOLEAN)).isEqualTo(true);
    assertThat(RecordTyping.convert("42", ValueType.INTEGER)).isEqualTo(42L);
    assertThat(RecordTyping.convert(3.0, ValueType.INTEGER)).isEqualTo(3L);
    assertThat(RecordTyping.convert("123456789012345678901234", ValueType.INTEGER))
        .isEqualTo(new BigInteger("123456789012345678901234"));
    assertThat(RecordTyping.convert(7L, ValueType.NUMBER)).isEqualTo(7.0);
    assertThat(RecordTyping.convert(new BigInteger("99999999999999999999"), ValueType.NUMBER))
        .isEqualTo(new BigDecimal("99999999999999999999"));
    assertThat(RecordTyping.convert("2024-03-01", ValueType.DATE)).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(RecordTyping.convert("2024-03-01 10:00:00", ValueType.TIMESTAMP_WITH_TIMEZONE))
        .isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00Z"));
    assertThat(RecordTyping.convert("2024-03-01T10:00:00+02:00", ValueType.TIMESTAMP_WITHOUT_TIMEZONE))
        .isEqualTo(LocalDateTime.parse("2024-03-01T10:00:00"));
    assertThat(RecordTyping.convert("10:15:00", ValueType.TIME_WITHOUT_TIMEZONE)).isEqualTo(LocalTime.of(10, 15));
    assertThat(RecordTyping.convert("aGk=", ValueType.BINARY)).isEqualTo("hi".getBytes());
    assertThat(RecordTyping.convert(Map.of("a", List.of(1L)), ValueType.JSON)).isEqualTo("{\"a\":[1]}");
    assertThat(RecordTyping.convert("text", ValueType.JSON)).isEqualTo("\"text\"");
  }

  @Test
  void valuesThatDoNotFitAreNull() {
    assertThat(RecordTyping.convert("yes", ValueType.BOOLEAN)).isNull();
    assertThat(RecordTyping.convert("4.5", ValueType.INTEGER)).isNull();
    assertThat(RecordTyping.convert(List.of(), ValueType.STRING)).isNull();
    assertThat(RecordTyping.convert("soon", ValueType.TIMESTAMP_WITH_TIMEZONE)).isNull();
    assertThat(RecordTyping.convert(20240301L, ValueType.DATE)).isNull();
  }
}
