package dev.gale.connectors.duckdb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.duckdb.DuckDBAppender;

/**
 * Appends a batch's rows to a {@link TableLayout}'s load table: the properties into their columns (a property the
 * batch lacks is NULL, a batch column the table lacks is dropped), {@code _airbyte_raw_id} a random UUID,
 * {@code _airbyte_extracted_at} the batch's time, {@code _airbyte_meta} the values that had to change and the sync,
 * and for deduplication the arrival sequence. Not thread-safe.
 */
final class RowAppender {
  private final long syncId;
  private final String emptyMeta;
  private final Map<RecordSchema, int[]> positions = new HashMap<>();
  private long sequence;

  RowAppender(long syncId) {
    this.syncId = syncId;
    this.emptyMeta = Json.write(meta());
  }

  void append(DuckDBAppender appender, TableLayout layout, RecordBatch batch) throws SQLException {
    TablePlan plan = layout.plan();
    List<TargetColumn> columns = plan.columns();
    int[] from = positions.computeIfAbsent(batch.schema(), schema -> positionsOf(columns, schema));
    ValueType[] valueTypes = new ValueType[batch.schema().size()];
    for (int i = 0; i < valueTypes.length; i++) {
      valueTypes[i] = batch.schema().columns().get(i).type();
    }
    OffsetDateTime extractedAt = batch.emittedAt().atOffset(ZoneOffset.UTC);
    List<Slot> slots = layout.slots();
    Object[] converted = new Object[columns.size()];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (Object[] row : batch.rows()) {
      ObjectNode changes = null;
      for (int i = 0; i < from.length; i++) {
        Object value = from[i] < 0 ? null : row[from[i]];
        converted[i] = value == null ? null : ValueConverter.convert(columns.get(i).type(), value, valueTypes[from[i]]);
        if (converted[i] == ValueConverter.UNREPRESENTABLE) {
          converted[i] = null;
          changes = change(changes, columns.get(i).property(), "NULLED", "DESTINATION_SERIALIZATION_ERROR");
        } else if (ValueConverter.rounded(value, converted[i])) {
          changes = change(changes, columns.get(i).property(), "TRUNCATED", "DESTINATION_FIELD_SIZE_LIMITATION");
        }
      }
      // A version-4 UUID from a fast generator: it must be unique, not unpredictable.
      UUID rawId = new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (1L << 63));
      String meta = changes == null ? emptyMeta : Json.write(changes);
      sequence++;
      appender.beginRow();
      for (Slot slot : slots) {
        Object value = switch (slot.kind()) {
          case FIELD -> converted[slot.field()];
          case RAW_ID -> ValueConverter.convert(slot.type(), rawId, ValueType.STRING);
          case EXTRACTED_AT -> ValueConverter.convert(slot.type(), extractedAt, ValueType.TIMESTAMP_WITH_TIMEZONE);
          case META -> ValueConverter.convert(slot.type(), meta, ValueType.JSON);
          case GENERATION_ID -> ValueConverter.convert(slot.type(), plan.generationId(), ValueType.INTEGER);
          case SEQUENCE -> sequence;
          case ABSENT -> null;
        };
        put(appender, slot.type(), value == ValueConverter.UNREPRESENTABLE ? null : value);
      }
      appender.endRow();
    }
  }

  /** Appends a value already converted to its column's Java type (see {@link ValueConverter}). */
  private static void put(DuckDBAppender appender, ColumnType type, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (type) {
      case BOOLEAN -> appender.append((boolean) (Boolean) value);
      case BIGINT -> appender.append((long) (Long) value);
      case DECIMAL -> appender.append((BigDecimal) value);
      case DOUBLE -> appender.append((double) (Double) value);
      case VARCHAR, JSON -> appender.append((String) value);
      case DATE -> appender.append((LocalDate) value);
      case TIME -> appender.append((LocalTime) value);
      case TIMETZ -> appender.append((OffsetTime) value);
      case TIMESTAMP -> appender.append((LocalDateTime) value);
      case TIMESTAMPTZ -> appender.append((OffsetDateTime) value);
      case BLOB -> appender.append((byte[]) value);
      case UUID -> appender.append((UUID) value);
    }
  }

  /** Airbyte's {@code _airbyte_meta}, with the changes made to a record's values and the sync. */
  private ObjectNode meta() {
    ObjectNode meta = Json.object();
    meta.putArray("changes");
    meta.put("sync_id", syncId);
    return meta;
  }

  private ObjectNode change(ObjectNode changes, String field, String change, String reason) {
    ObjectNode meta = changes == null ? meta() : changes;
    ((ArrayNode) meta.get("changes")).addObject().put("field", field).put("change", change).put("reason", reason);
    return meta;
  }

  private static int[] positionsOf(List<TargetColumn> columns, RecordSchema schema) {
    int[] from = new int[columns.size()];
    for (int i = 0; i < from.length; i++) {
      from[i] = schema.indexOf(columns.get(i).property()).orElse(-1);
    }
    return from;
  }
}
