package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.DeclarativeDefinition;
import dev.gale.server.domain.DeclarativeManifest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Declarative source definitions: a source definition (see {@link DefinitionRepository}) plus every version of its
 * manifest. Each manifest version comes with a definition version of its own, written in the same transaction, so
 * that the definition's default version always describes its newest manifest.
 */
public final class DeclarativeSourceRepository {
  private static final String MANIFEST_COLUMNS = "m.actor_definition_id AS m_actor_definition_id, "
      + "m.version AS m_version, m.manifest AS m_manifest, m.created_at AS m_created_at";
  /** A definition joined with its newest manifest. */
  private static final String WITH_NEWEST_MANIFEST = "SELECT " + DefinitionRepository.DEFINITION_COLUMNS + ", "
      + MANIFEST_COLUMNS + " FROM actor_definition d JOIN declarative_manifest m ON m.actor_definition_id = d.id "
      + "AND m.version = (SELECT MAX(n.version) FROM declarative_manifest n WHERE n.actor_definition_id = d.id)";

  private final Database database;
  private final DefinitionRepository definitions;

  public DeclarativeSourceRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
    this.definitions = new DefinitionRepository(database);
  }

  /**
   * Stores a new declarative definition in one transaction: the definition with its first version (its default),
   * the first manifest, and the grant to the workspace that owns it.
   */
  public void insert(ActorDefinition definition, ActorDefinitionVersion version, DeclarativeManifest manifest,
                     UUID workspaceId) {
    requireNonNull(definition, "definition is null");
    requireNonNull(version, "version is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(workspaceId, "workspaceId is null");
    if (!manifest.actorDefinitionId().equals(definition.id()) || !version.actorDefinitionId().equals(definition.id())) {
      throw new IllegalArgumentException("version or manifest belongs to another definition than " + definition.id());
    }
    database.jdbi().useTransaction(handle -> {
      DefinitionRepository.insert(handle, definition, version);
      insertManifest(handle, manifest);
      DefinitionRepository.grant(handle, definition.id(), workspaceId);
    });
  }

  /**
   * Adds a manifest version with its definition version, which becomes the definition's default. False, and
   * nothing written, when the definition already has that manifest version (a concurrent update took it).
   */
  public boolean addVersion(ActorDefinitionVersion version, DeclarativeManifest manifest) {
    requireNonNull(version, "version is null");
    requireNonNull(manifest, "manifest is null");
    if (!manifest.actorDefinitionId().equals(version.actorDefinitionId())) {
      throw new IllegalArgumentException("version and manifest belong to different definitions");
    }
    try {
      database.jdbi().useTransaction(handle -> {
        insertManifest(handle, manifest);
        DefinitionRepository.insertVersion(handle, version);
        if (!definitions.setDefaultVersion(handle, version.actorDefinitionId(), version.id())) {
          throw new IllegalStateException("no definition " + version.actorDefinitionId());
        }
      });
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /** A declarative definition, tombstoned or not, with its newest manifest; empty for any other definition. */
  public Optional<DeclarativeDefinition> find(UUID definitionId) {
    requireNonNull(definitionId, "definitionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(WITH_NEWEST_MANIFEST + " WHERE d.id = :id")
        .bind("id", definitionId)
        .map(DeclarativeSourceRepository::mapDefinition)
        .findOne());
  }

  /** The live declarative definitions granted to a workspace, by name, each with its newest manifest. */
  public List<DeclarativeDefinition> listGrantedTo(UUID workspaceId) {
    requireNonNull(workspaceId, "workspaceId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(WITH_NEWEST_MANIFEST
            + " WHERE d.tombstone = FALSE AND EXISTS (SELECT 1 FROM actor_definition_workspace_grant g "
            + "WHERE g.actor_definition_id = d.id AND g.workspace_id = :workspaceId) ORDER BY LOWER(d.name), d.id")
        .bind("workspaceId", workspaceId)
        .map(DeclarativeSourceRepository::mapDefinition)
        .list());
  }

  /** Every manifest version of a definition, oldest first. */
  public List<DeclarativeManifest> listVersions(UUID definitionId) {
    requireNonNull(definitionId, "definitionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + MANIFEST_COLUMNS
            + " FROM declarative_manifest m WHERE m.actor_definition_id = :id ORDER BY m.version")
        .bind("id", definitionId)
        .map(DeclarativeSourceRepository::mapManifest)
        .list());
  }

  private static void insertManifest(Handle handle, DeclarativeManifest manifest) {
    handle.createUpdate("INSERT INTO declarative_manifest (actor_definition_id, version, manifest, created_at) "
            + "VALUES (:actorDefinitionId, :version, :manifest, :createdAt)")
        .bindMethods(manifest)
        .execute();
  }

  private static DeclarativeDefinition mapDefinition(RowView row) {
    return new DeclarativeDefinition(DefinitionRepository.mapDefinition(row), mapManifest(row));
  }

  private static DeclarativeManifest mapManifest(RowView row) {
    return new DeclarativeManifest(
        row.getColumn("m_actor_definition_id", UUID.class),
        row.getColumn("m_version", Long.class),
        row.getColumn("m_manifest", JsonNode.class),
        row.getColumn("m_created_at", Instant.class));
  }
}
