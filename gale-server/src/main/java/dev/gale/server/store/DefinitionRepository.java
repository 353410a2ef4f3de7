package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Connector definitions, their versions, and which workspaces may use a non-public definition. A workspace sees a
 * definition when it is public or granted to the workspace, and not tombstoned.
 */
public final class DefinitionRepository {
  static final String DEFINITION_COLUMNS = "d.id AS d_id, d.actor_type AS d_actor_type, d.name AS d_name, "
      + "d.icon AS d_icon, d.source_type AS d_source_type, d.custom AS d_custom, d.public AS d_public, "
      + "d.tombstone AS d_tombstone, d.default_version_id AS d_default_version_id, "
      + "d.resource_requirements AS d_resource_requirements, d.created_at AS d_created_at, d.updated_at AS d_updated_at";
  private static final String VERSION_COLUMNS = "v.id AS v_id, v.actor_definition_id AS v_actor_definition_id, "
      + "v.docker_repository AS v_docker_repository, v.docker_image_tag AS v_docker_image_tag, "
      + "v.documentation_url AS v_documentation_url, v.spec AS v_spec, v.protocol_version AS v_protocol_version, "
      + "v.release_stage AS v_release_stage, v.release_date AS v_release_date, v.support_level AS v_support_level, "
      + "v.created_at AS v_created_at";
  private static final String WITH_DEFAULT_VERSION = "SELECT " + DEFINITION_COLUMNS + ", " + VERSION_COLUMNS
      + " FROM actor_definition d JOIN actor_definition_version v ON v.id = d.default_version_id";

  /** Public, or granted to {@code :workspaceId}. */
  private static final String VISIBLE = "(d.public = TRUE OR EXISTS (SELECT 1 FROM actor_definition_workspace_grant g "
      + "WHERE g.actor_definition_id = d.id AND g.workspace_id = :workspaceId))";

  private final Database database;

  public DefinitionRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /**
   * Stores a new definition with its first version, which becomes the default whatever
   * {@code definition.defaultVersionId()} says. One transaction: no definition is ever seen without a default.
   */
  public void insert(ActorDefinition definition, ActorDefinitionVersion defaultVersion) {
    requireNonNull(definition, "definition is null");
    requireNonNull(defaultVersion, "defaultVersion is null");
    if (!defaultVersion.actorDefinitionId().equals(definition.id())) {
      throw new IllegalArgumentException("version " + defaultVersion.id() + " belongs to another definition");
    }
    database.jdbi().useTransaction(handle -> insert(handle, definition, defaultVersion));
  }

  /** {@link #insert(ActorDefinition, ActorDefinitionVersion)} within a caller's transaction. */
  static void insert(Handle handle, ActorDefinition definition, ActorDefinitionVersion defaultVersion) {
    handle.createUpdate("INSERT INTO actor_definition (id, actor_type, name, icon, source_type, custom, public, "
            + "tombstone, default_version_id, resource_requirements, created_at, updated_at) VALUES (:id, "
            + ":actorType, :name, :icon, :sourceType, :custom, :isPublic, :tombstone, NULL, :resourceRequirements, "
            + ":createdAt, :updatedAt)")
        .bindMethods(definition)
        .execute();
    insertVersion(handle, defaultVersion);
    handle.createUpdate("UPDATE actor_definition SET default_version_id = :versionId WHERE id = :id")
        .bind("versionId", defaultVersion.id())
        .bind("id", definition.id())
        .execute();
  }

  /** Writes every field but {@code id}, {@code actorType} and {@code createdAt}; false when there is none. */
  public boolean update(ActorDefinition definition) {
    requireNonNull(definition, "definition is null");
    requireNonNull(definition.defaultVersionId(), "defaultVersionId is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE actor_definition SET name = :name, "
            + "icon = :icon, source_type = :sourceType, custom = :custom, public = :isPublic, tombstone = :tombstone, "
            + "default_version_id = :defaultVersionId, resource_requirements = :resourceRequirements, "
            + "updated_at = :updatedAt WHERE id = :id")
        .bindMethods(definition)
        .execute()) == 1;
  }

  /** Adds a version; fails if the definition already has a version with the same image tag. */
  public void insertVersion(ActorDefinitionVersion version) {
    requireNonNull(version, "version is null");
    database.jdbi().useHandle(handle -> insertVersion(handle, version));
  }

  /** Makes a version of the definition its default; false when either does not exist or they do not match. */
  public boolean setDefaultVersion(UUID definitionId, UUID versionId) {
    requireNonNull(definitionId, "definitionId is null");
    requireNonNull(versionId, "versionId is null");
    return database.jdbi().withHandle(handle -> setDefaultVersion(handle, definitionId, versionId));
  }

  /** Finds a definition, tombstoned or not. */
  public Optional<ActorDefinition> find(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT " + DEFINITION_COLUMNS + " FROM actor_definition d WHERE d.id = :id")
        .bind("id", id)
        .map(DefinitionRepository::mapDefinition)
        .findOne());
  }

  /** Finds a definition, tombstoned or not, with its default version. */
  public Optional<DefinitionWithVersion> findWithDefaultVersion(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(WITH_DEFAULT_VERSION + " WHERE d.id = :id")
        .bind("id", id)
        .map(DefinitionRepository::mapWithVersion)
        .findOne());
  }

  public Optional<ActorDefinitionVersion> findVersion(UUID versionId) {
    requireNonNull(versionId, "versionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT " + VERSION_COLUMNS + " FROM actor_definition_version v WHERE v.id = :id")
        .bind("id", versionId)
        .map(DefinitionRepository::mapVersion)
        .findOne());
  }

  public Optional<ActorDefinitionVersion> findVersion(UUID definitionId, String dockerImageTag) {
    requireNonNull(definitionId, "definitionId is null");
    requireNonNull(dockerImageTag, "dockerImageTag is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + VERSION_COLUMNS
            + " FROM actor_definition_version v WHERE v.actor_definition_id = :definitionId AND v.docker_image_tag = :tag")
        .bind("definitionId", definitionId)
        .bind("tag", dockerImageTag)
        .map(DefinitionRepository::mapVersion)
        .findOne());
  }

  /** The versions of a definition, oldest first. */
  public List<ActorDefinitionVersion> listVersions(UUID definitionId) {
    requireNonNull(definitionId, "definitionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + VERSION_COLUMNS
            + " FROM actor_definition_version v WHERE v.actor_definition_id = :definitionId ORDER BY v.created_at, v.id")
        .bind("definitionId", definitionId)
        .map(DefinitionRepository::mapVersion)
        .list());
  }

  /** Every live definition of a type, public or not, by name. */
  public List<DefinitionWithVersion> list(ActorType actorType) {
    requireNonNull(actorType, "actorType is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(WITH_DEFAULT_VERSION
            + " WHERE d.actor_type = :actorType AND d.tombstone = FALSE ORDER BY LOWER(d.name), d.id")
        .bind("actorType", actorType)
        .map(DefinitionRepository::mapWithVersion)
        .list());
  }

  /** The live definitions of a type that a workspace may use (public or granted to it), by name. */
  public List<DefinitionWithVersion> listVisibleTo(UUID workspaceId, ActorType actorType) {
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(actorType, "actorType is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(WITH_DEFAULT_VERSION
            + " WHERE d.actor_type = :actorType AND d.tombstone = FALSE AND " + VISIBLE + " ORDER BY LOWER(d.name), d.id")
        .bind("actorType", actorType)
        .bind("workspaceId", workspaceId)
        .map(DefinitionRepository::mapWithVersion)
        .list());
  }

  /** Whether a workspace may use a definition: it is live, and public or granted to the workspace. */
  public boolean isVisibleTo(UUID definitionId, UUID workspaceId) {
    requireNonNull(definitionId, "definitionId is null");
    requireNonNull(workspaceId, "workspaceId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM actor_definition d "
            + "WHERE d.id = :definitionId AND d.tombstone = FALSE AND " + VISIBLE)
        .bind("definitionId", definitionId)
        .bind("workspaceId", workspaceId)
        .mapTo(Integer.class)
        .one()) > 0;
  }

  /** Lets a workspace use a definition. Granting twice is harmless. */
  public void grant(UUID definitionId, UUID workspaceId) {
    requireNonNull(definitionId, "definitionId is null");
    requireNonNull(workspaceId, "workspaceId is null");
    try {
      database.jdbi().useHandle(handle -> grant(handle, definitionId, workspaceId));
    } catch (UnableToExecuteStatementException e) {
      if (!Sql.isUniqueViolation(e)) { // else a concurrent grant won the race: the grant exists, as wanted
        throw e;
      }
    }
  }

  /** {@link #grant(UUID, UUID)} within a caller's transaction. */
  static void grant(Handle handle, UUID definitionId, UUID workspaceId) {
    handle.createUpdate("INSERT INTO actor_definition_workspace_grant (actor_definition_id, workspace_id) "
            + "SELECT :definitionId, :workspaceId WHERE NOT EXISTS (SELECT 1 FROM actor_definition_workspace_grant "
            + "WHERE actor_definition_id = :definitionId AND workspace_id = :workspaceId)")
        .bind("definitionId", definitionId)
        .bind("workspaceId", workspaceId)
        .execute();
  }

  /** Takes a grant back; false when there was none. */
  public boolean revoke(UUID definitionId, UUID workspaceId) {
    requireNonNull(definitionId, "definitionId is null");
    requireNonNull(workspaceId, "workspaceId is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("DELETE FROM actor_definition_workspace_grant "
            + "WHERE actor_definition_id = :definitionId AND workspace_id = :workspaceId")
        .bind("definitionId", definitionId)
        .bind("workspaceId", workspaceId)
        .execute()) == 1;
  }

  /** The workspaces a definition is granted to. */
  public List<UUID> listGrantedWorkspaces(UUID definitionId) {
    requireNonNull(definitionId, "definitionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT workspace_id FROM "
            + "actor_definition_workspace_grant WHERE actor_definition_id = :definitionId ORDER BY workspace_id")
        .bind("definitionId", definitionId)
        .mapTo(UUID.class)
        .list());
  }

  /** Marks a definition deleted: it leaves every listing, but existing actors still resolve it by id. */
  public boolean tombstone(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate(
            "UPDATE actor_definition SET tombstone = TRUE, updated_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("now", database.now())
        .execute()) == 1;
  }

  static void insertVersion(Handle handle, ActorDefinitionVersion version) {
    handle.createUpdate("INSERT INTO actor_definition_version (id, actor_definition_id, docker_repository, "
            + "docker_image_tag, documentation_url, spec, protocol_version, release_stage, release_date, "
            + "support_level, created_at) VALUES (:id, :actorDefinitionId, :dockerRepository, :dockerImageTag, "
            + ":documentationUrl, :spec, :protocolVersion, :releaseStage, :releaseDate, :supportLevel, :createdAt)")
        .bindMethods(version)
        .execute();
  }

  boolean setDefaultVersion(Handle handle, UUID definitionId, UUID versionId) {
    return handle.createUpdate("UPDATE actor_definition SET default_version_id = :versionId, updated_at = :now "
            + "WHERE id = :definitionId AND EXISTS (SELECT 1 FROM actor_definition_version v "
            + "WHERE v.id = :versionId AND v.actor_definition_id = :definitionId)")
        .bind("definitionId", definitionId)
        .bind("versionId", versionId)
        .bind("now", database.now())
        .execute() == 1;
  }

  private static DefinitionWithVersion mapWithVersion(RowView row) {
    return new DefinitionWithVersion(mapDefinition(row), mapVersion(row));
  }

  static ActorDefinition mapDefinition(RowView row) {
    return new ActorDefinition(
        row.getColumn("d_id", UUID.class),
        row.getColumn("d_actor_type", ActorType.class),
        row.getColumn("d_name", String.class),
        row.getColumn("d_icon", String.class),
        row.getColumn("d_source_type", SourceType.class),
        row.getColumn("d_custom", Boolean.class),
        row.getColumn("d_public", Boolean.class),
        row.getColumn("d_tombstone", Boolean.class),
        row.getColumn("d_default_version_id", UUID.class),
        row.getColumn("d_resource_requirements", JsonNode.class),
        row.getColumn("d_created_at", Instant.class),
        row.getColumn("d_updated_at", Instant.class));
  }

  private static ActorDefinitionVersion mapVersion(RowView row) {
    return new ActorDefinitionVersion(
        row.getColumn("v_id", UUID.class),
        row.getColumn("v_actor_definition_id", UUID.class),
        row.getColumn("v_docker_repository", String.class),
        row.getColumn("v_docker_image_tag", String.class),
        row.getColumn("v_documentation_url", String.class),
        row.getColumn("v_spec", JsonNode.class),
        row.getColumn("v_protocol_version", String.class),
        row.getColumn("v_release_stage", ReleaseStage.class),
        row.getColumn("v_release_date", LocalDate.class),
        row.getColumn("v_support_level", SupportLevel.class),
        row.getColumn("v_created_at", Instant.class));
  }
}
