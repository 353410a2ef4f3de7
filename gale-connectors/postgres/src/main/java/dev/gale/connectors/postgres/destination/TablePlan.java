package dev.gale.connectors.postgres.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.DedupColumns;
import dev.gale.connectors.postgres.Identifiers;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where and how one stream is written: its final table, the table its rows are loaded into first, its columns and,
 * for deduplication, its key and cursor. Names are PostgreSQL identifiers already shortened to fit (see
 * {@link Identifiers#fit}); two properties whose names would meet get numbered suffixes, in property order.
 *
 * @param load where COPY writes: the final table for append, a staging table beside it for overwrite (swapped in by
 *     {@code complete}), a temporary table for deduplication (merged at every flush)
 * @param primaryKey positions in {@link #columns} of the key, for deduplication; else empty
 * @param cursor position in {@link #columns} of the cursor deciding which duplicate wins, or -1 for none
 */
record TablePlan(StreamDescriptor stream, DestinationSyncMode mode, String schema, String table, String load,
                 List<TargetColumn> columns, List<Integer> primaryKey, int cursor, long generationId) {
  static final String RAW_ID = "_airbyte_raw_id";
  static final String EXTRACTED_AT = "_airbyte_extracted_at";
  static final String META = "_airbyte_meta";
  static final String GENERATION_ID = "_airbyte_generation_id";
  static final List<String> METADATA = List.of(RAW_ID, EXTRACTED_AT, META, GENERATION_ID);
  /** Arrival order in a deduplication table, so that among equal cursors the last record written wins. */
  static final String SEQUENCE = "_gale_sequence";

  TablePlan {
    requireNonNull(stream, "stream is null");
    requireNonNull(mode, "mode is null");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  static TablePlan of(ConfiguredAirbyteStream configured, String defaultSchema, int index) {
    StreamDescriptor stream = configured.descriptor();
    String schema = Identifiers.fit(stream.namespace() == null ? defaultSchema : stream.namespace());
    String table = Identifiers.fit(stream.name());
    List<TargetColumn> columns = columns(configured.stream().jsonSchema());
    DestinationSyncMode mode = configured.destinationSyncMode();
    List<Integer> key = List.of();
    int cursor = -1;
    String load = Identifiers.qualified(schema, table);
    switch (mode) {
      case APPEND -> { }
      case OVERWRITE -> load = Identifiers.qualified(schema, Identifiers.fit(table + "_gale_tmp"));
      case APPEND_DEDUP -> {
        DedupColumns dedup = DedupColumns.of(configured, columns.stream().map(TargetColumn::property).toList());
        key = dedup.key();
        cursor = dedup.cursor();
        load = "pg_temp." + Identifiers.quote("_gale_dedup_" + index);
      }
      default -> throw new ConnectorException("Stream " + stream + ": destination sync mode " + mode
          + " is not supported; use overwrite, append or append_dedup");
    }
    long generation = configured.generationId() == null ? 0 : configured.generationId();
    return new TablePlan(stream, mode, schema, table, load, columns, key, cursor, generation);
  }

  String qualifiedTable() {
    return Identifiers.qualified(schema, table);
  }

  /** The staging table's own name, for renaming it into place. */
  String stagingName() {
    return Identifiers.fit(table + "_gale_tmp");
  }

  /** One column per top-level property; a schema without properties makes a table of metadata only. */
  private static List<TargetColumn> columns(JsonNode jsonSchema) {
    Set<String> taken = new HashSet<>(METADATA);
    taken.add(SEQUENCE);
    List<TargetColumn> columns = new ArrayList<>();
    JsonNode properties = jsonSchema.path("properties");
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      String name = property.getKey();
      String identifier = Identifiers.fit(name);
      for (int suffix = 1; !taken.add(identifier); suffix++) {
        identifier = Identifiers.fit(name + "_" + suffix);
      }
      columns.add(new TargetColumn(name, identifier, ColumnType.of(property.getValue())));
    }
    return columns;
  }
}
