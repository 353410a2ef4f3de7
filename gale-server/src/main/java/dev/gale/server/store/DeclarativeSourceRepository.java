package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.BuilderProject;
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
 * manifest. Each manifest version comes with a definition version of its own (tagged with the version's number),
 * written in the same transaction. The definition's default version names the active manifest: the one it runs.
 */
public final class DeclarativeSourceRepository {
  private static final String MANIFEST_COLUMNS = "m.actor_definition_id AS m_actor_definition_id, "
      + "m.version AS m_version, m.manifest AS m_manifest, m.description AS m_description, "
      + "m.created_at AS m_created_at";
  /**
   * A definition joined with its active manifest: the one its default version is tagged with. The number is compared
   * as text, so that no other definition's tag is ever cast to a number.
   */
  private static final String WITH_ACTIVE_MANIFEST = "SELECT " + DefinitionRepository.DEFINITION_COLUMNS + ", "
      + MANIFEST_COLUMNS + " FROM actor_definition d "
      + "JOIN actor_definition_version a ON a.id = d.default_version_id "
      + "JOIN declarative_manifest m ON m.actor_definition_id = d.id AND CAST(m.version AS VARCHAR(20)) = a.docker_image_tag";

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
    insert(definition, version, manifest, workspaceId, null);
  }

  /**
   * Stores a new declarative definition as {@link #insert(ActorDefinition, ActorDefinitionVersion,
   * DeclarativeManifest, UUID)} does, and in the same transaction the builder project it was published from: a
   * stored project is linked to the definition and loses its draft, a new one is stored linked.
   *
   * @param project the project, naming the definition; null for none
   */
  public void insert(ActorDefinition definition, ActorDefinitionVersion version, DeclarativeManifest manifest,
                     UUID workspaceId, BuilderProject project) {
    requireNonNull(definition, "definition is null");
    requireNonNull(version, "version is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(workspaceId, "workspaceId is null");
    if (!manifest.actorDefinitionId().equals(definition.id()) || !version.actorDefinitionId().equals(definition.id())
        || project != null && !definition.id().equals(project.actorDefinitionId())) {
      throw new IllegalArgumentException("version, manifest or project belongs to another definition than " + definition.id());
    }
    database.jdbi().useTransaction(handle -> {
      DefinitionRepository.insert(handle, definition, version);
      insertManifest(handle, manifest);
      DefinitionRepository.grant(handle, definition.id(), workspaceId);
      if (project != null) {
        BuilderProjectRepository.publish(handle, project);
      }
    });
  }

  /**
   * Adds a manifest version with its definition version, which becomes the definition's default. False, and
   * nothing written, when the definition already has that manifest version (a concurrent update took it).
   */
  public boolean addVersion(ActorDefinitionVersion version, DeclarativeManifest manifest) {
    return addVersion(version, manifest, true);
  }

  /**
   * Adds a manifest version with its definition version, which becomes the definition's default when
   * {@code activate}. False, and nothing written, when the definition already has that manifest version.
   */
  public boolean addVersion(ActorDefinitionVersion version, DeclarativeManifest manifest, boolean activate) {
    requireNonNull(version, "version is null");
    requireNonNull(manifest, "manifest is null");
    if (!manifest.actorDefinitionId().equals(version.actorDefinitionId())) {
      throw new IllegalArgumentException("version and manifest belong to different definitions");
    }
    try {
      database.jdbi().useTransaction(handle -> {
        insertManifest(handle, manifest);
        DefinitionRepository.insertVersion(handle, version);
        if (activate && !definitions.setDefaultVersion(handle, version.actorDefinitionId(), version.id())) {
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

  /**
   * Makes a stored manifest version the active one: the definition's default version becomes the one tagged with
   * it. False when the definition has no such manifest version.
   */
  public boolean activate(UUID definitionId, long manifestVersion) {
    requireNonNull(definitionId, "definitionId is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE actor_definition SET default_version_id = "
            + "(SELECT v.id FROM actor_definition_version v WHERE v.actor_definition_id = :id AND v.docker_image_tag = :tag), "
            + "updated_at = :now WHERE id = :id AND EXISTS (SELECT 1 FROM declarative_manifest m "
            + "JOIN actor_definition_version v ON v.actor_definition_id = m.actor_definition_id AND v.docker_image_tag = :tag "
            + "WHERE m.actor_definition_id = :id AND m.version = :version)")
        .bind("id", definitionId)
        .bind("version", manifestVersion)
        .bind("tag", String.valueOf(manifestVersion))
        .bind("now", database.now())
        .execute() == 1);
  }

  /** A declarative definition, tombstoned or not, with its active manifest; empty for any other definition. */
  public Optional<DeclarativeDefinition> find(UUID definitionId) {
    requireNonNull(definitionId, "definitionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(WITH_ACTIVE_MANIFEST + " WHERE d.id = :id")
        .bind("id", definitionId)
        .map(DeclarativeSourceRepository::mapDefinition)
        .findOne());
  }

  /** The live declarative definitions granted to a workspace, by name, each with its active manifest. */
  public List<DeclarativeDefinition> listGrantedTo(UUID workspaceId) {
    requireNonNull(workspaceId, "workspaceId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(WITH_ACTIVE_MANIFEST
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

  /** One manifest version of a definition. */
  public Optional<DeclarativeManifest> findVersion(UUID definitionId, long version) {
    requireNonNull(definitionId, "definitionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + MANIFEST_COLUMNS
            + " FROM declarative_manifest m WHERE m.actor_definition_id = :id AND m.version = :version")
        .bind("id", definitionId)
        .bind("version", version)
        .map(DeclarativeSourceRepository::mapManifest)
        .findOne());
  }

  private static void insertManifest(Handle handle, DeclarativeManifest manifest) {
    handle.createUpdate("INSERT INTO declarative_manifest (actor_definition_id, version, manifest, description, "
            + "created_at) VALUES (:actorDefinitionId, :version, :manifest, :description, :createdAt)")
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
        row.getColumn("m_description", String.class),
        row.getColumn("m_created_at", Instant.class));
  }
}
