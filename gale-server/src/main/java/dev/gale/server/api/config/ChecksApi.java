package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.ActorBodies.DestinationIdRequestBody;
import dev.gale.server.api.model.ActorBodies.DestinationUpdate;
import dev.gale.server.api.model.ActorBodies.SourceIdRequestBody;
import dev.gale.server.api.model.ActorBodies.SourceUpdate;
import dev.gale.server.api.model.CheckBodies.CheckConnectionRead;
import dev.gale.server.api.model.CheckBodies.CheckStatus;
import dev.gale.server.api.model.CheckBodies.DestinationCoreConfig;
import dev.gale.server.api.model.CheckBodies.SourceCoreConfig;
import dev.gale.server.api.model.DefinitionBodies.LogRead;
import dev.gale.server.api.model.DefinitionBodies.SynchronousJobRead;
import dev.gale.server.api.model.DefinitionBodies.SynchronousJobType;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.http.Route;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.actor.ActorService.Candidate;
import dev.gale.server.service.actor.ConnectorCheckService;
import java.util.List;
import java.util.UUID;

/**
 * Connection checks: of a saved source or destination, of a changed configuration before it is saved, and of a
 * configuration not saved at all ({@code scheduler/...}).
 */
public final class ChecksApi implements ApiModule {
  private final ActorService actors;
  private final ConnectorCheckService checks;

  public ChecksApi(ActorService actors, ConnectorCheckService checks) {
    this.actors = actors;
    this.checks = checks;
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        rpc("/api/v1/sources/check_connection", "source", "Check that a saved source works", SourceIdRequestBody.class,
            CheckConnectionRead.class, (body, call) -> saved(ActorType.SOURCE, body.sourceId())),
        rpc("/api/v1/sources/check_connection_for_update", "source", "Check a changed source configuration before saving it",
            SourceUpdate.class, CheckConnectionRead.class, (body, call) -> check(ActorType.SOURCE,
                actors.candidateForUpdate(ActorType.SOURCE, body.sourceId(), body.connectionConfiguration()), body.sourceId())),
        rpc("/api/v1/destinations/check_connection", "destination", "Check that a saved destination works",
            DestinationIdRequestBody.class, CheckConnectionRead.class,
            (body, call) -> saved(ActorType.DESTINATION, body.destinationId())),
        rpc("/api/v1/destinations/check_connection_for_update", "destination",
            "Check a changed destination configuration before saving it", DestinationUpdate.class, CheckConnectionRead.class,
            (body, call) -> check(ActorType.DESTINATION, actors.candidateForUpdate(ActorType.DESTINATION,
                body.destinationId(), body.connectionConfiguration()), body.destinationId())),
        rpc("/api/v1/scheduler/sources/check_connection", "scheduler", "Check a source configuration that is not saved",
            SourceCoreConfig.class, CheckConnectionRead.class, (body, call) -> check(ActorType.SOURCE,
                actors.candidateForCreate(ActorType.SOURCE, body.workspaceId(), body.sourceDefinitionId(),
                    body.connectionConfiguration()), body.sourceDefinitionId())),
        rpc("/api/v1/scheduler/destinations/check_connection", "scheduler", "Check a destination configuration that is not saved",
            DestinationCoreConfig.class, CheckConnectionRead.class, (body, call) -> check(ActorType.DESTINATION,
                actors.candidateForCreate(ActorType.DESTINATION, body.workspaceId(), body.destinationDefinitionId(),
                    body.connectionConfiguration()), body.destinationDefinitionId())));
  }

  private CheckConnectionRead saved(ActorType type, UUID actorId) {
    Actor actor = actors.live(type, actorId);
    return check(type, new Candidate(actors.definitionOf(actor), actors.revealedConfiguration(actor)), actorId);
  }

  private CheckConnectionRead check(ActorType type, Candidate candidate, UUID configId) {
    ConnectorCheckService.Outcome outcome = checks.check(candidate.definition(), candidate.revealedConfiguration());
    SynchronousJobType jobType = type == ActorType.SOURCE
        ? SynchronousJobType.CHECK_CONNECTION_SOURCE : SynchronousJobType.CHECK_CONNECTION_DESTINATION;
    SynchronousJobRead job = new SynchronousJobRead(UUID.randomUUID(), jobType, configId.toString(), outcome.startedAtMillis(),
        outcome.endedAtMillis(), outcome.completed(), false, new LogRead(outcome.message() == null ? List.of() : List.of(outcome.message())));
    return new CheckConnectionRead(outcome.succeeded() ? CheckStatus.SUCCEEDED : CheckStatus.FAILED, outcome.message(), job);
  }
}
