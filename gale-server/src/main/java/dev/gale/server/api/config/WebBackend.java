package dev.gale.server.api.config;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.Json;
import dev.gale.server.api.model.ConnectionBodies.ConnectionRead;
import dev.gale.server.api.model.DiscoverBodies.CatalogDiff;
import dev.gale.server.api.model.OperationBodies.OperationCreate;
import dev.gale.server.api.model.WebBackendBodies.DestinationSnippetRead;
import dev.gale.server.api.model.WebBackendBodies.SchemaChange;
import dev.gale.server.api.model.WebBackendBodies.SourceSnippetRead;
import dev.gale.server.api.model.WebBackendBodies.WebBackendCheckUpdatesRead;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionCreate;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionListItem;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionListRequestBody;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionRead;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionReadList;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionUpdate;
import dev.gale.server.api.model.WebBackendBodies.WebBackendGeographiesListResult;
import dev.gale.server.api.model.WebBackendBodies.WebBackendOperationCreateOrUpdate;
import dev.gale.server.api.model.WebBackendBodies.WebBackendWorkspaceStateResult;
import dev.gale.server.domain.ActorCatalog;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.StateType;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.actor.ActorView;
import dev.gale.server.service.catalog.CatalogDiffs;
import dev.gale.server.service.catalog.Catalogs;
import dev.gale.server.service.catalog.ConnectionCatalogs;
import dev.gale.server.service.catalog.DiscoverService.Discovery;
import dev.gale.server.service.catalog.DiscoverService;
import dev.gale.server.service.catalog.StreamChange;
import dev.gale.server.service.connection.ConnectionChanges;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.connection.NewConnection;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.job.JobService;
import dev.gale.server.service.job.StateService;
import dev.gale.server.service.operation.OperationService;
import dev.gale.server.service.workspace.WorkspaceService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Airbyte's web backend: connections shaped for the pages of Airbyte's UI (and the scripts and PyAirbyte calls that
 * read them), composed from the services into the API's {@code WebBackend*} bodies. A connection comes with its source, destination, operations, latest
 * sync job and whether its source's schema changed; its catalog lists every stream the source offers. Creating and
 * updating a connection also creates, updates and deletes its operations, and an update that changes how streams
 * are synced resets those streams, as Airbyte does.
 */
public final class WebBackend {
  private final ConnectionService connections;
  private final ActorService actors;
  private final OperationService operations;
  private final JobService jobs;
  private final StateService states;
  private final DiscoverService discovery;
  private final WorkspaceService workspaces;
  private final DefinitionService definitions;

  public WebBackend(ConnectionService connections, ActorService actors, OperationService operations, JobService jobs,
                    StateService states, DiscoverService discovery, WorkspaceService workspaces,
                    DefinitionService definitions) {
    this.connections = requireNonNull(connections, "connections is null");
    this.actors = requireNonNull(actors, "actors is null");
    this.operations = requireNonNull(operations, "operations is null");
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.states = requireNonNull(states, "states is null");
    this.discovery = requireNonNull(discovery, "discovery is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
  }

  /** The workspace's connections that are not deleted, of the given sources and destinations only when given. */
  public WebBackendConnectionReadList list(WebBackendConnectionListRequestBody request) {
    Set<UUID> sources = request.sourceId() == null ? Set.of() : new HashSet<>(request.sourceId());
    Set<UUID> destinations = request.destinationId() == null ? Set.of() : new HashSet<>(request.destinationId());
    Map<UUID, SourceSnippetRead> sourceSnippets = new HashMap<>();
    Map<UUID, DestinationSnippetRead> destinationSnippets = new HashMap<>();
    Map<UUID, Optional<UUID>> latestCatalogs = new HashMap<>();
    List<WebBackendConnectionListItem> items = new ArrayList<>();
    for (ConnectionRead c : ConnectionReads.list(connections.list(request.workspaceId(), false)).connections()) {
      if (!sources.isEmpty() && !sources.contains(c.sourceId())
          || !destinations.isEmpty() && !destinations.contains(c.destinationId())) {
        continue;
      }
      Optional<Job> latest = jobs.lastReplicationJob(c.connectionId());
      items.add(new WebBackendConnectionListItem(c.connectionId(), c.name(), c.scheduleType(), c.scheduleData(), c.status(),
          sourceSnippets.computeIfAbsent(c.sourceId(), this::sourceSnippet),
          destinationSnippets.computeIfAbsent(c.destinationId(), this::destinationSnippet),
          latest.map(job -> job.createdAt().getEpochSecond()).orElse(null), latest.map(Job::status).orElse(null),
          jobs.activeReplicationJob(c.connectionId()).isPresent(),
          schemaChange(c.sourceCatalogId(), c.breakingChange(),
              latestCatalogs.computeIfAbsent(c.sourceId(), this::latestCatalogId))));
    }
    return new WebBackendConnectionReadList(items);
  }

  /**
   * A connection, deleted ones included. With {@code withRefreshedCatalog} the source is discovered again (not from
   * the cache): the catalog shown is the new one with the connection's configuration carried over, and the answer
   * says what changed. Nothing is saved to the connection; a client saves the catalog with {@link #update}.
   *
   * @throws InvalidInputException when the refresh cannot discover the source
   */
  public WebBackendConnectionRead get(UUID connectionId, boolean withRefreshedCatalog) {
    ConnectionRead connection = ConnectionReads.read(connections.get(connectionId));
    AirbyteCatalog configured = connection.syncCatalog();
    Optional<AirbyteCatalog> original = discovery.discovered(connection.sourceCatalogId());
    if (!withRefreshedCatalog) {
      return read(connection, original.map(o -> ConnectionCatalogs.withUnselectedStreams(configured, o)).orElse(configured),
          connection.sourceCatalogId(), null, connection.breakingChange());
    }
    Discovery refresh = discovery.discover(connection.sourceId(), true, connectionId);
    dev.gale.protocol.AirbyteCatalog found = refresh.catalog().orElseThrow(() -> new InvalidInputException(
        "withRefreshedCatalog", true, "The source's streams could not be discovered again: " + refresh.failure()));
    AirbyteCatalog shown = ConnectionCatalogs.refreshed(configured, original.orElse(configured), Catalogs.toApi(found));
    return read(connection, shown, refresh.catalogId().orElse(null), refresh.diff().map(DiscoverReads::diff).orElse(null),
        refresh.breakingChange());
  }

  /**
   * Creates the operations the request lists, then the connection running them after those named by
   * {@code operationIds}. When the connection cannot be created, the operations created for it are deleted again.
   */
  public WebBackendConnectionRead create(WebBackendConnectionCreate request) {
    List<UUID> created = new ArrayList<>();
    ConnectionRead connection = undoingOnFailure(created, () -> {
      List<OperationCreate> toCreate = request.operations() == null ? List.of() : request.operations();
      for (int i = 0; i < toCreate.size(); i++) {
        OperationCreate operation = requireEntry(toCreate.get(i), "operations", i);
        created.add(within("operations[" + i + "]", () -> operations.create(operation.workspaceId(), operation.name(),
            operation.operatorConfiguration())).id());
      }
      List<UUID> operationIds = new ArrayList<>(request.operationIds() == null ? List.of() : request.operationIds());
      operationIds.addAll(created);
      return ConnectionReads.read(connections.create(new NewConnection(request.name(), request.namespaceDefinition(), request.namespaceFormat(),
          request.prefix(), request.sourceId(), request.destinationId(), operationIds, request.syncCatalog(),
          request.schedule(), request.scheduleType(), request.scheduleData(), request.status(),
          request.resourceRequirements(), request.sourceCatalogId(), request.geography(), request.notifySchemaChanges(),
          null, request.nonBreakingChangesPreference(), request.backfillPreference())));
    });
    return read(connection, shownCatalog(connection), connection.sourceCatalogId(), null, connection.breakingChange());
  }

  /**
   * Applies a patch (see {@link WebBackendConnectionUpdate}). A new catalog clears the connection's breaking change
   * when it fits the source's latest discovered catalog. Unless {@code skipReset}, the streams the new catalog
   * syncs another way are reset: a reset job empties them in the destination and clears their state (every stream,
   * when the connection has no state or a legacy one, which cannot be split), and streams no longer selected lose
   * their state. A sync or reset already under way is cancelled for it, as Airbyte's reset supersedes it.
   */
  public WebBackendConnectionRead update(WebBackendConnectionUpdate patch) {
    ConnectionRead before = ConnectionReads.read(connections.get(patch.connectionId()));
    // Checked before the operations change, which a deleted connection must not cause.
    if (before.status() == ConnectionStatus.DEPRECATED) {
      throw new ConflictException("Connection %s is deleted (deprecated); it cannot be changed".formatted(before.connectionId()));
    }
    boolean breakingChange = patch.syncCatalog() == null ? before.breakingChange()
        : breaksOnLatestCatalog(before.sourceId(), patch.syncCatalog(), before.breakingChange());
    List<UUID> created = new ArrayList<>();
    List<UUID> kept = new ArrayList<>();
    ConnectionRead after = undoingOnFailure(created, () -> {
      List<UUID> operationIds = patch.operations() == null ? null : createOrUpdate(before, patch.operations(), created);
      if (operationIds != null) {
        kept.addAll(operationIds);
      }
      return ConnectionReads.read(connections.update(new ConnectionChanges(patch.connectionId(), patch.namespaceDefinition(),
          patch.namespaceFormat(), patch.name(), patch.prefix(), operationIds, patch.syncCatalog(), patch.schedule(),
          patch.scheduleType(), patch.scheduleData(), patch.status(), patch.resourceRequirements(),
          patch.sourceCatalogId(), patch.geography(), patch.notifySchemaChanges(), patch.notifySchemaChangesByEmail(),
          patch.nonBreakingChangesPreference(), patch.backfillPreference(), breakingChange)));
    });
    if (patch.operations() != null) {
      before.operationIds().stream().filter(id -> !kept.contains(id))
          .forEach(id -> operations.deleteUnlessShared(id, before.connectionId()));
    }
    if (!Boolean.TRUE.equals(patch.skipReset())) {
      resetStreamsSyncedAnotherWay(before, after);
    }
    return read(after, shownCatalog(after), after.sourceCatalogId(), null, after.breakingChange());
  }

  /** The connection's state type; {@code not_set} when it has none. */
  public StateType stateType(UUID connectionId) {
    return states.get(connectionId).map(dev.gale.server.domain.ConnectionState::type).orElse(StateType.NOT_SET);
  }

  /** Whether a live workspace has connections (not deleted), sources and destinations. */
  public WebBackendWorkspaceStateResult workspaceState(UUID workspaceId) {
    UUID id = workspaces.live(workspaceId).id();
    return new WebBackendWorkspaceStateResult(!connections.list(id, false).isEmpty(),
        !actors.list(ActorType.SOURCE, id).isEmpty(), !actors.list(ActorType.DESTINATION, id).isEmpty());
  }

  /** See {@link DefinitionService#countUpdatable}. */
  public WebBackendCheckUpdatesRead checkUpdates() {
    return new WebBackendCheckUpdatesRead(definitions.countUpdatable(ActorType.DESTINATION),
        definitions.countUpdatable(ActorType.SOURCE));
  }

  /**
   * Airbyte OSS offers only {@code auto}: every sync runs where the deployment runs it. So does Gale, which runs syncs
   * in its own processes; {@code us} and {@code eu} are Airbyte Cloud's.
   */
  public WebBackendGeographiesListResult geographies() {
    return new WebBackendGeographiesListResult(List.of(Geography.AUTO));
  }

  /**
   * Operations as the patch lists them: new ones created, the connection's own updated. Answers the connection's
   * operation ids in the patch's order.
   */
  private List<UUID> createOrUpdate(ConnectionRead connection, List<WebBackendOperationCreateOrUpdate> patch, List<UUID> created) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < patch.size(); i++) {
      WebBackendOperationCreateOrUpdate operation = requireEntry(patch.get(i), "operations", i);
      String path = "operations[" + i + "]";
      if (operation.operationId() != null && connection.operationIds().contains(operation.operationId())) {
        ids.add(within(path, () -> operations.update(operation.operationId(), operation.name(),
            operation.operatorConfiguration())).id());
      } else {
        UUID id = within(path, () -> operations.create(operation.workspaceId(), operation.name(),
            operation.operatorConfiguration())).id();
        created.add(id);
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * Whether the catalog a client saves still misses what the source's latest discovered catalog took away. No
   * discovery yet: the connection's flag stays as it is.
   */
  private boolean breaksOnLatestCatalog(UUID sourceId, AirbyteCatalog requested, boolean current) {
    Optional<ActorCatalog> latest = discovery.mostRecent(sourceId);
    if (latest.isEmpty()) {
      return current;
    }
    // Malformed entries are left to the catalog's validation, which names them.
    AirbyteCatalog streams = new AirbyteCatalog(requested.streams().stream()
        .filter(s -> s != null && s.stream() != null).toList());
    List<StreamChange> diff = CatalogDiffs.between(streams, Json.convert(latest.get().catalog(), dev.gale.protocol.AirbyteCatalog.class));
    return CatalogDiffs.isBreaking(diff, streams);
  }

  private void resetStreamsSyncedAnotherWay(ConnectionRead before, ConnectionRead after) {
    Set<StreamDescriptor> stale = ConnectionCatalogs.streamsToReset(before.syncCatalog(), after.syncCatalog());
    if (stale.isEmpty()) {
      return;
    }
    UUID connectionId = after.connectionId();
    List<StreamDescriptor> selected = ConnectionCatalogs.selectedStreams(after.syncCatalog());
    StateType stateType = states.get(connectionId).map(dev.gale.server.domain.ConnectionState::type).orElse(StateType.NOT_SET);
    Set<StreamDescriptor> toReset = new LinkedHashSet<>(stale);
    if (stateType == StateType.LEGACY || stateType == StateType.NOT_SET) {
      toReset = new LinkedHashSet<>(selected);
    }
    List<StreamDescriptor> resettable = toReset.stream().filter(selected::contains).toList();
    if (!resettable.isEmpty()) {
      jobs.activeReplicationJob(connectionId).ifPresent(this::cancel);
      try {
        jobs.reset(connectionId, resettable);
      } catch (ConflictException busy) {
        throw new ConflictException(("Connection %s was updated, but the reset of %s could not be queued: %s Reset them "
            + "with connections/reset/stream once it has ended.").formatted(connectionId,
            resettable.stream().map(StreamDescriptor::name).toList(), busy.getMessage()));
      }
    }
    List<StreamDescriptor> deselected = stale.stream().filter(s -> !selected.contains(s)).toList();
    if (!deselected.isEmpty() && stateType != StateType.NOT_SET) {
      states.clearStreams(connectionId, deselected);
    }
  }

  /** Cancels a job the reset supersedes; one that ended meanwhile needs nothing. */
  private void cancel(Job active) {
    try {
      jobs.cancel(active.id());
    } catch (ConflictException ended) {
      // It succeeded or failed between the look and the cancel: nothing runs any more.
    }
  }

  private WebBackendConnectionRead read(ConnectionRead c, AirbyteCatalog catalog, UUID catalogId, CatalogDiff diff,
                                        boolean breakingChange) {
    Optional<Job> latest = jobs.lastReplicationJob(c.connectionId());
    return new WebBackendConnectionRead(c.connectionId(), c.name(), c.namespaceDefinition(), c.namespaceFormat(), c.prefix(),
        c.sourceId(), c.destinationId(), catalog, c.schedule(), c.scheduleType(), c.scheduleData(), c.status(),
        c.operationIds(), ActorReads.source(actors.get(ActorType.SOURCE, c.sourceId())),
        ActorReads.destination(actors.get(ActorType.DESTINATION, c.destinationId())),
        dev.gale.server.api.config.OperationReads.list(operations.listForConnection(c.connectionId())).operations(),
        latest.map(job -> job.createdAt().getEpochSecond()).orElse(null), latest.map(Job::status).orElse(null),
        jobs.activeReplicationJob(c.connectionId()).isPresent(), c.resourceRequirements(), catalogId, diff, c.geography(),
        schemaChange(c.sourceCatalogId(), breakingChange, latestCatalogId(c.sourceId())), c.notifySchemaChanges(),
        c.notifySchemaChangesByEmail(), c.nonBreakingChangesPreference(), c.backfillPreference(), c.createdAt());
  }

  /**
   * As Airbyte tells it: a connection that does not know which discovered catalog it was made from has no change;
   * one flagged with a breaking change has that; otherwise the source changed when it was last discovered with
   * another catalog than the connection's.
   */
  private static SchemaChange schemaChange(UUID connectionCatalogId, boolean breakingChange, Optional<UUID> latestCatalogId) {
    if (connectionCatalogId == null) {
      return SchemaChange.NO_CHANGE;
    }
    if (breakingChange) {
      return SchemaChange.BREAKING;
    }
    return latestCatalogId.isPresent() && !latestCatalogId.get().equals(connectionCatalogId)
        ? SchemaChange.NON_BREAKING : SchemaChange.NO_CHANGE;
  }

  private AirbyteCatalog shownCatalog(ConnectionRead connection) {
    return discovery.discovered(connection.sourceCatalogId())
        .map(original -> ConnectionCatalogs.withUnselectedStreams(connection.syncCatalog(), original))
        .orElse(connection.syncCatalog());
  }

  private Optional<UUID> latestCatalogId(UUID sourceId) {
    return discovery.mostRecent(sourceId).map(ActorCatalog::id);
  }

  private SourceSnippetRead sourceSnippet(UUID sourceId) {
    ActorView v = actors.get(ActorType.SOURCE, sourceId);
    return new SourceSnippetRead(v.id(), v.name(), v.definitionId(), v.definitionName(), v.icon());
  }

  private DestinationSnippetRead destinationSnippet(UUID destinationId) {
    ActorView v = actors.get(ActorType.DESTINATION, destinationId);
    return new DestinationSnippetRead(v.id(), v.name(), v.definitionId(), v.definitionName(), v.icon());
  }

  /** Runs {@code work}; when it fails, deletes the operations it created, so a failed request leaves none behind. */
  private <T> T undoingOnFailure(List<UUID> created, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      created.forEach(operations::delete);
      throw e;
    }
  }

  /** Input errors of an operation's service call, with their paths under the request's entry. */
  private static <T> T within(String path, Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidInputException e) {
      List<ValidationError> errors = e.errors().stream().map(error -> new ValidationError(
          error.propertyPath() == null || error.propertyPath().isEmpty() ? path : path + "." + error.propertyPath(),
          error.invalidValue(), error.message())).toList();
      throw new InvalidInputException(e.getMessage(), errors);
    }
  }

  private static <T> T requireEntry(T entry, String list, int index) {
    if (entry == null) {
      throw new InvalidInputException(list + "[" + index + "]", null, "An entry of '" + list + "' is required here");
    }
    return entry;
  }
}
