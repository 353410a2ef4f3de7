package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.patch;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static dev.gale.server.api.publicapi.PublicRoutes.pathId;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.publicapi.PageRequest.Page;
import dev.gale.server.api.publicapi.PublicConnections;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionCreateRequest;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionPatchRequest;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionResponse;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionsResponse;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.http.Route;
import java.util.List;
import java.util.UUID;

/** The Public API's {@code /connections}. */
public final class ConnectionsPublicApi implements ApiModule {
  private static final String TAG = "public_connections";
  private final PublicConnections connections;

  public ConnectionsPublicApi(PublicConnections connections) {
    this.connections = requireNonNull(connections, "connections is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        get("/connections", TAG, "List connections", ConnectionsResponse.class, (body, call) -> list(call))
            .withQuery(PageRequest.PARAMETERS).withQuery(QueryParameter.uuids("workspaceIds"),
                QueryParameter.uuids("tagIds"), QueryParameter.bool("includeDeleted")),
        post("/connections", TAG, "Create a connection", ConnectionCreateRequest.class, ConnectionResponse.class,
            (body, call) -> readable(call, connections.create(body))),
        get("/connections/{connectionId}", TAG, "Get a connection", ConnectionResponse.class,
            (body, call) -> readable(call, connections.get(id(call)))),
        patch("/connections/{connectionId}", TAG, "Update a connection; absent fields keep their value",
            ConnectionPatchRequest.class, ConnectionResponse.class,
            (body, call) -> readable(call, connections.patch(id(call), body))),
        delete("/connections/{connectionId}", TAG, "Delete a connection", (body, call) -> {
          connections.delete(id(call));
          return null;
        }));
  }

  private ConnectionsResponse list(Call call) {
    PageRequest page = PageRequest.of(call);
    List<ConnectionResponse> rows = connections.list(call.queryUuids("workspaceIds"), call.queryUuids("tagIds"),
        call.queryBoolean("includeDeleted", false), page.overfetchLimit(), page.offset());
    Page<ConnectionResponse> window = page.fromOverfetched(rows, call);
    return new ConnectionsResponse(window.data().stream().map(c -> readable(call, c)).toList(), window.next(),
        window.previous());
  }

  private static ConnectionResponse readable(Call call, ConnectionResponse connection) {
    return LegacyEnums.connection(ClientAgent.of(call), connection);
  }

  private static UUID id(Call call) {
    return pathId(call, "connectionId", "connection");
  }
}
