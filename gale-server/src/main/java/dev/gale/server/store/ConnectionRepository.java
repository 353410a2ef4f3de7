package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.BackfillPreference;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.NamespaceDefinitionType;
import dev.gale.server.domain.NonBreakingChangesPreference;
import dev.gale.server.domain.ScheduleType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Connections and the operations attached to them (table {@code connection_operation}, in order). A connection and
 * its operation list are written in one transaction. A connection belongs to the workspace of its source.
 * Connections are never deleted: deleting one sets its status to {@code deprecated}.
 */
public final class ConnectionRepository {
  private static final String COLUMNS = "c.id, c.name, c.source_id, c.destination_id, c.namespace_definition, "
      + "c.namespace_format, c.prefix, c.catalog, c.schedule_type, c.schedule_data, c.status, c.resource_requirements, "
      + "c.source_catalog_id, c.geography, c.breaking_change, c.non_breaking_change_preference, "
      + "c.notify_schema_changes, c.notify_schema_changes_by_email, c.backfill_preference, c.created_at, c.updated_at";
  private static final String NOT_DEPRECATED = "c.status <> '" + WireEnums.wire(ConnectionStatus.DEPRECATED) + "'";

  private final Database database;

  public ConnectionRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  public void insert(Connection connection) {
    requireNonNull(connection, "connection is null");
    database.jdbi().useTransaction(handle -> {
      handle.createUpdate("INSERT INTO connection (id, name, source_id, destination_id, namespace_definition, "
              + "namespace_format, prefix, catalog, schedule_type, schedule_data, status, resource_requirements, "
              + "source_catalog_id, geography, breaking_change, non_breaking_change_preference, notify_schema_changes, "
              + "notify_schema_changes_by_email, backfill_preference, created_at, updated_at) VALUES (:id, :name, "
              + ":sourceId, :destinationId, :namespaceDefinition, :namespaceFormat, :prefix, :syncCatalog, "
              + ":scheduleType, :scheduleData, :status, :resourceRequirements, :sourceCatalogId, :geography, "
              + ":breakingChange, :nonBreakingChangesPreference, :notifySchemaChanges, :notifySchemaChangesByEmail, "
              + ":backfillPreference, :createdAt, :updatedAt)")
          .bindMethods(connection)
          .execute();
      insertOperations(handle, connection);
    });
  }

  /**
   * Writes every field but {@code id}, {@code sourceId}, {@code destinationId} and {@code createdAt}, and replaces the
   * operation list. False when there is no such connection.
   */
  public boolean update(Connection connection) {
    requireNonNull(connection, "connection is null");
    return database.jdbi().inTransaction(handle -> {
      int updated = handle.createUpdate("UPDATE connection SET name = :name, "
              + "namespace_definition = :namespaceDefinition, namespace_format = :namespaceFormat, prefix = :prefix, "
              + "catalog = :syncCatalog, schedule_type = :scheduleType, schedule_data = :scheduleData, "
              + "status = :status, resource_requirements = :resourceRequirements, "
              + "source_catalog_id = :sourceCatalogId, geography = :geography, breaking_change = :breakingChange, "
              + "non_breaking_change_preference = :nonBreakingChangesPreference, "
              + "notify_schema_changes = :notifySchemaChanges, "
              + "notify_schema_changes_by_email = :notifySchemaChangesByEmail, "
              + "backfill_preference = :backfillPreference, updated_at = :updatedAt WHERE id = :id")
          .bindMethods(connection)
          .execute();
      if (updated == 0) {
        return false;
      }
      handle.createUpdate("DELETE FROM connection_operation WHERE connection_id = :id")
          .bind("id", connection.id())
          .execute();
      insertOperations(handle, connection);
      return true;
    });
  }

  /** Sets the status alone (pausing, deprecating); false when there is no such connection. */
  public boolean updateStatus(UUID id, ConnectionStatus status) {
    requireNonNull(id, "id is null");
    requireNonNull(status, "status is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate(
            "UPDATE connection SET status = :status, updated_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("status", status)
        .bind("now", database.now())
        .execute()) == 1;
  }

  /** Finds a connection, deprecated or not. */
  public Optional<Connection> find(UUID id) {
    requireNonNull(id, "id is null");
    return select("c.id = :id", query -> query.bind("id", id)).stream().findFirst();
  }

  /** The connections whose source is in the workspace, by name. */
  public List<Connection> listByWorkspace(UUID workspaceId, boolean includeDeprecated) {
    requireNonNull(workspaceId, "workspaceId is null");
    String where = "c.source_id IN (SELECT a.id FROM actor a WHERE a.workspace_id = :workspaceId)";
    return select(withDeprecated(where, includeDeprecated), query -> query.bind("workspaceId", workspaceId));
  }

  public List<Connection> listBySource(UUID sourceId, boolean includeDeprecated) {
    requireNonNull(sourceId, "sourceId is null");
    return select(withDeprecated("c.source_id = :sourceId", includeDeprecated), query -> query.bind("sourceId", sourceId));
  }

  public List<Connection> listByDestination(UUID destinationId, boolean includeDeprecated) {
    requireNonNull(destinationId, "destinationId is null");
    return select(withDeprecated("c.destination_id = :destinationId", includeDeprecated),
        query -> query.bind("destinationId", destinationId));
  }

  /** The connections that run an operation. */
  public List<Connection> listByOperation(UUID operationId, boolean includeDeprecated) {
    requireNonNull(operationId, "operationId is null");
    String where = "c.id IN (SELECT co.connection_id FROM connection_operation co WHERE co.operation_id = :operationId)";
    return select(withDeprecated(where, includeDeprecated), query -> query.bind("operationId", operationId));
  }

  /** Takes an operation off every connection that runs it (deleting an operation); returns how many it was on. */
  public int detachOperation(UUID operationId) {
    requireNonNull(operationId, "operationId is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate(
            "DELETE FROM connection_operation WHERE operation_id = :operationId")
        .bind("operationId", operationId)
        .execute());
  }

  /**
   * A window of the connections of some workspaces, by name: those carrying at least one of {@code tagIds} when any
   * are given.
   */
  public List<Connection> listByWorkspaces(Collection<UUID> workspaceIds, Collection<UUID> tagIds, boolean includeDeprecated,
                                           int limit, int offset) {
    requireNonNull(workspaceIds, "workspaceIds is null");
    requireNonNull(tagIds, "tagIds is null");
    if (workspaceIds.isEmpty()) {
      return List.of();
    }
    String where = "c.source_id IN (SELECT a.id FROM actor a WHERE a.workspace_id IN (<workspaceIds>))"
        + (tagIds.isEmpty() ? "" : " AND c.id IN (SELECT ct.connection_id FROM connection_tag ct WHERE ct.tag_id IN (<tagIds>))");
    return select(withDeprecated(where, includeDeprecated), query -> {
      query.bindList("workspaceIds", List.copyOf(workspaceIds));
      if (!tagIds.isEmpty()) {
        query.bindList("tagIds", List.copyOf(tagIds));
      }
    }, new Window(limit, offset));
  }

  /**
   * The active connections on a basic or cron schedule, across workspaces, each with its newest replication job: what
   * the scheduler reads at each tick, in one query (a lookup per connection cost a round trip each, and the whole
   * connection with its catalog was read only for its schedule).
   */
  public List<ScheduledConnection> listScheduled() {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT c.id, c.schedule_type, c.schedule_data, "
            + "c.created_at, c.updated_at, " + JobQueue.NEWEST_REPLICATION_JOB + " AS newest_id, "
            + JobQueue.NEWEST_REPLICATION_JOB_CREATED_AT + " AS newest_created_at "
            + "FROM connection c WHERE c.status = :active AND c.schedule_type <> :manual")
        .bindList("types", JobQueue.REPLICATION)
        .bind("active", ConnectionStatus.ACTIVE)
        .bind("manual", ScheduleType.MANUAL)
        .map(row -> {
          Long newest = row.getColumn("newest_id", Long.class);
          return new ScheduledConnection(row.getColumn("id", UUID.class),
              row.getColumn("schedule_type", ScheduleType.class), row.getColumn("schedule_data", JsonNode.class),
              row.getColumn("created_at", Instant.class), row.getColumn("updated_at", Instant.class),
              newest == null ? OptionalLong.empty() : OptionalLong.of(newest),
              Optional.ofNullable(row.getColumn("newest_created_at", Instant.class)));
        })
        .list());
  }

  /** Every connection with a status, across workspaces. */
  public List<Connection> listByStatus(ConnectionStatus status) {
    requireNonNull(status, "status is null");
    return select("c.status = :status", query -> query.bind("status", status));
  }

  private static String withDeprecated(String where, boolean includeDeprecated) {
    return includeDeprecated ? where : where + " AND " + NOT_DEPRECATED;
  }

  /**
   * Reads the connections matching {@code where}, then their operation ids with the same condition (a subquery, not
   * an id list, so there is no limit on how many connections one call returns).
   */
  private List<Connection> select(String where, Consumer<Query> binder) {
    return select(where, binder, null);
  }

  /** As above, the connections cut to a window (when not null); the operations query reads past it, harmlessly. */
  private List<Connection> select(String where, Consumer<Query> binder, Window window) {
    return database.jdbi().inTransaction(handle -> {
      Query connections = handle.createQuery("SELECT " + COLUMNS + " FROM connection c WHERE " + where
          + " ORDER BY LOWER(c.name), c.id" + (window == null ? "" : " LIMIT :limit OFFSET :offset"));
      binder.accept(connections);
      if (window != null) {
        connections.bind("limit", window.limit()).bind("offset", window.offset());
      }
      Map<UUID, Connection> byId = new LinkedHashMap<>();
      connections.map(ConnectionRepository::map).forEach(c -> byId.put(c.id(), c));
      if (byId.isEmpty()) {
        return List.of();
      }
      Query operations = handle.createQuery("SELECT co.connection_id, co.operation_id FROM connection_operation co "
          + "WHERE co.connection_id IN (SELECT c.id FROM connection c WHERE " + where + ") "
          + "ORDER BY co.connection_id, co.position");
      binder.accept(operations);
      Map<UUID, List<UUID>> operationIds = new LinkedHashMap<>();
      operations.map(row -> Map.entry(row.getColumn("connection_id", UUID.class), row.getColumn("operation_id", UUID.class)))
          .forEach(e -> operationIds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      return byId.values().stream()
          .map(c -> operationIds.containsKey(c.id()) ? c.withOperationIds(operationIds.get(c.id())) : c)
          .toList();
    });
  }

  private record Window(int limit, int offset) {}

  private void insertOperations(Handle handle, Connection connection) {
    if (new HashSet<>(connection.operationIds()).size() != connection.operationIds().size()) {
      throw new IllegalArgumentException("connection " + connection.id() + " lists an operation twice");
    }
    if (connection.operationIds().isEmpty()) {
      return;
    }
    Instant now = database.now();
    PreparedBatch batch = handle.prepareBatch("INSERT INTO connection_operation (id, connection_id, operation_id, "
        + "position, created_at, updated_at) VALUES (:id, :connectionId, :operationId, :position, :now, :now)");
    for (int i = 0; i < connection.operationIds().size(); i++) {
      batch.bind("id", UUID.randomUUID())
          .bind("connectionId", connection.id())
          .bind("operationId", connection.operationIds().get(i))
          .bind("position", i)
          .bind("now", now)
          .add();
    }
    batch.execute();
  }

  private static Connection map(RowView row) {
    return new Connection(
        row.getColumn("id", UUID.class),
        row.getColumn("name", String.class),
        row.getColumn("source_id", UUID.class),
        row.getColumn("destination_id", UUID.class),
        row.getColumn("namespace_definition", NamespaceDefinitionType.class),
        row.getColumn("namespace_format", String.class),
        row.getColumn("prefix", String.class),
        row.getColumn("catalog", JsonNode.class),
        row.getColumn("schedule_type", ScheduleType.class),
        row.getColumn("schedule_data", JsonNode.class),
        row.getColumn("status", ConnectionStatus.class),
        row.getColumn("resource_requirements", JsonNode.class),
        row.getColumn("source_catalog_id", UUID.class),
        row.getColumn("geography", Geography.class),
        row.getColumn("breaking_change", Boolean.class),
        row.getColumn("non_breaking_change_preference", NonBreakingChangesPreference.class),
        row.getColumn("notify_schema_changes", Boolean.class),
        row.getColumn("notify_schema_changes_by_email", Boolean.class),
        row.getColumn("backfill_preference", BackfillPreference.class),
        List.of(),
        row.getColumn("created_at", Instant.class),
        row.getColumn("updated_at", Instant.class));
  }
}
