package dev.gale.connectors.postgres.destination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.ValueType;
import dev.gale.connectors.postgres.CopyWriter;
import dev.gale.connectors.postgres.PgTime;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Encodes a batch's rows as COPY rows of a {@link TablePlan}'s load table: the properties in table order (a property
 * the batch lacks is NULL, a batch column the table lacks is dropped), then {@code _airbyte_raw_id} (a random UUID),
 * {@code _airbyte_extracted_at}, {@code _airbyte_meta} and {@code _airbyte_generation_id}, and for deduplication the
 * arrival sequence. Not thread-safe.
 */
final class RowEncoder {
  private final long syncId;
  private final byte[] emptyMeta;
  private final Map<RecordSchema, int[]> positions = new HashMap<>();
  private long sequence;

  RowEncoder(long syncId) {
    this.syncId = syncId;
    byte[] json = meta(List.of()).getBytes(StandardCharsets.UTF_8);
    this.emptyMeta = new byte[json.length + 1];
    emptyMeta[0] = 1; // jsonb version
    System.arraycopy(json, 0, emptyMeta, 1, json.length);
  }

  void write(CopyWriter out, TablePlan plan, RecordBatch batch) throws IOException {
    List<TargetColumn> columns = plan.columns();
    int[] from = positions.computeIfAbsent(batch.schema(), schema -> positionsOf(columns, schema));
    ValueType[] valueTypes = batch.schema().columns().stream().map(Column::type).toArray(ValueType[]::new);
    boolean dedup = plan.mode() == DestinationSyncMode.APPEND_DEDUP;
    int fields = columns.size() + TablePlan.METADATA.size() + (dedup ? 1 : 0);
    long extractedAt = PgTime.micros(batch.emittedAt());
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (Object[] row : batch.rows()) {
      out.startRow(fields);
      List<String> nulled = null;
      for (int i = 0; i < from.length; i++) {
        Object value = from[i] < 0 ? null : row[from[i]];
        if (value == null) {
          out.writeNull();
        } else if (!ValueEncoder.write(out, columns.get(i).type(), value, valueTypes[from[i]])) {
          out.writeNull();
          nulled = nulled == null ? new ArrayList<>() : nulled;
          nulled.add(columns.get(i).property());
        }
      }
      // A version-4 UUID from a fast generator: it must be unique, not unpredictable.
      out.uuid((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (1L << 63));
      out.timestamptzMicros(extractedAt);
      if (nulled == null) {
        out.bytes(emptyMeta);
      } else {
        out.jsonb(meta(nulled));
      }
      out.int8(plan.generationId());
      if (dedup) {
        out.int8(++sequence);
      }
    }
  }

  /** Airbyte's {@code _airbyte_meta}: the values nulled because this destination cannot hold them, and the sync. */
  private String meta(List<String> nulledFields) {
    ObjectNode meta = Json.object();
    var changes = meta.putArray("changes");
    for (String field : nulledFields) {
      changes.addObject().put("field", field).put("change", "NULLED").put("reason", "DESTINATION_SERIALIZATION_ERROR");
    }
    meta.put("sync_id", syncId);
    return Json.write(meta);
  }

  private static int[] positionsOf(List<TargetColumn> columns, RecordSchema schema) {
    int[] from = new int[columns.size()];
    for (int i = 0; i < from.length; i++) {
      from[i] = schema.indexOf(columns.get(i).property()).orElse(-1);
    }
    return from;
  }
}
