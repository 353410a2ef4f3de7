package dev.gale.connector.data;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The stream and columns of the records in a batch. Every row of a batch has one value per column, in this order.
 * A source creates one schema per stream and reuses it for every batch of that stream.
 */
public record RecordSchema(StreamDescriptor stream, List<Column> columns) {
  public RecordSchema {
    requireNonNull(stream, "stream is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    Map<String, Boolean> seen = new HashMap<>();
    for (Column column : columns) {
      if (seen.put(column.name(), true) != null) {
        throw new IllegalArgumentException("stream " + stream + " has two columns named " + column.name());
      }
    }
  }

  /**
   * The schema of records that follow a stream's JSON Schema: one column per top-level property, in the order the
   * schema declares them, typed by {@link ValueType#of}. Nested objects are single {@link ValueType#JSON} columns.
   */
  public static RecordSchema fromJsonSchema(StreamDescriptor stream, JsonNode jsonSchema) {
    List<Column> columns = new ArrayList<>();
    jsonSchema.path("properties").properties()
        .forEach(property -> columns.add(new Column(property.getKey(), ValueType.of(property.getValue()))));
    return new RecordSchema(stream, columns);
  }

  public int size() {
    return columns.size();
  }

  /** The position of a column, or empty. */
  public OptionalInt indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }
}
