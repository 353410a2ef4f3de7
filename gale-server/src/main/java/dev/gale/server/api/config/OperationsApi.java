package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.OperationBodies.CheckOperationRead;
import dev.gale.server.api.model.OperationBodies.OperationCreate;
import dev.gale.server.api.model.OperationBodies.OperationIdRequestBody;
import dev.gale.server.api.model.OperationBodies.OperationRead;
import dev.gale.server.api.model.OperationBodies.OperationReadList;
import dev.gale.server.api.model.OperationBodies.OperationUpdate;
import dev.gale.server.api.model.WorkspaceBodies.ConnectionIdRequestBody;
import dev.gale.server.domain.OperatorConfiguration;
import dev.gale.server.http.Route;
import dev.gale.server.service.operation.OperationService;
import java.util.List;

/** {@code /api/v1/operations/*}. */
public final class OperationsApi implements ApiModule {
  private static final String TAG = "operation";
  private final OperationService operations;

  public OperationsApi(OperationService operations) {
    this.operations = operations;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/operations/";
    return List.of(
        rpc(p + "check", TAG, "Check whether an operator configuration could run", OperatorConfiguration.class,
            CheckOperationRead.class, (body, call) -> OperationReads.check(operations.check(body))),
        rpc(p + "create", TAG, "Create an operation", OperationCreate.class, OperationRead.class,
            (body, call) -> OperationReads.read(operations.create(body.workspaceId(), body.name(),
                body.operatorConfiguration()))),
        rpc(p + "update", TAG, "Replace an operation's name and configuration", OperationUpdate.class, OperationRead.class,
            (body, call) -> OperationReads.read(operations.update(body.operationId(), body.name(),
                body.operatorConfiguration()))),
        rpc(p + "list", TAG, "List the operations a connection runs", ConnectionIdRequestBody.class, OperationReadList.class,
            (body, call) -> OperationReads.list(operations.listForConnection(body.connectionId()))),
        rpc(p + "get", TAG, "Get an operation", OperationIdRequestBody.class, OperationRead.class,
            (body, call) -> OperationReads.read(operations.get(body.operationId()))),
        rpc(p + "delete", TAG, "Delete an operation and take it off the connections that run it",
            OperationIdRequestBody.class, Void.class, (body, call) -> {
              operations.delete(body.operationId());
              return null;
            }));
  }
}
