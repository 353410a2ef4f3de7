package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.StateBodies.ConnectionState;
import dev.gale.server.api.model.StateBodies.ConnectionStateCreateOrUpdate;
import dev.gale.server.api.model.WorkspaceBodies.ConnectionIdRequestBody;
import dev.gale.server.http.Route;
import dev.gale.server.service.job.StateService;
import java.util.List;

/** {@code /api/v1/state/*}. */
public final class StateApi implements ApiModule {
  private static final String TAG = "state";
  private final StateService states;

  public StateApi(StateService states) {
    this.states = states;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/state/";
    return List.of(
        rpc(p + "get", TAG, "Get a connection's state", ConnectionIdRequestBody.class, ConnectionState.class,
            (body, call) -> StateReads.read(body.connectionId(), states.get(body.connectionId()))),
        rpc(p + "create_or_update", TAG, "Replace a connection's state", ConnectionStateCreateOrUpdate.class,
            ConnectionState.class, (body, call) -> StateReads.read(body.connectionId(),
                states.createOrUpdate(body.connectionId(), StateReads.write(body.connectionState())))),
        rpc(p + "create_or_update_safe", TAG, "Replace a connection's state unless a job is running (423)",
            ConnectionStateCreateOrUpdate.class, ConnectionState.class,
            (body, call) -> StateReads.read(body.connectionId(),
                states.createOrUpdateWhileIdle(body.connectionId(), StateReads.write(body.connectionState()))))
            .alsoAnswering(423, "The connection is running a job; its state cannot be replaced until the job ends"));
  }
}
