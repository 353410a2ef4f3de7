package dev.gale.server.api.publicapi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.server.api.publicapi.model.StreamResources.StreamProperties;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.SyncCatalog.AirbyteStream;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.catalog.Catalogs;
import dev.gale.server.service.catalog.DiscoverService;
import dev.gale.server.service.connection.ConnectionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What each stream of a source offers a connection to a destination: the Public API's {@code GET /streams}. */
public final class PublicStreams {
  private final DiscoverService discovery;
  private final ConnectionService connections;
  private final ActorService actors;

  public PublicStreams(DiscoverService discovery, ConnectionService connections, ActorService actors) {
    this.discovery = requireNonNull(discovery, "discovery is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.actors = requireNonNull(actors, "actors is null");
  }

  /**
   * The source's streams, discovered anew when {@code ignoreCache}. Without a destination, the sync modes are those
   * the source supports with any write mode.
   */
  public List<StreamProperties> properties(UUID sourceId, UUID destinationId, boolean ignoreCache) {
    actors.live(ActorType.SOURCE, sourceId);
    List<DestinationSyncMode> destinationModes = destinationId == null ? List.of()
        : connections.destinationModes(actors.live(ActorType.DESTINATION, destinationId).id());
    var catalog = Catalogs.toApi(discovery.succeeded(sourceId, ignoreCache).catalog().orElseThrow());
    return catalog.streams().stream().map(entry -> properties(entry.stream(), destinationModes)).toList();
  }

  private static StreamProperties properties(AirbyteStream stream, List<DestinationSyncMode> destinationModes) {
    return new StreamProperties(stream.name(), stream.namespace(), StreamSelection.validModes(stream, destinationModes),
        stream.defaultCursorField(), Boolean.TRUE.equals(stream.sourceDefinedCursor()), stream.sourceDefinedPrimaryKey(),
        fieldPaths(stream.jsonSchema()));
  }

  /** Every property of a JSON schema as its path, each followed by the paths inside it. */
  static List<List<String>> fieldPaths(JsonNode schema) {
    List<List<String>> paths = new ArrayList<>();
    JsonNode properties = schema == null ? null : schema.get("properties");
    if (properties == null || !properties.isObject()) {
      return paths;
    }
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      paths.add(List.of(property.getKey()));
      for (List<String> nested : fieldPaths(property.getValue())) {
        List<String> path = new ArrayList<>();
        path.add(property.getKey());
        path.addAll(nested);
        paths.add(List.copyOf(path));
      }
    }
    return paths;
  }
}
