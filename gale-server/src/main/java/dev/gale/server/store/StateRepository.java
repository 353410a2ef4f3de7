package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.ConnectionState;
import dev.gale.server.domain.StateType;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The saved state of each connection, one row per stream plus one stream-less row for a global shared state or a
 * legacy blob. Every write runs in one transaction that first locks the connection's row, so concurrent writers to
 * one connection take turns and a reader sees the state before or after a write, never a mix.
 */
public final class StateRepository {
  private final Database database;

  public StateRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** The connection's state; empty when it has none (Airbyte's {@code not_set}). */
  public Optional<ConnectionState> get(UUID connectionId) {
    requireNonNull(connectionId, "connectionId is null");
    List<Row> rows = database.jdbi().withHandle(handle -> handle.createQuery("SELECT stream_name, namespace, type, "
            + "state FROM state WHERE connection_id = :connectionId ORDER BY stream_name, namespace")
        .bind("connectionId", connectionId)
        .map(row -> new Row(row.getColumn("stream_name", String.class), row.getColumn("namespace", String.class),
            row.getColumn("type", StateType.class), row.getColumn("state", JsonNode.class)))
        .list());
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    StateType type = rows.getFirst().type();
    JsonNode withoutStream = null;
    List<StreamState> streams = new ArrayList<>();
    for (Row row : rows) {
      if (row.type() != type) {
        throw new IllegalStateException("connection " + connectionId + " has state rows of types " + type
            + " and " + row.type());
      }
      if (row.streamName() == null) {
        withoutStream = row.state();
      } else {
        streams.add(new StreamState(new StreamDescriptor(row.streamName(), row.namespace()), row.state()));
      }
    }
    return Optional.of(switch (type) {
      case LEGACY -> ConnectionState.legacy(withoutStream);
      case GLOBAL -> ConnectionState.global(withoutStream, streams);
      case STREAM -> ConnectionState.stream(streams);
      case NOT_SET -> throw new IllegalStateException("NOT_SET is never stored");
    });
  }

  /** Replaces the connection's whole state with {@code state}. A state with nothing in it is no state. */
  public void replace(UUID connectionId, ConnectionState state) {
    requireNonNull(connectionId, "connectionId is null");
    requireNonNull(state, "state is null");
    database.jdbi().useTransaction(handle -> {
      Sql.lockConnection(handle, connectionId);
      deleteAll(handle, connectionId);
      insert(handle, connectionId, state);
    });
  }

  /**
   * Writes the parts of the state that {@code state} carries and keeps the rest: the streams it names are replaced,
   * other streams stay, and a global shared state is replaced when given. A state of another type than the stored
   * one, or a legacy state, replaces everything. This is how a sync commits the states its destination acknowledged.
   */
  public void merge(UUID connectionId, ConnectionState state) {
    requireNonNull(connectionId, "connectionId is null");
    requireNonNull(state, "state is null");
    database.jdbi().useTransaction(handle -> {
      Sql.lockConnection(handle, connectionId);
      Optional<StateType> storedType = storedType(handle, connectionId);
      if (state.type() == StateType.LEGACY || storedType.isEmpty() || storedType.get() != state.type()) {
        deleteAll(handle, connectionId);
        insert(handle, connectionId, state);
        return;
      }
      deleteStreams(handle, connectionId, state.streamStates().stream().map(StreamState::stream).toList());
      if (state.sharedState() != null) {
        handle.createUpdate("DELETE FROM state WHERE connection_id = :connectionId AND stream_name IS NULL")
            .bind("connectionId", connectionId)
            .execute();
      }
      insert(handle, connectionId, state);
    });
  }

  /** Removes the connection's whole state: the next sync starts from scratch. */
  public void clear(UUID connectionId) {
    requireNonNull(connectionId, "connectionId is null");
    database.jdbi().useTransaction(handle -> {
      Sql.lockConnection(handle, connectionId);
      deleteAll(handle, connectionId);
    });
  }

  /**
   * Removes the state of the given streams, keeping the others (and a global shared state). A legacy state cannot
   * be split by stream, so clearing any stream of it clears all of it.
   */
  public void clearStreams(UUID connectionId, Collection<StreamDescriptor> streams) {
    requireNonNull(connectionId, "connectionId is null");
    List<StreamDescriptor> toClear = List.copyOf(requireNonNull(streams, "streams is null"));
    database.jdbi().useTransaction(handle -> {
      Sql.lockConnection(handle, connectionId);
      if (storedType(handle, connectionId).orElse(null) == StateType.LEGACY) {
        if (!toClear.isEmpty()) {
          deleteAll(handle, connectionId);
        }
      } else {
        deleteStreams(handle, connectionId, toClear);
      }
    });
  }

  private static Optional<StateType> storedType(Handle handle, UUID connectionId) {
    return handle.createQuery("SELECT type FROM state WHERE connection_id = :connectionId")
        .bind("connectionId", connectionId)
        .mapTo(StateType.class)
        .findFirst();
  }

  private static void deleteAll(Handle handle, UUID connectionId) {
    handle.createUpdate("DELETE FROM state WHERE connection_id = :connectionId")
        .bind("connectionId", connectionId)
        .execute();
  }

  private static void deleteStreams(Handle handle, UUID connectionId, List<StreamDescriptor> streams) {
    for (StreamDescriptor stream : streams) {
      // "namespace = NULL" matches nothing, so a stream without a namespace needs its own condition.
      String namespaceCondition = stream.namespace() == null ? "namespace IS NULL" : "namespace = :namespace";
      var delete = handle.createUpdate("DELETE FROM state WHERE connection_id = :connectionId AND stream_name = :name "
              + "AND " + namespaceCondition)
          .bind("connectionId", connectionId)
          .bind("name", stream.name());
      if (stream.namespace() != null) {
        delete.bind("namespace", stream.namespace());
      }
      delete.execute();
    }
  }

  private void insert(Handle handle, UUID connectionId, ConnectionState state) {
    Instant now = database.now();
    PreparedBatch batch = handle.prepareBatch("INSERT INTO state (id, connection_id, stream_name, namespace, type, "
        + "state, created_at, updated_at) VALUES (:id, :connectionId, :name, :namespace, :type, :state, :now, :now)");
    JsonNode withoutStream = state.type() == StateType.LEGACY ? state.legacyState() : state.sharedState();
    if (withoutStream != null) {
      addRow(batch, connectionId, null, state.type(), withoutStream, now);
    }
    for (StreamState stream : state.streamStates()) {
      addRow(batch, connectionId, stream.stream(), state.type(), stream.state(), now);
    }
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  private static void addRow(PreparedBatch batch, UUID connectionId, StreamDescriptor stream, StateType type,
                             JsonNode state, Instant now) {
    batch.bind("id", UUID.randomUUID())
        .bind("connectionId", connectionId)
        .bindByType("name", stream == null ? null : stream.name(), String.class)
        .bindByType("namespace", stream == null ? null : stream.namespace(), String.class)
        .bind("type", type)
        .bindByType("state", state, JsonNode.class)
        .bind("now", now)
        .add();
  }

  private record Row(String streamName, String namespace, StateType type, JsonNode state) {}
}
