package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Operation;
import dev.gale.server.domain.OperatorType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.result.RowView;

/** Operations (post-sync steps). Deleting one is a tombstone; detach it from its connections separately. */
public final class OperationRepository {
  private static final String COLUMNS = "o.id, o.workspace_id, o.name, o.operator_type, o.operator_configuration, "
      + "o.tombstone, o.created_at, o.updated_at";

  private final Database database;

  public OperationRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  public void insert(Operation operation) {
    requireNonNull(operation, "operation is null");
    database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO operation (id, workspace_id, name, "
            + "operator_type, operator_configuration, tombstone, created_at, updated_at) VALUES (:id, :workspaceId, "
            + ":name, :operatorType, :operatorConfiguration, :tombstone, :createdAt, :updatedAt)")
        .bindMethods(operation)
        .execute());
  }

  /** Writes every field but {@code id}, {@code workspaceId} and {@code createdAt}; false when there is none. */
  public boolean update(Operation operation) {
    requireNonNull(operation, "operation is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE operation SET name = :name, "
            + "operator_type = :operatorType, operator_configuration = :operatorConfiguration, "
            + "tombstone = :tombstone, updated_at = :updatedAt WHERE id = :id")
        .bindMethods(operation)
        .execute()) == 1;
  }

  /** Finds an operation, tombstoned or not. */
  public Optional<Operation> find(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT " + COLUMNS + " FROM operation o WHERE o.id = :id")
        .bind("id", id)
        .map(OperationRepository::map)
        .findOne());
  }

  /** The live operations of a workspace, by name. */
  public List<Operation> listByWorkspace(UUID workspaceId) {
    requireNonNull(workspaceId, "workspaceId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM operation o "
            + "WHERE o.workspace_id = :workspaceId AND o.tombstone = FALSE ORDER BY LOWER(o.name), o.id")
        .bind("workspaceId", workspaceId)
        .map(OperationRepository::map)
        .list());
  }

  /** The operations attached to a connection, in the order they run, tombstoned ones included. */
  public List<Operation> listByConnection(UUID connectionId) {
    requireNonNull(connectionId, "connectionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM operation o "
            + "JOIN connection_operation co ON co.operation_id = o.id WHERE co.connection_id = :connectionId "
            + "ORDER BY co.position")
        .bind("connectionId", connectionId)
        .map(OperationRepository::map)
        .list());
  }

  /** Marks an operation deleted; false when there is no such operation. */
  public boolean tombstone(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate(
            "UPDATE operation SET tombstone = TRUE, updated_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("now", database.now())
        .execute()) == 1;
  }

  private static Operation map(RowView row) {
    return new Operation(
        row.getColumn("id", UUID.class),
        row.getColumn("workspace_id", UUID.class),
        row.getColumn("name", String.class),
        row.getColumn("operator_type", OperatorType.class),
        row.getColumn("operator_configuration", JsonNode.class),
        row.getColumn("tombstone", Boolean.class),
        row.getColumn("created_at", Instant.class),
        row.getColumn("updated_at", Instant.class));
  }
}
