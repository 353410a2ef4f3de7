package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.engine.ReplicationEngine;
import dev.gale.server.metrics.JobMetrics;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.HistoryPruning;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobRepository;
import dev.gale.server.store.ProcessHeartbeats;
import dev.gale.server.store.StateRepository;
import dev.gale.server.store.StreamGenerationRepository;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * The job side of a Gale process: its workers and its scheduler, built from the services they use. Attempt logs go
 * to {@code <data dir>/logs/jobs/<job id>/attempt-<n>.log}.
 */
public final class JobRuntime implements AutoCloseable {
  private final WorkerPool workers;
  private final JobScheduler scheduler;
  private final Housekeeping housekeeping;
  private final ProcessHeartbeat heartbeat;

  private JobRuntime(WorkerPool workers, JobScheduler scheduler, Housekeeping housekeeping, ProcessHeartbeat heartbeat) {
    this.workers = workers;
    this.scheduler = scheduler;
    this.housekeeping = housekeeping;
    this.heartbeat = heartbeat;
  }

  /** What the runtime runs jobs with. */
  public record Parts(JobRepository jobs, JobQueue queue, StateRepository states, StreamGenerationRepository generations,
                      ConnectionRepository connectionRepository, ConnectionService connections, ActorService actors,
                      DefinitionService definitions, HistoryPruning pruning, ProcessHeartbeats heartbeats) {}

  /**
   * Writes this process's first heartbeat, then starts {@code settings.workers()} workers, the scheduler,
   * housekeeping and the heartbeat.
   *
   * @param kind what this process is, as its heartbeat tells
   * @param metrics counts what the scheduler queues and shows the workers; the attempts are counted by the queue
   */
  public static JobRuntime start(ProcessHeartbeats.Kind kind, WorkerSettings settings, Parts parts, Path dataDir,
                                 Clock clock, JobMetrics metrics) {
    requireNonNull(kind, "kind is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(parts, "parts is null");
    requireNonNull(metrics, "metrics is null");
    // Unique per process, and telling in the jobs table and the heartbeats: which host and process it is.
    String runtime = ManagementFactory.getRuntimeMXBean().getName();
    String identity = runtime + "/" + UUID.randomUUID().toString().substring(0, 8);
    ProcessHeartbeat heartbeat = new ProcessHeartbeat(parts.heartbeats(), new ProcessHeartbeats.Process(identity, kind,
        runtime.substring(runtime.indexOf('@') + 1), settings.workers(), clock.instant()), ProcessHeartbeats.INTERVAL);
    heartbeat.start();
    SyncPlanner planner = new SyncPlanner(parts.connections(), parts.actors(), parts.definitions(), parts.states(),
        parts.generations());
    Path attemptLogs = dataDir.resolve("logs").resolve("jobs");
    AttemptRunner runner = new AttemptRunner(parts.jobs(), parts.queue(), parts.states(), parts.actors(), planner,
        new ReplicationEngine(settings.engine()), settings, attemptLogs, clock);
    WorkerPool workers = new WorkerPool(identity, parts.queue(), runner, settings);
    metrics.bindWorkers(settings.workers(), workers::running);
    workers.start();
    JobScheduler scheduler = new JobScheduler(parts.connectionRepository(), parts.queue(), workers,
        settings.schedulerTick(), clock, metrics);
    scheduler.start();
    Housekeeping housekeeping = new Housekeeping(parts.pruning(), settings.retention(), attemptLogs, clock);
    housekeeping.start();
    return new JobRuntime(workers, scheduler, housekeeping, heartbeat);
  }

  /** How the API reaches the jobs this process runs. */
  public LocalJobs localJobs() {
    return workers;
  }

  /**
   * Stops scheduling and housekeeping, then the workers gracefully ({@link WorkerPool#close}): it returns once every
   * running sync stopped at a committed state (or was cancelled after the shutdown grace) and its job was handed back.
   * The heartbeat goes last: the process counts as alive while its workers stop.
   */
  @Override
  public void close() {
    housekeeping.close();
    scheduler.close();
    workers.close();
    heartbeat.close();
  }
}
