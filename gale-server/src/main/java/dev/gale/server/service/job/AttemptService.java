package dev.gale.server.service.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.AttemptSyncConfig;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamStats;
import dev.gale.server.domain.SyncStats;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.store.JobRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Airbyte's internal {@code attempt/*} endpoints, through which a worker reports on a running attempt: its stats,
 * the configuration it runs with, and the workflow running it. Gale's own workers write these directly; the
 * endpoints serve clients and external workers that speak Airbyte's API.
 */
public final class AttemptService {
  /** Counters as a client reports them, not checked yet; an absent counter is 0. */
  public record ReportedCounts(long recordsEmitted, long bytesEmitted, long stateMessagesEmitted, long recordsCommitted,
                               long bytesCommitted, long estimatedRecords, long estimatedBytes) {}

  /** One stream's reported counters. */
  public record ReportedStreamCounts(StreamDescriptor stream, ReportedCounts counts) {}

  private final JobRepository jobs;
  private final ConnectionService connections;
  private final ActorService actors;
  private final DefinitionService definitions;

  public AttemptService(JobRepository jobs, ConnectionService connections, ActorService actors, DefinitionService definitions) {
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.actors = requireNonNull(actors, "actors is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
  }

  /**
   * Replaces the attempt's stats; counters cannot be negative, and each stream appears once.
   *
   * @param streams nullable, and so is each item (refused)
   */
  public void saveStats(long jobId, int attemptNumber, ReportedCounts total, List<ReportedStreamCounts> streams) {
    Attempt attempt = attempt(jobId, attemptNumber);
    List<StreamStats> perStream = new ArrayList<>();
    Set<StreamDescriptor> seen = new HashSet<>();
    for (int i = 0; streams != null && i < streams.size(); i++) {
      ReportedStreamCounts stream = streams.get(i);
      String path = "streamStats[" + i + "]";
      if (stream == null) {
        throw new InvalidInputException(path, null, "A stream's stats are required here");
      }
      StreamDescriptor descriptor = stream.stream();
      if (!seen.add(descriptor)) {
        throw new InvalidInputException(path, descriptor.name(), "The stream " + descriptor.name() + " has stats twice");
      }
      perStream.add(new StreamStats(descriptor, counters(stream.counts(), path + ".stats")));
    }
    jobs.saveStats(attempt.id(), new AttemptStats(counters(total, "stats"), perStream));
  }

  /** Keeps the configuration an attempt runs with, its secrets masked as the connectors' specifications declare. */
  public void saveSyncConfig(long jobId, int attemptNumber, AttemptSyncConfig config) {
    Attempt attempt = attempt(jobId, attemptNumber);
    Connection connection = connections.find(UUID.fromString(job(jobId).scope()));
    AttemptSyncConfig masked = new AttemptSyncConfig(
        masked(ActorType.SOURCE, connection.sourceId(), config.sourceConfiguration()),
        masked(ActorType.DESTINATION, connection.destinationId(), config.destinationConfiguration()), config.state());
    jobs.saveSyncConfig(attempt.id(), Json.tree(masked));
  }

  public void setWorkflow(long jobId, int attemptNumber, String workflowId, String processingTaskQueue) {
    jobs.setWorkflow(attempt(jobId, attemptNumber).id(), workflowId, processingTaskQueue);
  }

  private JsonNode masked(ActorType type, UUID actorId, JsonNode configuration) {
    var definition = actors.definitionOf(actors.resolve(type, actorId));
    return SecretPaths.of(definitions.spec(definition).connectionSpecification()).mask(configuration);
  }

  private Job job(long jobId) {
    return jobs.find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
  }

  private Attempt attempt(long jobId, int attemptNumber) {
    job(jobId);
    return jobs.findAttempt(jobId, attemptNumber)
        .orElseThrow(() -> new NotFoundException("attempt " + attemptNumber + " of job", jobId));
  }

  private static SyncStats counters(ReportedCounts stats, String path) {
    long[] values = {stats.recordsEmitted(), stats.bytesEmitted(), stats.recordsCommitted(), stats.bytesCommitted(),
        stats.stateMessagesEmitted(), stats.estimatedRecords(), stats.estimatedBytes()};
    String[] names = {"recordsEmitted", "bytesEmitted", "recordsCommitted", "bytesCommitted", "stateMessagesEmitted",
        "estimatedRecords", "estimatedBytes"};
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new InvalidInputException(path + "." + names[i], values[i], "A count cannot be negative");
      }
    }
    return new SyncStats(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
  }
}
