package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.ValueConversion;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Types the {@code data} of a RECORD message into a row of its stream's {@link RecordSchema}, once, on arrival:
 * after this the record travels as typed values like any built-in connector's. Conversion is
 * {@link ValueConversion}'s, the same as declarative sources', so a field types the same whichever kind of connector
 * read it: a value that does not fit its column's type becomes null, with one WARN line per field; fields the
 * stream's JSON Schema does not declare are dropped. Not thread-safe: one per stream and read.
 */
final class RecordDecoder {
  private final RecordSchema schema;
  private final BiConsumer<LogLevel, String> log;
  private final Set<String> warned = new HashSet<>();

  RecordDecoder(RecordSchema schema, BiConsumer<LogLevel, String> log) {
    this.schema = requireNonNull(schema, "schema is null");
    this.log = requireNonNull(log, "log is null");
  }

  RecordSchema schema() {
    return schema;
  }

  Object[] row(JsonNode data) {
    List<Column> columns = schema.columns();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      JsonNode value = data.get(column.name());
      if (value == null || value.isNull()) {
        continue;
      }
      // JSON columns keep the text as sent, compact; no detour through Java maps and lists.
      Object typed = column.type() == ValueType.JSON ? value.toString()
          : ValueConversion.convert(plain(value), column.type(), Json::write);
      if (typed == null && warned.add(column.name())) {
        log.accept(LogLevel.WARN, "Stream '" + schema.stream() + "': field '" + column.name() + "' holds a value that"
            + " is not a " + column.type().name().toLowerCase(Locale.ROOT) + " (as its schema says); such values are"
            + " read as null");
      }
      row[i] = typed;
    }
    return row;
  }

  /** The plain Java value {@link ValueConversion} expects for a JSON node. */
  private static Object plain(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
    }
    if (value.isBigDecimal()) {
      return value.decimalValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    // Objects and arrays: rare outside JSON columns, where they are refused or written as text.
    return Json.convert(value, Object.class);
  }
}
