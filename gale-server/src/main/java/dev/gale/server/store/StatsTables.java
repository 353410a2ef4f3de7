package dev.gale.server.store;

import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamStats;
import dev.gale.server.domain.SyncStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The SQL of {@code sync_stats} and {@code stream_stats}, used by {@link JobRepository} inside its transactions. */
final class StatsTables {
  private static final String COUNTERS = "records_emitted, bytes_emitted, records_committed, bytes_committed, "
      + "state_messages_emitted, estimated_records, estimated_bytes";
  private static final String COUNTER_VALUES = ":recordsEmitted, :bytesEmitted, :recordsCommitted, :bytesCommitted, "
      + ":stateMessagesEmitted, :estimatedRecords, :estimatedBytes";

  void replace(Handle handle, long attemptId, AttemptStats stats, Instant now) {
    handle.createUpdate("DELETE FROM stream_stats WHERE attempt_id = :attemptId").bind("attemptId", attemptId).execute();
    handle.createUpdate("DELETE FROM sync_stats WHERE attempt_id = :attemptId").bind("attemptId", attemptId).execute();
    handle.createUpdate("INSERT INTO sync_stats (attempt_id, " + COUNTERS + ", created_at, updated_at) "
            + "VALUES (:attemptId, " + COUNTER_VALUES + ", :now, :now)")
        .bind("attemptId", attemptId)
        .bindMethods(stats.total())
        .bind("now", now)
        .execute();
    if (stats.streams().isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch("INSERT INTO stream_stats (id, attempt_id, stream_name, "
        + "stream_namespace, " + COUNTERS + ", created_at, updated_at) VALUES (:id, :attemptId, :name, :namespace, "
        + COUNTER_VALUES + ", :now, :now)");
    for (StreamStats stream : stats.streams()) {
      batch.bind("id", UUID.randomUUID())
          .bind("attemptId", attemptId)
          .bind("name", stream.stream().name())
          .bindByType("namespace", stream.stream().namespace(), String.class)
          .bindMethods(stream.stats())
          .bind("now", now)
          .add();
    }
    batch.execute();
  }

  Map<Long, AttemptStats> read(Handle handle, Collection<Long> attemptIds) {
    List<Long> ids = new ArrayList<>(attemptIds);
    Map<Long, SyncStats> totals = new LinkedHashMap<>();
    handle.createQuery("SELECT attempt_id, " + COUNTERS + " FROM sync_stats WHERE attempt_id IN (<ids>)")
        .bindList("ids", ids)
        .map(row -> Map.entry(row.getColumn("attempt_id", Long.class), counters(row)))
        .forEach(entry -> totals.put(entry.getKey(), entry.getValue()));
    Map<Long, List<StreamStats>> streams = new HashMap<>();
    handle.createQuery("SELECT attempt_id, stream_name, stream_namespace, " + COUNTERS + " FROM stream_stats "
            + "WHERE attempt_id IN (<ids>) ORDER BY attempt_id, stream_namespace, stream_name")
        .bindList("ids", ids)
        .map(row -> Map.entry(row.getColumn("attempt_id", Long.class), new StreamStats(
            new StreamDescriptor(row.getColumn("stream_name", String.class),
                row.getColumn("stream_namespace", String.class)), counters(row))))
        .forEach(entry -> streams.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
    Map<Long, AttemptStats> result = new LinkedHashMap<>();
    totals.forEach((id, total) -> result.put(id, new AttemptStats(total, streams.getOrDefault(id, List.of()))));
    return result;
  }

  private static SyncStats counters(RowView row) {
    return new SyncStats(
        row.getColumn("records_emitted", Long.class),
        row.getColumn("bytes_emitted", Long.class),
        row.getColumn("records_committed", Long.class),
        row.getColumn("bytes_committed", Long.class),
        row.getColumn("state_messages_emitted", Long.class),
        row.getColumn("estimated_records", Long.class),
        row.getColumn("estimated_bytes", Long.class));
  }
}
