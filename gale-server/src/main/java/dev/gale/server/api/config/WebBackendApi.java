package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.WebBackendBodies.WebBackendCheckUpdatesRead;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionCreate;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionListRequestBody;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionRead;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionReadList;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionRequestBody;
import dev.gale.server.api.model.WebBackendBodies.WebBackendConnectionUpdate;
import dev.gale.server.api.model.WebBackendBodies.WebBackendGeographiesListResult;
import dev.gale.server.api.model.WebBackendBodies.WebBackendWorkspaceState;
import dev.gale.server.api.model.WebBackendBodies.WebBackendWorkspaceStateResult;
import dev.gale.server.api.model.WorkspaceBodies.ConnectionIdRequestBody;
import dev.gale.server.domain.StateType;
import dev.gale.server.http.Route;
import java.util.List;

/** {@code /api/v1/web_backend/*}: connections shaped for Airbyte's UI, and the small questions its pages ask. */
public final class WebBackendApi implements ApiModule {
  private static final String TAG = "web_backend";
  private final WebBackend webBackend;

  public WebBackendApi(WebBackend webBackend) {
    this.webBackend = webBackend;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/web_backend/";
    return List.of(
        rpc(p + "connections/list", TAG, "List a workspace's connections that are not deleted, with their sources, "
                + "destinations and latest sync", WebBackendConnectionListRequestBody.class, WebBackendConnectionReadList.class,
            (body, call) -> webBackend.list(body)),
        rpc(p + "connections/get", TAG, "Get a connection with everything its page shows, optionally discovering its "
                + "source again", WebBackendConnectionRequestBody.class, WebBackendConnectionRead.class,
            (body, call) -> webBackend.get(body.connectionId(), Boolean.TRUE.equals(body.withRefreshedCatalog()))),
        rpc(p + "connections/create", TAG, "Create a connection and the operations it runs", WebBackendConnectionCreate.class,
            WebBackendConnectionRead.class, (body, call) -> webBackend.create(body)),
        rpc(p + "connections/update", TAG, "Update a connection and its operations; absent fields keep their value, and "
                + "streams synced another way are reset unless skipReset", WebBackendConnectionUpdate.class,
            WebBackendConnectionRead.class, (body, call) -> webBackend.update(body)),
        rpc(p + "state/get_type", TAG, "The type of a connection's state", ConnectionIdRequestBody.class, StateType.class,
            (body, call) -> webBackend.stateType(body.connectionId())),
        rpc(p + "workspace/state", TAG, "Whether a workspace has connections, sources and destinations",
            WebBackendWorkspaceState.class, WebBackendWorkspaceStateResult.class,
            (body, call) -> webBackend.workspaceState(body.workspaceId())),
        rpc(p + "check_updates", TAG, "How many definitions could move to a newer version", null,
            WebBackendCheckUpdatesRead.class, (body, call) -> webBackend.checkUpdates()),
        rpc(p + "geographies/list", TAG, "The geographies a sync can run in", null, WebBackendGeographiesListResult.class,
            (body, call) -> webBackend.geographies()));
  }
}
