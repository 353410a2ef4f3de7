package dev.gale.server.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.Query;

/**
 * Sources and destinations (Airbyte's actors). Deleting one is a tombstone: the row stays so that jobs and
 * deprecated connections that name it still resolve, and {@link #find} still returns it with the flag set.
 *
 * <p>Every row is written with its {@link ConfigurationSeal} and checked against it when read: a row changed
 * outside Gale is a {@link TamperedRowException}, never an actor a connector would be given.
 */
public final class ActorRepository {
  private static final String COLUMNS = "id, workspace_id, actor_definition_id, actor_type, name, configuration, "
      + "tombstone, created_at, updated_at, configuration_seal";

  private final Database database;
  private final ConfigurationSeal seal;

  public ActorRepository(Database database, ConfigurationSeal seal) {
    this.database = requireNonNull(database, "database is null");
    this.seal = requireNonNull(seal, "seal is null");
  }

  public void insert(Actor actor) {
    requireNonNull(actor, "actor is null");
    database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO actor (" + COLUMNS + ") VALUES (:id, "
            + ":workspaceId, :actorDefinitionId, :actorType, :name, :configuration, :tombstone, :createdAt, :updatedAt, "
            + ":seal)")
        .bindMethods(actor)
        .bind("seal", seal.of(actor))
        .execute());
  }

  /**
   * Writes the name, configuration, tombstone and updatedAt; the workspace, definition and type of an actor never
   * change. False when there is no such actor.
   */
  public boolean update(Actor actor) {
    requireNonNull(actor, "actor is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE actor SET name = :name, "
            + "configuration = :configuration, tombstone = :tombstone, updated_at = :updatedAt, "
            + "configuration_seal = :seal WHERE id = :id")
        .bindMethods(actor)
        .bind("seal", seal.of(actor))
        .execute()) == 1;
  }

  /**
   * Finds an actor, tombstoned or not.
   *
   * @throws TamperedRowException when its row was changed outside Gale
   */
  public Optional<Actor> find(UUID id) {
    requireNonNull(id, "id is null");
    return findRow(id).map(this::verified);
  }

  /**
   * Finds an actor without checking its seal: only to delete it, which is how a user gets rid of a row that
   * {@link #find} refuses. Its configuration must not be used.
   */
  public Optional<Actor> findToDelete(UUID id) {
    requireNonNull(id, "id is null");
    return findRow(id).map(SealedActor::actor);
  }

  /**
   * Seals every row that has no seal yet: those stored before seals existed. Run only by the process that applied
   * the migration adding seals, since afterwards a row without one is a row changed outside Gale.
   *
   * @return how many rows were sealed
   */
  public int sealUnsealed() {
    return database.jdbi().inTransaction(handle -> {
      List<Actor> unsealed = handle.createQuery("SELECT " + COLUMNS + " FROM actor WHERE configuration_seal IS NULL")
          .map(ActorRepository::map).list().stream().map(SealedActor::actor).toList();
      unsealed.forEach(actor -> handle.createUpdate("UPDATE actor SET configuration_seal = :seal WHERE id = :id")
          .bind("seal", seal.of(actor)).bind("id", actor.id()).execute());
      return unsealed.size();
    });
  }

  private Optional<SealedActor> findRow(UUID id) {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM actor WHERE id = :id")
        .bind("id", id)
        .map(ActorRepository::map)
        .findOne());
  }

  /** The live actors of a type in a workspace, by name (ignoring case). */
  public List<Actor> listByWorkspace(UUID workspaceId, ActorType actorType) {
    requireNonNull(workspaceId, "workspaceId is null");
    return search(ActorSearch.of(actorType).inWorkspace(workspaceId));
  }

  /** The actors that match every criterion given, by name (ignoring case). */
  public List<Actor> search(ActorSearch search) {
    return search(search, Integer.MAX_VALUE, 0);
  }

  /** The actors that match every criterion given, by name (ignoring case) then id, {@code limit} after {@code offset}. */
  public List<Actor> search(ActorSearch search, int limit, int offset) {
    requireNonNull(search, "search is null");
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative");
    }
    List<String> conditions = new ArrayList<>();
    conditions.add("actor_type = :actorType");
    if (!search.workspaceIds().isEmpty()) {
      conditions.add("workspace_id IN (<workspaceIds>)");
    }
    if (search.definitionId() != null) {
      conditions.add("actor_definition_id = :definitionId");
    }
    if (search.nameContains() != null) {
      conditions.add("LOWER(name) LIKE :namePattern");
    }
    if (!search.includeTombstoned()) {
      conditions.add("tombstone = FALSE");
    }
    String sql = "SELECT " + COLUMNS + " FROM actor WHERE " + String.join(" AND ", conditions)
        + " ORDER BY LOWER(name), id LIMIT :limit OFFSET :offset";
    return database.jdbi().withHandle(handle -> {
      Query query = handle.createQuery(sql).bind("actorType", search.actorType()).bind("limit", limit)
          .bind("offset", offset);
      if (!search.workspaceIds().isEmpty()) {
        query.bindList("workspaceIds", List.copyOf(search.workspaceIds()));
      }
      if (search.definitionId() != null) {
        query.bind("definitionId", search.definitionId());
      }
      if (search.nameContains() != null) {
        query.bind("namePattern", Sql.containsPattern(search.nameContains()));
      }
      return query.map(ActorRepository::map).list().stream().map(this::verified).toList();
    });
  }

  /** Marks an actor deleted; false when there is no such actor. */
  public boolean tombstone(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate(
            "UPDATE actor SET tombstone = TRUE, updated_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("now", database.now())
        .execute()) == 1;
  }

  private Actor verified(SealedActor row) {
    // Constant-time comparison: a seal is a MAC, and how long a comparison took must not tell how much matched.
    if (row.seal() == null || !MessageDigest.isEqual(row.seal().getBytes(US_ASCII), seal.of(row.actor()).getBytes(US_ASCII))) {
      throw new TamperedRowException(row.actor().actorType().name().toLowerCase(Locale.ROOT), row.actor().id());
    }
    return row.actor();
  }

  /** A row as read, before its seal is checked. */
  private record SealedActor(Actor actor, String seal) {}

  private static SealedActor map(RowView row) {
    return new SealedActor(new Actor(
        row.getColumn("id", UUID.class),
        row.getColumn("workspace_id", UUID.class),
        row.getColumn("actor_definition_id", UUID.class),
        row.getColumn("actor_type", ActorType.class),
        row.getColumn("name", String.class),
        row.getColumn("configuration", JsonNode.class),
        row.getColumn("tombstone", Boolean.class),
        row.getColumn("created_at", Instant.class),
        row.getColumn("updated_at", Instant.class)), row.getColumn("configuration_seal", String.class));
  }
}
