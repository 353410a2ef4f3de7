package dev.gale.server.service.workspace;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.Workspace;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.store.ActorRepository;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.WorkspaceRepository;
import dev.gale.server.store.WorkspaceSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Workspaces: create, read, update, delete. A deleted workspace is a tombstone; it no longer resolves, and what it
 * owned is deleted with it (sources, destinations, their connections).
 */
public final class WorkspaceService {
  /** Airbyte's single-organization deployments use this organization id. */
  public static final UUID DEFAULT_ORGANIZATION_ID = new UUID(0, 0);
  public static final String DEFAULT_WORKSPACE_NAME = "Default Workspace";

  /** A webhook as written: its auth token is a secret, stored encrypted and never read back. */
  public record WebhookWrite(String name, String authToken, String validationUrl) {
    @Override
    public String toString() {
      return "WebhookWrite[name=%s, validationUrl=%s]".formatted(name, validationUrl);
    }
  }

  /** A webhook of a workspace, as operations name it. */
  public record Webhook(UUID id, String name) {}

  private final WorkspaceRepository workspaces;
  private final ConnectionRepository connections;
  private final ActorRepository actors;
  private final SecretCipher cipher;
  private final Clock clock;

  public WorkspaceService(WorkspaceRepository workspaces, ConnectionRepository connections, ActorRepository actors,
                          SecretCipher cipher, Clock clock) {
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.actors = requireNonNull(actors, "actors is null");
    this.cipher = requireNonNull(cipher, "cipher is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Creates the default workspace on a store that has none, as Airbyte does on its first start. */
  public void ensureDefaultWorkspace() {
    if (workspaces.list().isEmpty()) {
      create(new NewWorkspace(DEFAULT_WORKSPACE_NAME, null, null, null, null, null, true, null, null, null, null));
    }
  }

  /**
   * Creates a workspace in Gale's organization (the default when none is named).
   *
   * @throws NotFoundException when the request names another organization
   */
  public Workspace create(NewWorkspace request) {
    String name = requireName(request.name(), "name");
    UUID organizationId = request.organizationId() == null ? DEFAULT_ORGANIZATION_ID : request.organizationId();
    if (!organizationId.equals(DEFAULT_ORGANIZATION_ID)) {
      throw new NotFoundException("organization", organizationId, "Gale has one organization, " + DEFAULT_ORGANIZATION_ID);
    }
    Instant now = clock.instant();
    Workspace workspace = new Workspace(UUID.randomUUID(), organizationId,
        name, Slugs.unique(name, slug -> workspaces.findBySlug(slug).isPresent()), request.email(), false,
        Boolean.TRUE.equals(request.displaySetupWizard()), Boolean.TRUE.equals(request.anonymousDataCollection()),
        Boolean.TRUE.equals(request.news()), Boolean.TRUE.equals(request.securityUpdates()),
        request.notifications(), settings(request.notificationSettings(), null),
        webhooks(request.webhookConfigs(), null), false, false,
        request.defaultGeography() == null ? Geography.AUTO : request.defaultGeography(), false, now, now);
    workspaces.insert(workspace);
    return workspace;
  }

  public Workspace getBySlug(String slug) {
    return workspaces.findBySlug(slug).orElseThrow(() -> new NotFoundException("workspace with slug", slug));
  }

  public Workspace getByConnectionId(UUID connectionId) {
    Connection connection = connections.find(connectionId).orElseThrow(() -> new NotFoundException("connection", connectionId));
    UUID workspaceId = actors.find(connection.sourceId()).orElseThrow(() -> new NotFoundException("source", connection.sourceId()))
        .workspaceId();
    return live(workspaceId);
  }

  public List<Workspace> list() {
    return workspaces.list();
  }

  /**
   * A window of an organization's live workspaces, by name then id.
   *
   * @param nameContains nullable or blank: any name; else a case-insensitive part of the name
   */
  public List<Workspace> listByOrganization(UUID organizationId, String nameContains, int limit, int offset) {
    WorkspaceSearch search = WorkspaceSearch.LIVE.inOrganization(requireNonNull(organizationId, "organizationId is null"));
    search = nameContains == null || nameContains.isBlank() ? search : search.nameContaining(nameContains.strip());
    return workspaces.search(search, limit, offset);
  }

  /**
   * A window of the workspaces with the given ids (any when empty), by name then id; deleted ones too when asked.
   * Ids that name no workspace match nothing.
   */
  public List<Workspace> list(Collection<UUID> ids, boolean includeDeleted, int limit, int offset) {
    return workspaces.search(WorkspaceSearch.LIVE.withIds(ids).includingTombstoned(includeDeleted), limit, offset);
  }

  /** Changes the fields the request carries; absent fields keep their value. */
  public Workspace update(WorkspaceChanges request) {
    Workspace w = live(request.workspaceId());
    String name = request.name() == null ? w.name() : requireName(request.name(), "name");
    String slug = name.equals(w.name()) ? w.slug()
        : Slugs.unique(name, s -> workspaces.findBySlug(s).filter(other -> !other.id().equals(w.id())).isPresent());
    Workspace updated = new Workspace(w.id(), w.organizationId(), name, slug, or(request.email(), w.email()),
        or(request.initialSetupComplete(), w.initialSetupComplete()), or(request.displaySetupWizard(), w.displaySetupWizard()),
        or(request.anonymousDataCollection(), w.anonymousDataCollection()), or(request.news(), w.news()),
        or(request.securityUpdates(), w.securityUpdates()),
        request.notifications() == null ? w.notifications() : request.notifications(),
        settings(request.notificationSettings(), w.notificationSettings()),
        request.webhookConfigs() == null ? w.webhookOperationConfigs() : webhooks(request.webhookConfigs(), w.webhookOperationConfigs()),
        w.firstCompletedSync(), w.feedbackDone(), or(request.defaultGeography(), w.defaultGeography()), false,
        w.createdAt(), clock.instant());
    workspaces.update(updated);
    return updated;
  }

  public Workspace updateName(UUID workspaceId, String name) {
    return update(WorkspaceChanges.name(workspaceId, requireName(name, "name")));
  }

  public void markFeedbackDone(UUID workspaceId) {
    Workspace w = live(workspaceId);
    workspaces.update(new Workspace(w.id(), w.organizationId(), w.name(), w.slug(), w.email(), w.initialSetupComplete(),
        w.displaySetupWizard(), w.anonymousDataCollection(), w.news(), w.securityUpdates(), w.notifications(),
        w.notificationSettings(), w.webhookOperationConfigs(), w.firstCompletedSync(), true, w.defaultGeography(), false,
        w.createdAt(), clock.instant()));
  }

  /** Deletes a workspace and, as Airbyte does, the sources and destinations in it and their connections. */
  public void delete(UUID workspaceId) {
    live(workspaceId);
    for (Connection connection : connections.listByWorkspace(workspaceId, false)) {
      connections.updateStatus(connection.id(), dev.gale.server.domain.ConnectionStatus.DEPRECATED);
    }
    for (dev.gale.server.domain.ActorType type : dev.gale.server.domain.ActorType.values()) {
      actors.listByWorkspace(workspaceId, type).forEach(actor -> actors.tombstone(actor.id()));
    }
    workspaces.tombstone(workspaceId);
  }

  /** The workspace, which must exist and not be deleted. */
  public Workspace live(UUID workspaceId) {
    return workspaces.find(requireNonNull(workspaceId, "workspaceId is null"))
        .filter(w -> !w.tombstone())
        .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
  }

  /** The workspace's webhooks, without their auth tokens. */
  public static List<Webhook> webhooks(Workspace workspace) {
    List<Webhook> list = new ArrayList<>();
    JsonNode stored = workspace.webhookOperationConfigs();
    if (stored != null) {
      stored.forEach(node -> list.add(new Webhook(UUID.fromString(node.path("id").asText()),
          node.path("name").isMissingNode() || node.path("name").isNull() ? null : node.path("name").asText())));
    }
    return list;
  }

  public static boolean hasWebhook(Workspace workspace, UUID webhookId) {
    return webhooks(workspace).stream().anyMatch(webhook -> webhook.id().equals(webhookId));
  }

  /**
   * The notification settings to store: those sent, each item sent replacing the stored one and each item left out
   * keeping it (Airbyte's updates leave absent properties unchanged).
   */
  private static JsonNode settings(JsonNode sent, JsonNode stored) {
    if (sent == null) {
      return stored;
    }
    ObjectNode merged = stored != null && stored.isObject() ? ((ObjectNode) stored).deepCopy() : Json.object();
    sent.properties().forEach(item -> merged.set(item.getKey(), item.getValue()));
    return merged;
  }

  /**
   * Stores webhooks with their auth tokens encrypted; a token is never read back. A webhook keeps the id (and, when
   * no new token is sent, the token) of the stored one with the same name, so operations that name it keep working
   * across updates.
   */
  private JsonNode webhooks(List<WebhookWrite> configs, JsonNode previous) {
    if (configs == null) {
      return null;
    }
    ArrayNode stored = Json.mapper().createArrayNode();
    for (WebhookWrite config : configs) {
      JsonNode before = sameName(previous, config.name());
      var node = stored.addObject()
          .put("id", before == null ? UUID.randomUUID().toString() : before.path("id").asText())
          .put("name", config.name());
      if (config.validationUrl() != null) {
        node.put("validationUrl", config.validationUrl());
      }
      if (config.authToken() != null) {
        node.put("authToken", cipher.encrypt(config.authToken()));
      } else if (before != null && before.hasNonNull("authToken")) {
        node.set("authToken", before.get("authToken"));
      }
    }
    return stored;
  }

  private static JsonNode sameName(JsonNode stored, String name) {
    if (stored == null || name == null) {
      return null;
    }
    for (JsonNode webhook : stored) {
      if (name.equals(webhook.path("name").asText(null))) {
        return webhook;
      }
    }
    return null;
  }

  private static String requireName(String name, String property) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(property, name, "'" + property + "' must not be blank");
    }
    return name.strip();
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
