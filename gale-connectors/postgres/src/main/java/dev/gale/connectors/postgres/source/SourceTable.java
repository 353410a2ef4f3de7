package dev.gale.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.postgres.Identifiers;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Optional;

/**
 * A table or view the source offers as a stream named like it, with the schema as namespace.
 *
 * @param primaryKey the columns of the primary key in key order; empty for views and tables without one
 */
public record SourceTable(String schema, String name, List<SourceColumn> columns, List<String> primaryKey) {
  public SourceTable {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  public String qualifiedName() {
    return Identifiers.qualified(schema, name);
  }

  public Optional<SourceColumn> column(String columnName) {
    return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
  }

  /**
   * The stream: full refresh and incremental with a cursor the user picks ({@code source_defined_cursor} false),
   * like Airbyte's Postgres source in Standard mode.
   */
  public AirbyteStream stream() {
    ObjectNode schemaNode = Json.object().put("type", "object");
    ObjectNode properties = schemaNode.putObject("properties");
    for (SourceColumn column : columns) {
      properties.set(column.name(), column.jsonSchema());
    }
    return new AirbyteStream(name, schemaNode, List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL), false, List.of(),
        primaryKey.stream().map(List::of).toList(), schema, false, null);
  }
}
