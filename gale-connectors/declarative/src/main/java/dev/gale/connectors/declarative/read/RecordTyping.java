package dev.gale.connectors.declarative.read;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.ValueConversion;
import dev.gale.connector.data.ValueType;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.runtime.Run;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns JSON records into rows of a stream's {@link RecordSchema}: one value per column, converted to its
 * {@link ValueType}'s Java representation by {@link ValueConversion}. A value that does not fit its type becomes
 * null, with one WARN line per field. Fields the JSON schema does not declare are dropped: a batch's columns are the schema's, as destinations
 * created their tables from the discovered schema.
 */
final class RecordTyping {
  private final RecordSchema schema;
  private final Run run;
  private final Set<String> warned = new HashSet<>();
  private final Function<Object, String> json = new JsonText()::write;

  RecordTyping(RecordSchema schema, Run run) {
    this.schema = schema;
    this.run = run;
  }

  Object[] row(Map<String, Object> record) {
    List<Column> columns = schema.columns();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      Object value = record.get(column.name());
      if (value == null) {
        continue;
      }
      Object typed = convert(value, column.type(), json);
      if (typed == null && warned.add(column.name())) {
        run.log(LogLevel.WARN, "Stream '" + schema.stream() + "': field '" + column.name() + "' holds a value that is"
            + " not a " + column.type().name().toLowerCase(Locale.ROOT) + " (as its schema says); such"
            + " values are read as null");
      }
      row[i] = typed;
    }
    return row;
  }

  static Object convert(Object value, ValueType type) {
    return convert(value, type, JsonValues::write);
  }

  /** @param json writes a value as JSON text, for {@code JSON} columns and non-text values of {@code STRING} ones */
  private static Object convert(Object value, ValueType type, Function<Object, String> json) {
    return ValueConversion.convert(value, type, json);
  }
}
