package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.ValueConversion;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Types the {@code data} of a RECORD message into a row of its stream's {@link RecordSchema}, once, on arrival,
 * straight from the parser's tokens (no tree in between): after this the record travels as typed values like any
 * built-in connector's. Conversion is {@link ValueConversion}'s, the same as declarative sources', so a field types
 * the same whichever kind of connector read it: a value that does not fit its column's type becomes null, with one
 * WARN line per field; fields the stream's JSON Schema does not declare are skipped. Not thread-safe: one per stream
 * and read.
 *
 * <h2>Warnings wait for the line</h2>
 * A value that does not fit is noted while the line is parsed and reported by {@link #reportMisfits} only once the
 * whole line turned out to be a record: a line that breaks off later is log text, and its fields are nobody's.
 */
final class RecordDecoder {
  private final RecordSchema schema;
  private final BiConsumer<LogLevel, String> log;
  private final Map<String, Integer> columnIndexes = new HashMap<>();
  private final ValueType[] types;
  private final JsonText jsonText = new JsonText();
  private final Set<String> warned = new HashSet<>();
  private final boolean[] misfit;
  private boolean anyMisfit;

  RecordDecoder(RecordSchema schema, BiConsumer<LogLevel, String> log) {
    this.schema = requireNonNull(schema, "schema is null");
    this.log = requireNonNull(log, "log is null");
    List<Column> columns = schema.columns();
    types = new ValueType[columns.size()];
    misfit = new boolean[columns.size()];
    for (int i = 0; i < types.length; i++) {
      columnIndexes.put(columns.get(i).name(), i);
      types[i] = columns.get(i).type();
    }
  }

  RecordSchema schema() {
    return schema;
  }

  /**
   * The row of the JSON object the parser is at ({@link JsonToken#START_OBJECT}), which it reads to its end. Values
   * that did not fit are kept for {@link #reportMisfits}; a row read before and not reported is forgotten.
   *
   * @throws IOException when the JSON breaks off or is malformed
   */
  Object[] row(JsonParser parser) throws IOException {
    forgetMisfits();
    Object[] row = new Object[types.length];
    String field;
    while ((field = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      Integer index = columnIndexes.get(field);
      if (index == null) {
        parser.skipChildren();
        continue;
      }
      Object typed = token == JsonToken.VALUE_NULL ? null : typed(parser, token, types[index]);
      // A repeated field counts as its last value, as in a tree of the object.
      misfit[index] = typed == null && token != JsonToken.VALUE_NULL;
      anyMisfit |= misfit[index];
      row[index] = typed;
    }
    return row;
  }

  /** Logs one WARN per field whose value did not fit its type, the first time that field has one. */
  void reportMisfits() {
    if (!anyMisfit) {
      return;
    }
    List<Column> columns = schema.columns();
    for (int i = 0; i < misfit.length; i++) {
      if (misfit[i] && warned.add(columns.get(i).name())) {
        log.accept(LogLevel.WARN, "Stream '" + schema.stream() + "': field '" + columns.get(i).name() + "' holds a"
            + " value that is not a " + types[i].name().toLowerCase(Locale.ROOT) + " (as its schema says); such"
            + " values are read as null");
      }
    }
    forgetMisfits();
  }

  private void forgetMisfits() {
    if (anyMisfit) {
      Arrays.fill(misfit, false);
      anyMisfit = false;
    }
  }

  private Object typed(JsonParser parser, JsonToken token, ValueType type) throws IOException {
    if (type == ValueType.JSON) {
      // JSON columns keep the value as compact text; no detour through Java maps and lists.
      return jsonText.write(parser);
    }
    return switch (token) {
      case VALUE_STRING -> type == ValueType.TIMESTAMP_WITH_TIMEZONE
          ? IsoTimestamps.withTimezone(parser.getText()) : ValueConversion.convert(parser.getText(), type, Json::write);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          ValueConversion.convert(scalar(parser, token), type, Json::write);
      default -> {
        // An object or array in a column of a plain type fits none of them (ValueConversion says null for all).
        parser.skipChildren();
        yield null;
      }
    };
  }

  /**
   * The plain Java value {@link ValueConversion} expects for a scalar token, as a Jackson tree of it would hold:
   * integers as {@link Long} or, beyond its range, {@link java.math.BigInteger}; other numbers as {@link Double}
   * unless the parser has them as {@link java.math.BigDecimal}.
   */
  private static Object scalar(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
      default -> parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
          ? parser.getDecimalValue() : (Object) parser.getDoubleValue();
    };
  }
}
