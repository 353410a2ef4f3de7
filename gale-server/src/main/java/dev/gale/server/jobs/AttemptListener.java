package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents.StreamStatus;
import dev.gale.engine.ReplicationListener;
import dev.gale.engine.StreamTotals;
import dev.gale.engine.SyncTotals;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamStats;
import dev.gale.server.domain.SyncStats;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobRepository;
import dev.gale.server.store.StateRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running attempt does with the engine's news: commits each state the destination acknowledged (while this
 * worker still holds the job), writes log lines to the attempt's log, saves the running totals (with the source's
 * estimates) as the attempt's stats so that {@code jobs/get} shows progress, writes the connectors' stream statuses
 * to the attempt's log, and saves a configuration a connector updated ({@link ConnectorConfigUpdates}).
 */
final class AttemptListener implements ReplicationListener {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptListener.class);

  private final UUID connectionId;
  private final long jobId;
  private final long attemptId;
  private final String owner;
  private final JobQueue queue;
  private final JobRepository jobs;
  private final StateRepository states;
  private final AttemptLog log;
  private final ConnectorConfigUpdates configUpdates;

  AttemptListener(UUID connectionId, long jobId, long attemptId, String owner, JobQueue queue, JobRepository jobs,
                  StateRepository states, AttemptLog log, ConnectorConfigUpdates configUpdates) {
    this.connectionId = requireNonNull(connectionId, "connectionId is null");
    this.jobId = jobId;
    this.attemptId = attemptId;
    this.owner = requireNonNull(owner, "owner is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.states = requireNonNull(states, "states is null");
    this.log = requireNonNull(log, "log is null");
    this.configUpdates = requireNonNull(configUpdates, "configUpdates is null");
  }

  /**
   * Stream states merge into the stored state (other streams keep theirs); a global or legacy state replaces it.
   * A worker that lost the job's lease commits nothing: another worker runs the job now, from the stored state.
   */
  @Override
  public void commitState(AirbyteStateMessage state) {
    if (!queue.holds(jobId, owner)) {
      throw new IllegalStateException("job " + jobId + " is no longer this worker's; its state is not committed");
    }
    if (StateMessages.mergesIntoStored(state)) {
      states.merge(connectionId, StateMessages.toStored(state));
    } else {
      states.replace(connectionId, StateMessages.toStored(state));
    }
  }

  @Override
  public void log(LogLevel level, String message) {
    log.log(level, message);
  }

  @Override
  public void progress(SyncTotals totals) {
    try {
      jobs.saveStats(attemptId, stats(totals));
    } catch (RuntimeException e) {
      // Live stats are a view; the final ones are saved when the attempt ends.
      LOG.warn("Cannot save the running stats of attempt {} of job {}", attemptId, jobId, e);
    }
  }

  @Override
  public void streamStatus(Side side, dev.gale.protocol.StreamDescriptor stream, StreamStatus status) {
    log.info("Stream " + stream + " of the " + side.name().toLowerCase(Locale.ROOT) + ": " + status);
  }

  @Override
  public void configurationUpdated(Side side, JsonNode configuration) {
    configUpdates.save(side, configuration);
  }

  /** The engine's totals as an attempt's stats, estimates included. */
  static AttemptStats stats(SyncTotals totals) {
    List<StreamStats> streams = totals.streams().entrySet().stream()
        .map(entry -> new StreamStats(new StreamDescriptor(entry.getKey().name(), entry.getKey().namespace()),
            counters(entry.getValue())))
        .sorted(Comparator.comparing((StreamStats s) -> s.stream().name())
            .thenComparing(s -> s.stream().namespace(), Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
    return new AttemptStats(counters(totals.total()), streams);
  }

  private static SyncStats counters(StreamTotals totals) {
    return new SyncStats(totals.recordsEmitted(), totals.bytesEmitted(), totals.recordsCommitted(),
        totals.bytesCommitted(), totals.stateMessagesEmitted(), totals.estimatedRecords(), totals.estimatedBytes());
  }
}
