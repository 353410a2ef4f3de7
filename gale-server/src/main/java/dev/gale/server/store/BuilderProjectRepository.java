package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.BuilderProject;
import dev.gale.server.domain.BuilderProject.TestingValues;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.RowView;

/**
 * Connector builder projects. A deleted project is tombstoned, as Airbyte does, and no longer found; its published
 * definition lives on.
 */
public final class BuilderProjectRepository {
  private static final String COLUMNS = "p.id, p.workspace_id, p.name, p.actor_definition_id, p.manifest_draft, "
      + "p.testing_values, p.testing_values_spec, p.base_actor_definition_version_id, p.contribution_pull_request_url, "
      + "p.contribution_actor_definition_id, p.tombstone, p.created_at, p.updated_at";
  private static final String LIVE = "SELECT " + COLUMNS + " FROM connector_builder_project p WHERE p.tombstone = FALSE";

  private final Database database;

  public BuilderProjectRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  public void insert(BuilderProject project) {
    requireNonNull(project, "project is null");
    database.jdbi().useHandle(handle -> insert(handle, project));
  }

  /** A live project. */
  public Optional<BuilderProject> find(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(LIVE + " AND p.id = :id")
        .bind("id", id)
        .map(BuilderProjectRepository::map)
        .findOne());
  }

  /** The live project a definition was published from (the oldest, should there be several). */
  public Optional<BuilderProject> findForDefinition(UUID definitionId) {
    requireNonNull(definitionId, "definitionId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(LIVE
            + " AND p.actor_definition_id = :definitionId ORDER BY p.created_at, p.id")
        .bind("definitionId", definitionId)
        .map(BuilderProjectRepository::map)
        .findFirst());
  }

  /** A workspace's live projects, by name. */
  public List<BuilderProject> listForWorkspace(UUID workspaceId) {
    requireNonNull(workspaceId, "workspaceId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(LIVE
            + " AND p.workspace_id = :workspaceId ORDER BY LOWER(p.name), p.id")
        .bind("workspaceId", workspaceId)
        .map(BuilderProjectRepository::map)
        .list());
  }

  /** Every project's testing values, deleted projects' too: only to mask their secrets out of the server's log. */
  public List<TestingValues> listTestingValues() {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
            + " FROM connector_builder_project p WHERE p.testing_values IS NOT NULL")
        .map(BuilderProjectRepository::map)
        .map(BuilderProject::testingValues)
        .list());
  }

  /** Writes a live project's name, draft and references; false when there is none. */
  public boolean update(BuilderProject project) {
    requireNonNull(project, "project is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE connector_builder_project SET "
            + "name = :name, manifest_draft = :manifestDraft, "
            + "base_actor_definition_version_id = :baseActorDefinitionVersionId, "
            + "contribution_pull_request_url = :contributionPullRequestUrl, "
            + "contribution_actor_definition_id = :contributionActorDefinitionId, updated_at = :updatedAt "
            + "WHERE id = :id AND tombstone = FALSE")
        .bindMethods(project)
        .execute() == 1);
  }

  /** Replaces a live project's testing values; false when there is no such project. */
  public boolean saveTestingValues(UUID id, TestingValues values, Instant now) {
    requireNonNull(id, "id is null");
    requireNonNull(values, "values is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE connector_builder_project SET "
            + "testing_values = :stored, testing_values_spec = :spec, updated_at = :now WHERE id = :id AND tombstone = FALSE")
        .bind("id", id)
        .bind("stored", values.stored())
        .bind("spec", values.connectionSpecification())
        .bind("now", now)
        .execute() == 1);
  }

  /** Drops the draft of the workspace's project of a definition, once a version of it is published otherwise. */
  public void clearDraft(UUID definitionId, UUID workspaceId, Instant now) {
    database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE connector_builder_project SET "
            + "manifest_draft = NULL, updated_at = :now WHERE actor_definition_id = :definitionId "
            + "AND workspace_id = :workspaceId AND manifest_draft IS NOT NULL")
        .bind("definitionId", requireNonNull(definitionId, "definitionId is null"))
        .bind("workspaceId", requireNonNull(workspaceId, "workspaceId is null"))
        .bind("now", now)
        .execute());
  }

  /** Deletes a live project; false when there is none. */
  public boolean tombstone(UUID id, Instant now) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE connector_builder_project SET "
            + "tombstone = TRUE, updated_at = :now WHERE id = :id AND tombstone = FALSE")
        .bind("id", id)
        .bind("now", now)
        .execute() == 1);
  }

  /** Deletes the projects of a definition, when the definition itself is deleted. */
  public void tombstoneForDefinition(UUID definitionId, Instant now) {
    database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE connector_builder_project SET "
            + "tombstone = TRUE, updated_at = :now WHERE actor_definition_id = :definitionId AND tombstone = FALSE")
        .bind("definitionId", requireNonNull(definitionId, "definitionId is null"))
        .bind("now", now)
        .execute());
  }

  static void insert(Handle handle, BuilderProject project) {
    handle.createUpdate("INSERT INTO connector_builder_project (id, workspace_id, name, actor_definition_id, "
            + "manifest_draft, testing_values, testing_values_spec, base_actor_definition_version_id, "
            + "contribution_pull_request_url, contribution_actor_definition_id, tombstone, created_at, updated_at) "
            + "VALUES (:id, :workspaceId, :name, :actorDefinitionId, :manifestDraft, :stored, :spec, "
            + ":baseActorDefinitionVersionId, :contributionPullRequestUrl, :contributionActorDefinitionId, :tombstone, "
            + ":createdAt, :updatedAt)")
        .bindMethods(project)
        .bind("stored", project.testingValues() == null ? null : project.testingValues().stored())
        .bind("spec", project.testingValues() == null ? null : project.testingValues().connectionSpecification())
        .execute();
  }

  /**
   * Records that a project became a definition, in the transaction that stores the definition: the project is
   * linked to it, named after it and its draft dropped; a project not stored yet is stored so.
   */
  static void publish(Handle handle, BuilderProject project) {
    requireNonNull(project.actorDefinitionId(), "a published project names its definition");
    int updated = handle.createUpdate("UPDATE connector_builder_project SET actor_definition_id = :actorDefinitionId, "
            + "name = :name, manifest_draft = NULL, updated_at = :updatedAt WHERE id = :id AND tombstone = FALSE "
            + "AND actor_definition_id IS NULL")
        .bindMethods(project)
        .execute();
    if (updated == 0) {
      if (handle.createQuery("SELECT COUNT(*) FROM connector_builder_project WHERE id = :id").bind("id", project.id())
          .mapTo(Long.class).one() > 0) {
        throw new IllegalStateException("builder project " + project.id() + " is deleted or published already");
      }
      insert(handle, project);
    }
  }

  private static BuilderProject map(RowView row) {
    JsonNode stored = row.getColumn("testing_values", JsonNode.class);
    return new BuilderProject(
        row.getColumn("id", UUID.class),
        row.getColumn("workspace_id", UUID.class),
        row.getColumn("name", String.class),
        row.getColumn("actor_definition_id", UUID.class),
        row.getColumn("manifest_draft", JsonNode.class),
        stored == null ? null : new TestingValues(stored, row.getColumn("testing_values_spec", JsonNode.class)),
        row.getColumn("base_actor_definition_version_id", UUID.class),
        row.getColumn("contribution_pull_request_url", String.class),
        row.getColumn("contribution_actor_definition_id", UUID.class),
        row.getColumn("tombstone", Boolean.class),
        row.getColumn("created_at", Instant.class),
        row.getColumn("updated_at", Instant.class));
  }
}
