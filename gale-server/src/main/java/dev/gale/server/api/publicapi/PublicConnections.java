package dev.gale.server.api.publicapi;

import static java.util.Objects.requireNonNull;

import dev.gale.server.api.publicapi.PublicSchedules.Requested;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionCreateRequest;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionPatchRequest;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionResponse;
import dev.gale.server.api.publicapi.model.ConnectionResources.NamespaceDefinitionEnum;
import dev.gale.server.api.publicapi.model.ConnectionResources.NonBreakingSchemaUpdatesBehaviorEnum;
import dev.gale.server.api.publicapi.model.ConnectionResources.StreamConfigurations;
import dev.gale.server.api.publicapi.model.TagResources.Tag;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.NamespaceDefinitionType;
import dev.gale.server.domain.NonBreakingChangesPreference;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.catalog.Catalogs;
import dev.gale.server.service.catalog.DiscoverService.Discovery;
import dev.gale.server.service.catalog.DiscoverService;
import dev.gale.server.service.connection.ConnectionChanges;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.connection.ConnectionView;
import dev.gale.server.service.connection.NewConnection;
import dev.gale.server.service.workspace.TagService;
import dev.gale.server.service.workspace.WorkspaceService;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Public API's connections, mapped onto {@link ConnectionService} as Airbyte's server maps them onto its Config
 * API: the flattened stream configurations become a sync catalog built from the source's discovered streams, the
 * schedule becomes a schedule type with its data, and tags are kept alongside.
 *
 * <p>One deliberate difference: Airbyte rebuilds the whole catalog (every stream full_refresh_overwrite) on a PATCH
 * that names no streams; Gale keeps the connection's streams, as a patch keeps what it leaves out.
 */
public final class PublicConnections {
  private final ConnectionService connections;
  private final DiscoverService discovery;
  private final ActorService actors;
  private final WorkspaceService workspaces;
  private final TagService tags;

  public PublicConnections(ConnectionService connections, DiscoverService discovery, ActorService actors,
                           WorkspaceService workspaces, TagService tags) {
    this.connections = requireNonNull(connections, "connections is null");
    this.discovery = requireNonNull(discovery, "discovery is null");
    this.actors = requireNonNull(actors, "actors is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.tags = requireNonNull(tags, "tags is null");
  }

  /**
   * Creates a connection syncing the named streams, or every stream in its default mode when none are named.
   * Airbyte's defaults apply: active, manual, namespaces of the destination, non-breaking changes ignored.
   */
  public ConnectionResponse create(ConnectionCreateRequest request) {
    Actor source = actors.live(ActorType.SOURCE, request.sourceId());
    UUID destinationId = actors.live(ActorType.DESTINATION, request.destinationId()).id();
    Requested schedule = PublicSchedules.requested(request.schedule()).orElse(new Requested(ScheduleType.MANUAL, null));
    List<UUID> tagIds = tags.checkedForConnection(tagIds(request.tags()), source.workspaceId());
    Discovery discovered = discovery.succeeded(source.id(), false);
    StreamSelection selection = selection(discovered, destinationId);
    AirbyteCatalog catalog = namesStreams(request.configurations())
        ? selection.named(request.configurations().streams(), null) : selection.all();
    ConnectionView created = connections.create(new NewConnection(request.name(),
        request.namespaceDefinition() == null ? NamespaceDefinitionType.DESTINATION : request.namespaceDefinition().domain(),
        request.namespaceFormat(), request.prefix(), source.id(), destinationId, null, catalog, null, schedule.type(),
        schedule.data(), request.status() == null ? ConnectionStatus.ACTIVE : request.status(), null,
        discovered.catalogId().orElse(null), geography(request.dataResidency()), null, null,
        behavior(request.nonBreakingSchemaUpdatesBehavior()), null));
    tags.tagConnection(created.connection().id(), tagIds);
    return response(created);
  }

  /** Applies a patch; named streams replace the connection's selection, and given tags its tags. */
  public ConnectionResponse patch(UUID connectionId, ConnectionPatchRequest patch) {
    ConnectionView current = live(connectionId);
    Optional<Requested> schedule = PublicSchedules.requested(patch.schedule());
    List<UUID> tagIds = patch.tags() == null ? null : tags.checkedForConnection(tagIds(patch.tags()), current.workspaceId());
    AirbyteCatalog catalog = null;
    UUID catalogId = null;
    if (namesStreams(patch.configurations())) {
      Discovery discovered = discovery.succeeded(current.connection().sourceId(), false);
      catalog = selection(discovered, current.connection().destinationId()).named(patch.configurations().streams(), current.syncCatalog());
      catalogId = discovered.catalogId().orElse(null);
    }
    ConnectionView updated = connections.update(new ConnectionChanges(connectionId,
        patch.namespaceDefinition() == null ? null : patch.namespaceDefinition().domain(), patch.namespaceFormat(),
        patch.name(), patch.prefix(), null, catalog, null, schedule.map(Requested::type).orElse(null),
        schedule.map(Requested::data).orElse(null), patch.status(), null, catalogId, geography(patch.dataResidency()),
        null, null, behavior(patch.nonBreakingSchemaUpdatesBehavior()), null, null));
    if (tagIds != null) {
      tags.tagConnection(connectionId, tagIds);
    }
    return response(updated);
  }

  public ConnectionResponse get(UUID connectionId) {
    return response(live(connectionId));
  }

  /**
   * A window of the connections of these workspaces (each must exist; none given means every workspace), by name,
   * with at least one of the tags when any are given. Fetch one more than the page to learn whether there is a next.
   */
  public List<ConnectionResponse> list(Collection<UUID> workspaceIds, Collection<UUID> tagIds, boolean includeDeleted,
                                       int limit, int offset) {
    List<UUID> ids = workspaceIds.isEmpty() ? workspaces.list().stream().map(dev.gale.server.domain.Workspace::id).toList()
        : workspaceIds.stream().map(id -> workspaces.live(id).id()).distinct().toList();
    List<ConnectionView> views = connections.list(ids, tagIds, includeDeleted, limit, offset);
    Map<UUID, List<dev.gale.server.domain.Tag>> tagsById = tags.tagsOf(views.stream().map(v -> v.connection().id()).toList());
    return views.stream().map(view -> response(view, tagsById.get(view.connection().id()))).toList();
  }

  /** Deletes (deprecates) a connection. */
  public void delete(UUID connectionId) {
    connections.delete(live(connectionId).connection().id());
  }

  /**
   * A connection that is not deleted. The Config API still reads a deleted (deprecated) connection, and a list
   * shows it when asked to include deleted ones; but here it is gone, as deleted sources and workspaces are.
   */
  private ConnectionView live(UUID connectionId) {
    ConnectionView connection = connections.get(connectionId);
    if (connection.connection().status() == ConnectionStatus.DEPRECATED) {
      throw new NotFoundException("connection", connectionId, "it was deleted");
    }
    return connection;
  }

  private StreamSelection selection(Discovery discovered, UUID destinationId) {
    return new StreamSelection(Catalogs.toApi(discovered.catalog().orElseThrow()), connections.destinationModes(destinationId));
  }

  private ConnectionResponse response(ConnectionView view) {
    UUID id = view.connection().id();
    return response(view, tags.tagsOf(List.of(id)).get(id));
  }

  private static ConnectionResponse response(ConnectionView view, List<dev.gale.server.domain.Tag> tags) {
    Connection c = view.connection();
    StreamConfigurations streams = StreamSelection.configurations(view.syncCatalog());
    return new ConnectionResponse(c.id(), c.name(), c.sourceId(), c.destinationId(), view.workspaceId(),
        c.status(), PublicSchedules.response(c.scheduleType(), view.scheduleData()), c.geography(),
        NonBreakingSchemaUpdatesBehaviorEnum.of(c.nonBreakingChangesPreference()),
        NamespaceDefinitionEnum.of(c.namespaceDefinition()), c.namespaceFormat(), c.prefix(), streams,
        c.createdAt().getEpochSecond(), tags.stream().map(Tag::of).toList());
  }

  /** An empty list of streams names none: Airbyte reads it as absent too. */
  private static boolean namesStreams(StreamConfigurations configurations) {
    return configurations != null && configurations.streams() != null && !configurations.streams().isEmpty();
  }

  private static List<UUID> tagIds(List<Tag> tags) {
    if (tags == null) {
      return List.of();
    }
    if (tags.contains(null)) {
      throw new BadRequestException("tags holds a null; each tag is an object with its tagId");
    }
    return tags.stream().map(Tag::tagId).toList();
  }

  private static NonBreakingChangesPreference behavior(NonBreakingSchemaUpdatesBehaviorEnum behavior) {
    return behavior == null ? null : behavior.domain();
  }

  /** Airbyte deprecated dataResidency (connections take their workspace's); Gale still honours a valid one. */
  private static Geography geography(String dataResidency) {
    if (dataResidency == null) {
      return null;
    }
    return Arrays.stream(Geography.values())
        .filter(g -> g.name().equals(dataResidency.strip().toUpperCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new BadRequestException("dataResidency is one of auto, us, eu; not '%s'".formatted(dataResidency)));
  }
}
