package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.ConnectionBodies.ConnectionCreate;
import dev.gale.server.api.model.ConnectionBodies.ConnectionRead;
import dev.gale.server.api.model.ConnectionBodies.ConnectionReadList;
import dev.gale.server.api.model.ConnectionBodies.ConnectionSearch;
import dev.gale.server.api.model.ConnectionBodies.ConnectionUpdate;
import dev.gale.server.api.model.JobBodies.ConnectionStreamRequestBody;
import dev.gale.server.api.model.JobBodies.JobInfoRead;
import dev.gale.server.api.model.WorkspaceBodies.ConnectionIdRequestBody;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceIdRequestBody;
import dev.gale.server.http.Route;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.job.JobService;
import java.util.List;

/** {@code /api/v1/connections/*}. */
public final class ConnectionsApi implements ApiModule {
  private static final String TAG = "connection";
  private final ConnectionService connections;
  private final JobService jobs;

  public ConnectionsApi(ConnectionService connections, JobService jobs) {
    this.connections = connections;
    this.jobs = jobs;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/connections/";
    return List.of(
        rpc(p + "create", TAG, "Create a connection", ConnectionCreate.class, ConnectionRead.class,
            (body, call) -> ConnectionReads.read(connections.create(ConnectionReads.newConnection(body)))),
        rpc(p + "update", TAG, "Update a connection; absent fields keep their value", ConnectionUpdate.class,
            ConnectionRead.class, (body, call) -> ConnectionReads.read(connections.update(ConnectionReads.changes(body)))),
        rpc(p + "get", TAG, "Get a connection, deleted ones included", ConnectionIdRequestBody.class, ConnectionRead.class,
            (body, call) -> ConnectionReads.read(connections.get(body.connectionId()))),
        rpc(p + "list", TAG, "List the connections of a workspace, without deleted ones", WorkspaceIdRequestBody.class,
            ConnectionReadList.class, (body, call) -> ConnectionReads.list(connections.list(body.workspaceId(), false))),
        rpc(p + "list_all", TAG, "List the connections of a workspace, deleted ones included", WorkspaceIdRequestBody.class,
            ConnectionReadList.class, (body, call) -> ConnectionReads.list(connections.list(body.workspaceId(), true))),
        rpc(p + "search", TAG, "Find the connections that match every given field", ConnectionSearch.class,
            ConnectionReadList.class, (body, call) -> ConnectionReads.list(connections.search(ConnectionReads.criteria(body)))),
        rpc(p + "delete", TAG, "Delete a connection (it becomes deprecated)", ConnectionIdRequestBody.class, Void.class,
            (body, call) -> {
              connections.delete(body.connectionId());
              return null;
            }),
        rpc(p + "sync", TAG, "Start a sync of the connection now", ConnectionIdRequestBody.class, JobInfoRead.class,
            (body, call) -> JobReads.info(jobs.sync(body.connectionId()))),
        rpc(p + "reset", TAG, "Empty every stream of the connection in the destination and clear its state",
            ConnectionIdRequestBody.class, JobInfoRead.class,
            (body, call) -> JobReads.info(jobs.reset(body.connectionId(), null))),
        rpc(p + "reset/stream", TAG, "Empty some streams of the connection in the destination and clear their state",
            ConnectionStreamRequestBody.class, JobInfoRead.class,
            (body, call) -> JobReads.info(jobs.reset(body.connectionId(), JobReads.streams(body.streams())))),
        rpc(p + "clear", TAG, "Empty every stream of the connection in the destination and clear its state (a clear job)",
            ConnectionIdRequestBody.class, JobInfoRead.class,
            (body, call) -> JobReads.info(jobs.clear(body.connectionId(), null))),
        rpc(p + "clear/stream", TAG, "Empty some streams of the connection in the destination and clear their state "
            + "(a clear job)", ConnectionStreamRequestBody.class, JobInfoRead.class,
            (body, call) -> JobReads.info(jobs.clear(body.connectionId(), JobReads.streams(body.streams())))));
  }
}
