package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.StreamDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The generations of each stream's data in a connection's destination, as Airbyte counts them: 0 until the stream is
 * first reset, then one more per reset. A sync tells the destination the current generation, and a reset the new
 * one, below which the destination drops what it holds.
 */
public final class StreamGenerationRepository {
  private final Database database;

  public StreamGenerationRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** The current generation of every stream that has been reset; streams that are missing are at 0. */
  public Map<StreamDescriptor, Long> current(UUID connectionId) {
    requireNonNull(connectionId, "connectionId is null");
    Map<StreamDescriptor, Long> generations = new HashMap<>();
    database.jdbi().useHandle(handle -> handle.createQuery("SELECT stream_name, stream_namespace, MAX(generation_id) "
            + "AS generation FROM stream_generations WHERE connection_id = :id GROUP BY stream_name, stream_namespace")
        .bind("id", connectionId)
        .map(row -> Map.entry(new StreamDescriptor(row.getColumn("stream_name", String.class),
            row.getColumn("stream_namespace", String.class)), row.getColumn("generation", Long.class)))
        .forEach(entry -> generations.put(entry.getKey(), entry.getValue())));
    return generations;
  }

  /**
   * The generation a reset job writes for a stream: the one it started at its first attempt (so retries keep it),
   * else one more than the current. Runs under a lock on the connection's row, so concurrent calls agree.
   */
  public long startFor(UUID connectionId, StreamDescriptor stream, long jobId) {
    requireNonNull(connectionId, "connectionId is null");
    requireNonNull(stream, "stream is null");
    return database.jdbi().inTransaction(handle -> {
      Sql.lockConnection(handle, connectionId);
      Optional<Long> started = generation(handle, connectionId, stream, "AND start_job_id = :jobId", jobId);
      if (started.isPresent()) {
        return started.get();
      }
      long next = generation(handle, connectionId, stream, "", jobId).orElse(0L) + 1;
      handle.createUpdate("INSERT INTO stream_generations (id, connection_id, stream_name, stream_namespace, "
              + "generation_id, start_job_id, created_at) VALUES (:id, :connectionId, :name, :namespace, :generation, "
              + ":jobId, :now)")
          .bind("id", UUID.randomUUID())
          .bind("connectionId", connectionId)
          .bind("name", stream.name())
          .bindByType("namespace", stream.namespace(), String.class)
          .bind("generation", next)
          .bind("jobId", jobId)
          .bind("now", database.now())
          .execute();
      return next;
    });
  }

  private static Optional<Long> generation(Handle handle, UUID connectionId, StreamDescriptor stream, String condition,
                                           long jobId) {
    // "namespace = NULL" matches nothing, so a stream without a namespace needs its own condition.
    String namespace = stream.namespace() == null ? "stream_namespace IS NULL" : "stream_namespace = :namespace";
    var query = handle.createQuery("SELECT MAX(generation_id) FROM stream_generations WHERE connection_id = :id "
            + "AND stream_name = :name AND " + namespace + " " + condition)
        .bind("id", connectionId)
        .bind("name", stream.name());
    if (stream.namespace() != null) {
      query.bind("namespace", stream.namespace());
    }
    if (!condition.isEmpty()) {
      query.bind("jobId", jobId);
    }
    return query.mapTo(Long.class).list().stream().filter(Objects::nonNull).findFirst();
  }
}
