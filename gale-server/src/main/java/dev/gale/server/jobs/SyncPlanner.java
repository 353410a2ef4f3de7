package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Connector;
import dev.gale.connector.Destination;
import dev.gale.connector.Source;
import dev.gale.engine.ReplicationRequest;
import dev.gale.engine.StreamMapping;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.AttemptSyncConfig;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.ResetConfig;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.definition.UnrunnableDefinitionException;
import dev.gale.server.store.StateRepository;
import dev.gale.server.store.StreamGenerationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Builds what one attempt of a replication job runs, from the connection as it is stored now: the selected streams
 * in protocol shapes, the mapping to the destination, the connectors of the actors' definitions with their
 * revealed configurations, and the committed state to resume from. A reset reads nothing and overwrites its streams
 * in a new generation.
 */
final class SyncPlanner {
  private final ConnectionService connections;
  private final ActorService actors;
  private final DefinitionService definitions;
  private final StateRepository states;
  private final StreamGenerationRepository generations;

  SyncPlanner(ConnectionService connections, ActorService actors, DefinitionService definitions, StateRepository states,
              StreamGenerationRepository generations) {
    this.connections = requireNonNull(connections, "connections is null");
    this.actors = requireNonNull(actors, "actors is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.states = requireNonNull(states, "states is null");
    this.generations = requireNonNull(generations, "generations is null");
  }

  /**
   * What an attempt runs.
   *
   * @param masker masks every secret value of both configurations
   * @param streams the source-side streams it syncs or resets
   * @param syncConfig Airbyte's {@code AttemptSyncConfig} with both configurations masked, to keep with the attempt
   * @param sourceSecrets where the source's configuration holds secrets (for one its connector updates)
   * @param destinationSecrets the same for the destination
   */
  record SyncPlan(Connection connection, ReplicationRequest request, SecretMasker masker, List<StreamDescriptor> streams,
                  JsonNode syncConfig, SecretPaths sourceSecrets, SecretPaths destinationSecrets) {
    boolean reset() {
      return request.source() instanceof ClearingSource;
    }
  }

  /** A job that cannot run as its connection stands; retrying without a change fails the same way. */
  static final class PlanException extends RuntimeException {
    PlanException(String message) {
      super(message, null, false, false);
    }
  }

  SyncPlan plan(Job job) {
    Connection connection = connection(job);
    Side source = side(ActorType.SOURCE, connection.sourceId());
    Side destination = side(ActorType.DESTINATION, connection.destinationId());
    if (!(source.connector() instanceof Source sourceConnector)
        || !(destination.connector() instanceof Destination destinationConnector)) {
      throw new PlanException("The connection's source or destination definition is not runnable by this Gale");
    }
    List<String> secrets = new ArrayList<>(source.secrets().secretValues(source.config()));
    secrets.addAll(destination.secrets().secretValues(destination.config()));
    SecretMasker masker = SecretMasker.of(secrets);
    JsonNode syncConfig = Json.tree(new AttemptSyncConfig(source.secrets().mask(source.config()),
        destination.secrets().mask(destination.config()), null));

    boolean reset = job.configType().clearsData();
    ConfiguredCatalogs.Selection selection = reset
        ? ConfiguredCatalogs.forReset(connection.syncCatalog(), streamsToReset(job),
            stream -> generations.startFor(connection.id(), stream, job.id()), job.id())
        : ConfiguredCatalogs.forSync(connection.syncCatalog(), current(connection.id()), job.id());
    if (selection.streams().isEmpty()) {
      throw new PlanException(reset ? "None of the streams to reset is selected in the connection any more"
          : "The connection selects no stream to sync");
    }
    List<AirbyteStateMessage> state = reset ? List.of()
        : states.get(connection.id()).map(StateMessages::of).orElse(List.of());
    StreamMapping mapping = new StreamMapping(StreamMapping.NamespaceDefinition.valueOf(connection.namespaceDefinition().name()),
        connection.namespaceFormat(), connection.prefix(), selection.selectedFields());
    ReplicationRequest request = new ReplicationRequest(reset ? new ClearingSource(sourceConnector) : sourceConnector,
        reset ? Json.object() : source.config(), destinationConnector, destination.config(),
        new ConfiguredAirbyteCatalog(selection.streams()), mapping, state, job.id());
    List<StreamDescriptor> streams = selection.streams().stream()
        .map(s -> new StreamDescriptor(s.stream().name(), s.stream().namespace())).toList();
    return new SyncPlan(connection, request, masker, streams, syncConfig, source.secrets(), destination.secrets());
  }

  /** The streams a reset job names (in its config, as Airbyte's {@code ResetConfig}). */
  static Set<StreamDescriptor> streamsToReset(Job job) {
    ResetConfig config = job.config() == null ? null : Json.convert(job.config(), ResetConfig.class);
    if (config == null || config.streamsToReset() == null) {
      return Set.of();
    }
    return config.streamsToReset().stream().map(s -> new StreamDescriptor(s.name(), s.namespace()))
        .collect(Collectors.toSet());
  }

  private Connection connection(Job job) {
    Connection connection;
    try {
      connection = connections.find(UUID.fromString(job.scope()));
    } catch (NotFoundException | IllegalArgumentException e) {
      throw new PlanException("The job's connection " + job.scope() + " does not exist");
    }
    if (connection.status() == ConnectionStatus.DEPRECATED) {
      throw new PlanException("The connection " + connection.id() + " was deleted after the job was queued");
    }
    return connection;
  }

  private ToLongFunction<StreamDescriptor> current(UUID connectionId) {
    Map<StreamDescriptor, Long> byStream = generations.current(connectionId);
    return stream -> byStream.getOrDefault(stream, 0L);
  }

  /** One end of the connection: its connector, revealed configuration and where that holds secrets. */
  private record Side(Connector connector, JsonNode config, SecretPaths secrets) {}

  private Side side(ActorType type, UUID actorId) {
    Actor actor = actors.resolve(type, actorId);
    String label = type == ActorType.SOURCE ? "source" : "destination";
    if (actor.tombstone()) {
      throw new PlanException("The connection's " + label + " " + actorId + " is deleted");
    }
    DefinitionWithVersion definition = actors.definitionOf(actor);
    Connector connector;
    try {
      connector = definitions.implementation(definition);
    } catch (UnrunnableDefinitionException e) {
      throw new PlanException("The connection's " + label + " cannot run: " + e.getMessage());
    }
    JsonNode config;
    try {
      config = actors.revealedConfiguration(actor);
    } catch (InvalidInputException e) {
      throw new PlanException("The connection's " + label + " " + actorId + " cannot run: " + e.getMessage());
    }
    return new Side(connector, config, SecretPaths.of(definitions.spec(definition).connectionSpecification()));
  }
}
