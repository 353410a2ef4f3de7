package dev.gale.connectors.files;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordSchema;
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
 * Writes a typed record as a JSON object, the way Airbyte's JSON transport spells each type: numbers as numbers,
 * dates and times in ISO-8601 with seconds always present (Airbyte's formats require them; {@code toString} drops
 * zero seconds), binary as base64, {@code JSON} columns embedded as they are rather than quoted.
 */
final class JsonValues {
  private JsonValues() {}

  static void writeObject(JsonGenerator json, RecordSchema schema, Object[] row) throws IOException {
    json.writeStartObject();
    List<Column> columns = schema.columns();
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      json.writeFieldName(column.name());
      if (row[i] instanceof String text && column.type() == dev.gale.connector.data.ValueType.JSON) {
        json.writeRawValue(text);
      } else {
        writeValue(json, row[i]);
      }
    }
    json.writeEndObject();
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String text -> json.writeString(text);
      case Long number -> json.writeNumber(number);
      case Boolean bool -> json.writeBoolean(bool);
      case BigDecimal number -> json.writeNumber(number);
      case BigInteger number -> json.writeNumber(number);
      case Double number when number.isNaN() || number.isInfinite() -> json.writeString(number.toString());
      case Double number -> json.writeNumber(number);
      case byte[] bytes -> json.writeString(Base64.getEncoder().encodeToString(bytes));
      case LocalDate date -> json.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
      case OffsetDateTime time -> json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
      case LocalDateTime time -> json.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time));
      case OffsetTime time -> json.writeString(DateTimeFormatter.ISO_OFFSET_TIME.format(time));
      case LocalTime time -> json.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
      default -> json.writeString(value.toString());
    }
  }
}
