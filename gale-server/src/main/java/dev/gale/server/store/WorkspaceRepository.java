package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.Query;

/** Workspaces. Deleting one is a tombstone: its row stays so that what it owned still resolves. */
public final class WorkspaceRepository {
  private static final String COLUMNS = "id, organization_id, name, slug, email, initial_setup_complete, "
      + "display_setup_wizard, anonymous_data_collection, send_newsletter, send_security_updates, notifications, "
      + "notification_settings, webhook_operation_configs, first_sync_complete, feedback_complete, geography, "
      + "tombstone, created_at, updated_at";

  private final Database database;

  public WorkspaceRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  public void insert(Workspace workspace) {
    requireNonNull(workspace, "workspace is null");
    database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO workspace (" + COLUMNS + ") VALUES (:id, "
            + ":organizationId, :name, :slug, :email, :initialSetupComplete, :displaySetupWizard, "
            + ":anonymousDataCollection, :news, :securityUpdates, :notifications, :notificationSettings, "
            + ":webhookOperationConfigs, :firstCompletedSync, :feedbackDone, :defaultGeography, :tombstone, "
            + ":createdAt, :updatedAt)")
        .bindMethods(workspace)
        .execute());
  }

  /** Writes every field but {@code id} and {@code createdAt}; false when there is no such workspace. */
  public boolean update(Workspace workspace) {
    requireNonNull(workspace, "workspace is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE workspace SET "
            + "organization_id = :organizationId, name = :name, slug = :slug, email = :email, "
            + "initial_setup_complete = :initialSetupComplete, display_setup_wizard = :displaySetupWizard, "
            + "anonymous_data_collection = :anonymousDataCollection, send_newsletter = :news, "
            + "send_security_updates = :securityUpdates, notifications = :notifications, "
            + "notification_settings = :notificationSettings, webhook_operation_configs = :webhookOperationConfigs, "
            + "first_sync_complete = :firstCompletedSync, feedback_complete = :feedbackDone, "
            + "geography = :defaultGeography, tombstone = :tombstone, updated_at = :updatedAt WHERE id = :id")
        .bindMethods(workspace)
        .execute()) == 1;
  }

  /** Finds a workspace, tombstoned or not: callers that must hide deleted ones check {@code tombstone()}. */
  public Optional<Workspace> find(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM workspace WHERE id = :id")
        .bind("id", id)
        .map(WorkspaceRepository::map)
        .findOne());
  }

  /** The live workspace with this slug, if any. */
  public Optional<Workspace> findBySlug(String slug) {
    requireNonNull(slug, "slug is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM workspace "
            + "WHERE slug = :slug AND tombstone = FALSE ORDER BY created_at, id")
        .bind("slug", slug)
        .map(WorkspaceRepository::map)
        .findFirst());
  }

  /** Live workspaces by name. */
  public List<Workspace> list() {
    return search(WorkspaceSearch.LIVE, Integer.MAX_VALUE, 0);
  }

  /** Live workspaces of an organization by name. */
  public List<Workspace> listByOrganization(UUID organizationId) {
    requireNonNull(organizationId, "organizationId is null");
    return search(WorkspaceSearch.LIVE.inOrganization(organizationId), Integer.MAX_VALUE, 0);
  }

  /** The workspaces matching {@code search}, by name (ignoring case) then id, {@code limit} of them after {@code offset}. */
  public List<Workspace> search(WorkspaceSearch search, int limit, int offset) {
    requireNonNull(search, "search is null");
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative");
    }
    List<String> conditions = new ArrayList<>();
    conditions.add("1 = 1");
    if (!search.ids().isEmpty()) {
      conditions.add("id IN (<ids>)");
    }
    if (search.organizationId() != null) {
      conditions.add("organization_id = :organizationId");
    }
    if (search.nameContains() != null) {
      conditions.add("LOWER(name) LIKE :namePattern");
    }
    if (!search.includeTombstoned()) {
      conditions.add("tombstone = FALSE");
    }
    String sql = "SELECT " + COLUMNS + " FROM workspace WHERE " + String.join(" AND ", conditions)
        + " ORDER BY LOWER(name), id LIMIT :limit OFFSET :offset";
    return database.jdbi().withHandle(handle -> {
      Query query = handle.createQuery(sql).bind("limit", limit).bind("offset", offset);
      if (!search.ids().isEmpty()) {
        query.bindList("ids", List.copyOf(search.ids()));
      }
      if (search.organizationId() != null) {
        query.bind("organizationId", search.organizationId());
      }
      if (search.nameContains() != null) {
        query.bind("namePattern", Sql.containsPattern(search.nameContains()));
      }
      return query.map(WorkspaceRepository::map).list();
    });
  }

  /** Marks a workspace deleted; false when there is no such workspace. */
  public boolean tombstone(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate(
            "UPDATE workspace SET tombstone = TRUE, updated_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("now", database.now())
        .execute()) == 1;
  }

  private static Workspace map(RowView row) {
    return new Workspace(
        row.getColumn("id", UUID.class),
        row.getColumn("organization_id", UUID.class),
        row.getColumn("name", String.class),
        row.getColumn("slug", String.class),
        row.getColumn("email", String.class),
        row.getColumn("initial_setup_complete", Boolean.class),
        row.getColumn("display_setup_wizard", Boolean.class),
        row.getColumn("anonymous_data_collection", Boolean.class),
        row.getColumn("send_newsletter", Boolean.class),
        row.getColumn("send_security_updates", Boolean.class),
        row.getColumn("notifications", JsonNode.class),
        row.getColumn("notification_settings", JsonNode.class),
        row.getColumn("webhook_operation_configs", JsonNode.class),
        row.getColumn("first_sync_complete", Boolean.class),
        row.getColumn("feedback_complete", Boolean.class),
        row.getColumn("geography", Geography.class),
        row.getColumn("tombstone", Boolean.class),
        row.getColumn("created_at", Instant.class),
        row.getColumn("updated_at", Instant.class));
  }
}
