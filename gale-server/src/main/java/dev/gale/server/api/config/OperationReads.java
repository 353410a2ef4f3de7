package dev.gale.server.api.config;

import dev.gale.protocol.Json;
import dev.gale.server.api.model.OperationBodies.CheckOperationRead;
import dev.gale.server.api.model.OperationBodies.CheckOperationStatus;
import dev.gale.server.api.model.OperationBodies.OperationRead;
import dev.gale.server.api.model.OperationBodies.OperationReadList;
import dev.gale.server.domain.Operation;
import dev.gale.server.domain.OperatorConfiguration;
import java.util.List;
import java.util.Optional;

/** Maps operations and operator checks to the Config API's bodies. */
public final class OperationReads {
  private OperationReads() {}

  public static OperationRead read(Operation operation) {
    return new OperationRead(operation.workspaceId(), operation.id(), operation.name(),
        Json.convert(operation.operatorConfiguration(), OperatorConfiguration.class));
  }

  public static OperationReadList list(List<Operation> operations) {
    return new OperationReadList(operations.stream().map(OperationReads::read).toList());
  }

  static CheckOperationRead check(Optional<String> problems) {
    return problems.map(message -> new CheckOperationRead(CheckOperationStatus.FAILED, message))
        .orElseGet(() -> new CheckOperationRead(CheckOperationStatus.SUCCEEDED, null));
  }
}
