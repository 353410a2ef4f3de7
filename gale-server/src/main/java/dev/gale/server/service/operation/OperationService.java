package dev.gale.server.service.operation;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.Json;
import dev.gale.server.domain.Operation;
import dev.gale.server.domain.OperatorConfiguration;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.OperationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Operations: steps a connection runs after its sync (normalization, dbt, webhooks). They are stored and checked
 * here; running them belongs to the sync. A deleted operation is a tombstone that no longer resolves, and every
 * connection that ran it stops doing so.
 */
public final class OperationService {
  private final OperationRepository operations;
  private final ConnectionRepository connectionRepository;
  private final ConnectionService connections;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public OperationService(OperationRepository operations, ConnectionRepository connectionRepository,
                          ConnectionService connections, WorkspaceService workspaces, Clock clock) {
    this.operations = requireNonNull(operations, "operations is null");
    this.connectionRepository = requireNonNull(connectionRepository, "connectionRepository is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Whether an operator configuration could run. The request names no workspace, so a webhook config id is looked
   * for in every workspace; create and update then require it in the operation's own workspace.
   *
   * @return empty when it could run; else its problems, each with its property path
   */
  public Optional<String> check(OperatorConfiguration config) {
    List<ValidationError> problems = OperatorConfigurations.problems(config, OperatorConfigurations.ROOT,
        id -> workspaces.list().stream().anyMatch(w -> WorkspaceService.hasWebhook(w, id)));
    return problems.isEmpty() ? Optional.empty()
        : Optional.of(problems.stream().map(p -> p.propertyPath() + ": " + p.message()).collect(Collectors.joining("; ")));
  }

  public Operation create(UUID workspaceId, String name, OperatorConfiguration operatorConfiguration) {
    UUID workspace = workspaces.live(workspaceId).id();
    OperatorConfiguration config = runnable(operatorConfiguration, workspace);
    Instant now = clock.instant();
    Operation operation = new Operation(UUID.randomUUID(), workspace, requireName(name), config.operatorType(),
        Json.tree(config), false, now, now);
    operations.insert(operation);
    return operation;
  }

  /** Replaces the name and the configuration of a live operation; its workspace stays. */
  public Operation update(UUID operationId, String name, OperatorConfiguration operatorConfiguration) {
    Operation current = live(operationId);
    OperatorConfiguration config = runnable(operatorConfiguration, current.workspaceId());
    Operation updated = new Operation(current.id(), current.workspaceId(), requireName(name), config.operatorType(),
        Json.tree(config), false, current.createdAt(), clock.instant());
    operations.update(updated);
    return updated;
  }

  public Operation get(UUID operationId) {
    return live(operationId);
  }

  /** The live operations a connection runs, in the order it runs them. */
  public List<Operation> listForConnection(UUID connectionId) {
    connections.find(connectionId);
    return operations.listByConnection(connectionId).stream()
        .filter(operation -> !operation.tombstone())
        .toList();
  }

  /** Tombstones the operation, then takes it off every connection that lists it. */
  public void delete(UUID operationId) {
    live(operationId);
    operations.tombstone(operationId);
    connectionRepository.detachOperation(operationId);
  }

  /**
   * Deletes an operation a connection stopped running, unless another connection still runs it: as Airbyte does
   * when a connection's operations are replaced.
   */
  public void deleteUnlessShared(UUID operationId, UUID connectionId) {
    boolean shared = connectionRepository.listByOperation(operationId, false).stream()
        .anyMatch(connection -> !connection.id().equals(connectionId));
    if (!shared && operations.find(operationId).filter(operation -> !operation.tombstone()).isPresent()) {
      delete(operationId);
    }
  }

  private Operation live(UUID operationId) {
    return operations.find(requireNonNull(operationId, "operationId is null"))
        .filter(operation -> !operation.tombstone())
        .orElseThrow(() -> new NotFoundException("operation", operationId));
  }

  private OperatorConfiguration runnable(OperatorConfiguration config, UUID workspaceId) {
    Predicate<UUID> inWorkspace = id -> WorkspaceService.hasWebhook(workspaces.live(workspaceId), id);
    List<ValidationError> problems = OperatorConfigurations.problems(config, OperatorConfigurations.ROOT, inWorkspace);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.getFirst().message(), problems);
    }
    return OperatorConfigurations.normalized(config);
  }

  private static String requireName(String name) {
    if (name.isBlank()) {
      throw new InvalidInputException("name", name, "An operation's name must not be blank");
    }
    return name.strip();
  }
}
