package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Tags and the connections they are on (table {@code connection_tag}). A tag's name is unique in its workspace: a
 * write that would take a name already taken answers false rather than failing, races included.
 */
public final class TagRepository {
  private static final String COLUMNS = "t.id, t.workspace_id, t.name, t.color, t.created_at, t.updated_at";
  private static final String ORDER = " ORDER BY t.workspace_id, LOWER(t.name), t.id";

  private final Database database;

  public TagRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** False when the workspace has a tag of that name already. */
  public boolean insert(Tag tag) {
    requireNonNull(tag, "tag is null");
    return unlessNameTaken(() -> database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO tag "
            + "(id, workspace_id, name, color, created_at, updated_at) "
            + "VALUES (:id, :workspaceId, :name, :color, :createdAt, :updatedAt)")
        .bindMethods(tag)
        .execute()));
  }

  /** Writes the name, color and update time; false when another tag of the workspace has that name. */
  public boolean update(Tag tag) {
    requireNonNull(tag, "tag is null");
    return unlessNameTaken(() -> database.jdbi().useHandle(handle -> handle.createUpdate(
            "UPDATE tag SET name = :name, color = :color, updated_at = :updatedAt WHERE id = :id")
        .bindMethods(tag)
        .execute()));
  }

  public Optional<Tag> find(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM tag t WHERE t.id = :id")
        .bind("id", id)
        .map(TagRepository::map)
        .findOne());
  }

  /** The tags of these workspaces, by workspace, then by name. */
  public List<Tag> listByWorkspaces(Collection<UUID> workspaceIds) {
    requireNonNull(workspaceIds, "workspaceIds is null");
    if (workspaceIds.isEmpty()) {
      return List.of();
    }
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM tag t "
            + "WHERE t.workspace_id IN (<workspaceIds>)" + ORDER)
        .bindList("workspaceIds", List.copyOf(workspaceIds))
        .map(TagRepository::map)
        .list());
  }

  /** Deletes a tag and takes it off every connection, in one transaction; false when there is no such tag. */
  public boolean delete(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().inTransaction(handle -> {
      handle.createUpdate("DELETE FROM connection_tag WHERE tag_id = :id").bind("id", id).execute();
      return handle.createUpdate("DELETE FROM tag WHERE id = :id").bind("id", id).execute() == 1;
    });
  }

  /** The tags on each of these connections, by name; a connection without tags maps to an empty list. */
  public Map<UUID, List<Tag>> tagsOfConnections(Collection<UUID> connectionIds) {
    requireNonNull(connectionIds, "connectionIds is null");
    Map<UUID, List<Tag>> tags = new LinkedHashMap<>();
    connectionIds.forEach(id -> tags.put(id, new ArrayList<>()));
    if (connectionIds.isEmpty()) {
      return tags;
    }
    database.jdbi().useHandle(handle -> handle.createQuery("SELECT ct.connection_id, " + COLUMNS + " FROM tag t "
            + "JOIN connection_tag ct ON ct.tag_id = t.id WHERE ct.connection_id IN (<connectionIds>)" + ORDER)
        .bindList("connectionIds", List.copyOf(connectionIds))
        .map(row -> Map.entry(row.getColumn("connection_id", UUID.class), map(row)))
        .forEach(entry -> tags.get(entry.getKey()).add(entry.getValue())));
    return tags;
  }

  /** Makes these tags (given once each) exactly the ones on the connection, in one transaction. */
  public void replaceConnectionTags(UUID connectionId, Collection<UUID> tagIds) {
    requireNonNull(connectionId, "connectionId is null");
    List<UUID> distinct = List.copyOf(new LinkedHashSet<>(requireNonNull(tagIds, "tagIds is null")));
    Instant now = database.now();
    database.jdbi().useTransaction(handle -> {
      handle.createUpdate("DELETE FROM connection_tag WHERE connection_id = :connectionId")
          .bind("connectionId", connectionId)
          .execute();
      if (distinct.isEmpty()) {
        return;
      }
      PreparedBatch batch = handle.prepareBatch("INSERT INTO connection_tag (id, tag_id, connection_id, created_at) "
          + "VALUES (:id, :tagId, :connectionId, :now)");
      for (UUID tagId : distinct) {
        batch.bind("id", UUID.randomUUID()).bind("tagId", tagId).bind("connectionId", connectionId).bind("now", now).add();
      }
      batch.execute();
    });
  }

  private static boolean unlessNameTaken(Runnable write) {
    try {
      write.run();
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  private static Tag map(RowView row) {
    return new Tag(
        row.getColumn("id", UUID.class),
        row.getColumn("workspace_id", UUID.class),
        row.getColumn("name", String.class),
        row.getColumn("color", String.class),
        row.getColumn("created_at", Instant.class),
        row.getColumn("updated_at", Instant.class));
  }
}
