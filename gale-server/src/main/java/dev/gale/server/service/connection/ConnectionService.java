package dev.gale.server.service.connection;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.BackfillPreference;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.NamespaceDefinitionType;
import dev.gale.server.domain.NonBreakingChangesPreference;
import dev.gale.server.domain.Operation;
import dev.gale.server.domain.ResourceRequirements;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.catalog.DiscoverService;
import dev.gale.server.service.catalog.SyncCatalogs;
import dev.gale.server.service.connection.ConnectionSchedules.Schedule;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.store.CatalogRepository;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.OperationRepository;
import dev.gale.server.store.StoreLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Connections: which streams move from a source to a destination, how and when. A connection lives in the workspace
 * of its source and destination (they must share one). Deleting a connection deprecates it: it still resolves by id
 * and in {@code list_all}, but it no longer syncs and cannot be changed.
 */
public final class ConnectionService {
  private static final AirbyteCatalog NO_STREAMS = new AirbyteCatalog(List.of());

  private final ConnectionRepository connections;
  private final ActorService actors;
  private final OperationRepository operations;
  private final CatalogRepository catalogs;
  private final WorkspaceService workspaces;
  private final DefinitionService definitions;
  private final DiscoverService discovery;
  private final Clock clock;

  public ConnectionService(ConnectionRepository connections, ActorService actors, OperationRepository operations,
                           CatalogRepository catalogs, WorkspaceService workspaces, DefinitionService definitions,
                           DiscoverService discovery, Clock clock) {
    this.connections = requireNonNull(connections, "connections is null");
    this.actors = requireNonNull(actors, "actors is null");
    this.operations = requireNonNull(operations, "operations is null");
    this.catalogs = requireNonNull(catalogs, "catalogs is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.discovery = requireNonNull(discovery, "discovery is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Creates a connection, with Airbyte's defaults for what the request leaves out. */
  public ConnectionView create(NewConnection request) {
    Actor source = liveActor(request.sourceId(), ActorType.SOURCE, "sourceId");
    Actor destination = liveActor(request.destinationId(), ActorType.DESTINATION, "destinationId");
    if (!source.workspaceId().equals(destination.workspaceId())) {
      throw new InvalidInputException("destinationId", destination.id(),
          "The destination is in workspace %s, the source in workspace %s; a connection joins two of one workspace"
              .formatted(destination.workspaceId(), source.workspaceId()));
    }
    if (request.status() == ConnectionStatus.DEPRECATED) {
      throw new InvalidInputException("status", "deprecated", "A new connection is active or inactive; deprecated means deleted");
    }
    UUID workspaceId = source.workspaceId();
    Schedule schedule = ConnectionSchedules.requested(request.schedule(), request.scheduleType(), request.scheduleData())
        .orElse(Schedule.MANUAL);
    AirbyteCatalog catalog = request.syncCatalog() == null ? NO_STREAMS
        : SyncCatalogs.storable(request.syncCatalog(), source.id(), discovery, () -> destinationModes(destination));
    Instant now = clock.instant();
    Connection connection = new Connection(UUID.randomUUID(),
        request.name() == null ? defaultName(source.name(), destination.name()) : requireName(request.name()),
        source.id(), destination.id(), or(request.namespaceDefinition(), NamespaceDefinitionType.SOURCE),
        request.namespaceFormat(), request.prefix(), Json.tree(catalog), schedule.type(), schedule.data(), request.status(),
        resources(request.resourceRequirements()), sourceCatalog(request.sourceCatalogId()),
        or(request.geography(), workspaces.live(workspaceId).defaultGeography()), false,
        or(request.nonBreakingChangesPreference(), NonBreakingChangesPreference.IGNORE),
        or(request.notifySchemaChanges(), true), or(request.notifySchemaChangesByEmail(), false),
        or(request.backfillPreference(), BackfillPreference.DISABLED), operationIds(request.operationIds(), workspaceId),
        now, now);
    connections.insert(connection);
    return new ConnectionView(connection, workspaceId);
  }

  /** Applies a patch: what the request leaves out keeps its value. A deleted connection cannot be changed (409). */
  public ConnectionView update(ConnectionChanges patch) {
    Connection current = find(patch.connectionId());
    if (current.status() == ConnectionStatus.DEPRECATED) {
      throw new ConflictException("Connection %s is deleted (deprecated); it cannot be changed".formatted(current.id()));
    }
    UUID workspaceId = workspaceOf(current);
    Schedule schedule = ConnectionSchedules.updated(new Schedule(current.scheduleType(), current.scheduleData()),
        patch.schedule(), patch.scheduleType(), patch.scheduleData());
    AirbyteCatalog catalog = patch.syncCatalog() == null ? null
        : SyncCatalogs.storable(patch.syncCatalog(), current.sourceId(), discovery,
            () -> destinationModes(actors.resolve(ActorType.DESTINATION, current.destinationId())));
    Connection updated = new Connection(current.id(), patch.name() == null ? current.name() : requireName(patch.name()),
        current.sourceId(), current.destinationId(), or(patch.namespaceDefinition(), current.namespaceDefinition()),
        or(patch.namespaceFormat(), current.namespaceFormat()), or(patch.prefix(), current.prefix()),
        catalog == null ? current.syncCatalog() : Json.tree(catalog), schedule.type(), schedule.data(),
        or(patch.status(), current.status()),
        patch.resourceRequirements() == null ? current.resourceRequirements() : resources(patch.resourceRequirements()),
        patch.sourceCatalogId() == null ? current.sourceCatalogId() : sourceCatalog(patch.sourceCatalogId()),
        or(patch.geography(), current.geography()), or(patch.breakingChange(), current.breakingChange()),
        or(patch.nonBreakingChangesPreference(), current.nonBreakingChangesPreference()),
        or(patch.notifySchemaChanges(), current.notifySchemaChanges()),
        or(patch.notifySchemaChangesByEmail(), current.notifySchemaChangesByEmail()),
        or(patch.backfillPreference(), current.backfillPreference()),
        patch.operationIds() == null ? current.operationIds() : operationIds(patch.operationIds(), workspaceId),
        current.createdAt(), clock.instant());
    connections.update(updated);
    return new ConnectionView(updated, workspaceId);
  }

  /** A connection, deleted (deprecated) ones included. */
  public ConnectionView get(UUID connectionId) {
    Connection connection = find(connectionId);
    return new ConnectionView(connection, workspaceOf(connection));
  }

  public List<ConnectionView> list(UUID workspaceId, boolean includeDeleted) {
    UUID id = workspaces.live(workspaceId).id();
    return connections.listByWorkspace(id, includeDeleted).stream().map(c -> new ConnectionView(c, id)).toList();
  }

  /**
   * A window of the connections of these workspaces, by name, with at least one of {@code tagIds} when any are given.
   * The workspaces are taken as they are: the caller checks them.
   */
  public List<ConnectionView> list(Collection<UUID> workspaceIds, Collection<UUID> tagIds, boolean includeDeleted,
                                   int limit, int offset) {
    return connections.listByWorkspaces(workspaceIds, tagIds, includeDeleted, limit, offset).stream()
        .map(c -> new ConnectionView(c, workspaceOf(c)))
        .toList();
  }

  /**
   * The connections of every workspace that match each criterion the search gives. Deleted connections are left
   * out, as in Airbyte, unless the search asks for status {@code deprecated}.
   */
  public List<ConnectionView> search(ConnectionCriteria search) {
    List<ConnectionStatus> statuses = search.status() == null
        ? List.of(ConnectionStatus.ACTIVE, ConnectionStatus.INACTIVE) : List.of(search.status());
    ConnectionMatcher matcher = new ConnectionMatcher(search, definitions);
    List<ConnectionView> found = new ArrayList<>();
    for (ConnectionStatus status : statuses) {
      for (Connection connection : connections.listByStatus(status)) {
        Actor source = actors.resolve(ActorType.SOURCE, connection.sourceId());
        if (matcher.matches(connection, source, actors.resolve(ActorType.DESTINATION, connection.destinationId()))) {
          found.add(new ConnectionView(connection, source.workspaceId()));
        }
      }
    }
    found.sort(Comparator.comparing((ConnectionView c) -> c.connection().name().toLowerCase(Locale.ROOT))
        .thenComparing(c -> c.connection().id()));
    return found;
  }

  /** Deprecates a connection; deleting one that is deleted already changes nothing. */
  public void delete(UUID connectionId) {
    find(connectionId);
    connections.updateStatus(connectionId, ConnectionStatus.DEPRECATED);
  }

  /** The connection, deprecated or not; 404 when there is none. */
  public Connection find(UUID connectionId) {
    return connections.find(requireNonNull(connectionId, "connectionId is null"))
        .orElseThrow(() -> new NotFoundException("connection", connectionId));
  }

  /** The ids of a workspace's connections, deleted ones included (their jobs remain); 404 for no live workspace. */
  public List<UUID> idsInWorkspace(UUID workspaceId) {
    UUID id = workspaces.live(workspaceId).id();
    return connections.listByWorkspace(id, true).stream().map(Connection::id).toList();
  }

  private UUID workspaceOf(Connection connection) {
    return actors.resolve(ActorType.SOURCE, connection.sourceId()).workspaceId();
  }

  /** The operations a connection runs: each exists, is not deleted, is in the connection's workspace, and is listed once. */
  private List<UUID> operationIds(List<UUID> ids, UUID workspaceId) {
    if (ids == null) {
      return List.of();
    }
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String path = "operationIds[" + i + "]";
      UUID id = ids.get(i);
      if (id == null || !seen.add(id)) {
        throw new InvalidInputException(path, id,
            id == null ? "An operation id is required" : "The operation " + id + " is listed twice");
      }
      Operation operation = operations.find(id).orElseThrow(() -> new NotFoundException("operation", id));
      if (operation.tombstone() || !operation.workspaceId().equals(workspaceId)) {
        throw new InvalidInputException(path, id, operation.tombstone() ? "The operation " + id + " is deleted"
            : "The operation %s belongs to workspace %s, not to the connection's workspace %s"
                .formatted(id, operation.workspaceId(), workspaceId));
      }
    }
    return List.copyOf(ids);
  }

  private UUID sourceCatalog(UUID catalogId) {
    if (catalogId != null && catalogs.find(catalogId).isEmpty()) {
      throw new InvalidInputException("sourceCatalogId", catalogId, "No discovered catalog has the id " + catalogId);
    }
    return catalogId;
  }

  /** The sync modes a destination accepts, as its spec lists them; empty when it lists none (any is accepted). */
  public List<DestinationSyncMode> destinationModes(UUID destinationId) {
    return destinationModes(actors.resolve(ActorType.DESTINATION, destinationId));
  }

  private List<DestinationSyncMode> destinationModes(Actor destination) {
    var spec = definitions.spec(definitions.resolve(ActorType.DESTINATION, destination.actorDefinitionId()));
    return spec.supportedDestinationSyncModes() == null ? List.of() : spec.supportedDestinationSyncModes();
  }

  /** A source or destination a connection may use: 404 when unknown, 422 when deleted (the request is at fault). */
  private Actor liveActor(UUID id, ActorType type, String property) {
    Actor actor = actors.resolve(type, id);
    if (actor.tombstone()) {
      throw new InvalidInputException(property, id, "The %s %s is deleted".formatted(label(type), id));
    }
    return actor;
  }

  private static String label(ActorType type) {
    return type == ActorType.SOURCE ? "source" : "destination";
  }

  private static JsonNode resources(ResourceRequirements requirements) {
    return requirements == null ? null : Json.tree(requirements);
  }

  /** Airbyte's "&lt;source&gt; &lt;&gt; &lt;destination&gt;"; when too long for the column, each name gives up its end. */
  private static String defaultName(String source, String destination) {
    String name = source + " <> " + destination;
    int half = (StoreLimits.TEXT - " <> ".length()) / 2;
    return name.length() <= StoreLimits.TEXT ? name : StoreLimits.cut(source, half) + " <> " + StoreLimits.cut(destination, half);
  }

  private static String requireName(String name) {
    if (name.isBlank()) {
      throw new InvalidInputException("name", name, "A connection's name must not be blank");
    }
    return name.strip();
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
