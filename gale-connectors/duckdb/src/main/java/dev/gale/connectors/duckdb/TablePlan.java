package dev.gale.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.DedupColumns;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where and how one stream is written: its final table (stream name, in the namespace or else the configured
 * schema, as Airbyte's v2 destinations name them), its columns and, for deduplication, its key and cursor.
 *
 * @param primaryKey positions in {@link #columns} of the key, for deduplication; else empty
 * @param cursor position in {@link #columns} of the cursor deciding which duplicate wins, or -1 for none
 * @param generation the stream's generation, or null when the catalog has none (then an unfinished overwrite is
 *     never resumed: nothing tells its rows apart from another refresh's)
 */
record TablePlan(StreamDescriptor stream, DestinationSyncMode mode, TableName table, List<TargetColumn> columns,
                 List<Integer> primaryKey, int cursor, Long generation) {
  static final String RAW_ID = "_airbyte_raw_id";
  static final String EXTRACTED_AT = "_airbyte_extracted_at";
  static final String META = "_airbyte_meta";
  static final String GENERATION_ID = "_airbyte_generation_id";
  static final List<String> METADATA = List.of(RAW_ID, EXTRACTED_AT, META, GENERATION_ID);
  /** Arrival order in a deduplication stage, so that among equal cursors the last record written wins. */
  static final String SEQUENCE = "_gale_sequence";

  TablePlan {
    requireNonNull(stream, "stream is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(table, "table is null");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  static TablePlan of(ConfiguredAirbyteStream configured, String defaultSchema) {
    StreamDescriptor stream = configured.descriptor();
    TableName table = new TableName(stream.namespace() == null ? defaultSchema : stream.namespace(), stream.name());
    List<TargetColumn> columns = columns(configured.stream().jsonSchema());
    DestinationSyncMode mode = configured.destinationSyncMode();
    List<Integer> key = List.of();
    int cursor = -1;
    switch (mode) {
      case APPEND, OVERWRITE -> { }
      case APPEND_DEDUP -> {
        DedupColumns dedup = DedupColumns.of(configured, columns.stream().map(TargetColumn::property).toList());
        key = dedup.key();
        cursor = dedup.cursor();
      }
      default -> throw new ConnectorException("Stream " + stream + ": destination sync mode " + mode
          + " is not supported; use overwrite, append or append_dedup");
    }
    return new TablePlan(stream, mode, table, columns, key, cursor, configured.generationId());
  }

  /** What {@code _airbyte_generation_id} holds: the generation, 0 without one (as the Postgres destination). */
  long generationId() {
    return generation == null ? 0 : generation;
  }

  /** Where an overwrite writes until {@code complete} swaps it in. */
  TableName staging() {
    return table.sibling("_gale_tmp");
  }

  /** Where a deduplicated stream's rows wait between two flushes to be merged. */
  TableName dedupStage() {
    return table.sibling("_gale_dedup");
  }

  /** The table the appender fills. */
  TableName load() {
    return switch (mode) {
      case OVERWRITE -> staging();
      case APPEND_DEDUP -> dedupStage();
      default -> table;
    };
  }

  TablePlan withColumns(List<TargetColumn> typed) {
    return new TablePlan(stream, mode, table, typed, primaryKey, cursor, generation);
  }

  /** One column per top-level property, typed by the engine's {@link ValueType#of}. */
  private static List<TargetColumn> columns(JsonNode jsonSchema) {
    Set<String> taken = new HashSet<>();
    METADATA.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
    taken.add(SEQUENCE);
    List<TargetColumn> columns = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : jsonSchema.path("properties").properties()) {
      String name = property.getKey();
      String identifier = name;
      for (int suffix = 1; !taken.add(identifier.toLowerCase(Locale.ROOT)); suffix++) {
        identifier = name + "_" + suffix;
      }
      columns.add(new TargetColumn(name, identifier, ColumnType.of(ValueType.of(property.getValue()))));
    }
    return columns;
  }
}
