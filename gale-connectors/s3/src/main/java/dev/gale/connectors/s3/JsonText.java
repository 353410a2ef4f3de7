package dev.gale.connectors.s3;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * Typed values as Airbyte's JSON spells them: numbers as numbers, dates and times in ISO-8601 with seconds always
 * present, binary as base64, {@code JSON} columns embedded rather than quoted.
 */
final class JsonText {
  private JsonText() {}

  /** Writes the fields of a record (without braces), one per column. */
  static void writeFields(JsonGenerator json, List<Column> columns, Object[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      json.writeFieldName(columns.get(i).name());
      writeValue(json, columns.get(i).type(), values[i]);
    }
  }

  static void writeValue(JsonGenerator json, ValueType type, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String text when type == ValueType.JSON -> json.writeRawValue(text);
      case String text -> json.writeString(text);
      case Long number -> json.writeNumber(number);
      case Boolean bool -> json.writeBoolean(bool);
      case BigDecimal number -> json.writeNumber(number);
      case BigInteger number -> json.writeNumber(number);
      case Double number when number.isNaN() || number.isInfinite() -> json.writeString(number.toString());
      case Double number -> json.writeNumber(number);
      default -> json.writeString(text(value));
    }
  }

  /** A value that is not a JSON number, boolean or JSON text, as its string. */
  static String text(Object value) {
    return switch (value) {
      case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
      case LocalDate date -> DateTimeFormatter.ISO_LOCAL_DATE.format(date);
      case OffsetDateTime time -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
      case LocalDateTime time -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
      case OffsetTime time -> DateTimeFormatter.ISO_OFFSET_TIME.format(time);
      case LocalTime time -> DateTimeFormatter.ISO_LOCAL_TIME.format(time);
      case BigDecimal number -> number.toPlainString();
      default -> value.toString();
    };
  }
}
