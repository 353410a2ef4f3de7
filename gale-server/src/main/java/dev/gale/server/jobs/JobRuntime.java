package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.engine.ReplicationEngine;
import dev.gale.server.metrics.JobMetrics;
import dev.gale.server.service.ActorService;
import dev.gale.server.service.ConnectionService;
import dev.gale.server.service.DefinitionService;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.HistoryPruning;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobRepository;
import dev.gale.server.store.StateRepository;
import dev.gale.server.store.StreamGenerationRepository;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The job side of a Gale process: its workers and its scheduler, built from the services they use. Attempt logs go
 * to {@code <data dir>/logs/jobs/<job id>/attempt-<n>.log}.
 */
public final class JobRuntime implements AutoCloseable {
  private final WorkerPool workers;
  private final JobScheduler scheduler;
  private final Housekeeping housekeeping;

  private JobRuntime(WorkerPool workers, JobScheduler scheduler, Housekeeping housekeeping) {
    this.workers = workers;
    this.scheduler = scheduler;
    this.housekeeping = housekeeping;
  }

  /** What the runtime runs jobs with. */
  public record Parts(JobRepository jobs, JobQueue queue, StateRepository states, StreamGenerationRepository generations,
                      ConnectionRepository connectionRepository, ConnectionService connections, ActorService actors,
                      DefinitionService definitions, HistoryPruning pruning) {}

  /**
   * Starts {@code settings.workers()} workers, the scheduler and housekeeping.
   *
   * @param metrics counts what the scheduler queues and shows the workers; the attempts are counted by the queue
   */
  public static JobRuntime start(WorkerSettings settings, Parts parts, Path dataDir, Clock clock, JobMetrics metrics) {
    requireNonNull(settings, "settings is null");
    requireNonNull(parts, "parts is null");
    requireNonNull(metrics, "metrics is null");
    SyncPlanner planner = new SyncPlanner(parts.connections(), parts.actors(), parts.definitions(), parts.states(),
        parts.generations());
    Path attemptLogs = dataDir.resolve("logs").resolve("jobs");
    AttemptRunner runner = new AttemptRunner(parts.jobs(), parts.queue(), parts.states(), parts.actors(), planner,
        new ReplicationEngine(settings.engine()), settings, attemptLogs, clock);
    WorkerPool workers = new WorkerPool(parts.queue(), runner, settings);
    metrics.bindWorkers(settings.workers(), workers::running);
    workers.start();
    JobScheduler scheduler = new JobScheduler(parts.connectionRepository(), parts.queue(), workers,
        settings.schedulerTick(), clock, metrics);
    scheduler.start();
    Housekeeping housekeeping = new Housekeeping(parts.pruning(), settings.retention(), attemptLogs, clock);
    housekeeping.start();
    return new JobRuntime(workers, scheduler, housekeeping);
  }

  /** How the API reaches the jobs this process runs. */
  public LocalJobs localJobs() {
    return workers;
  }

  /**
   * Stops scheduling and housekeeping, then the workers gracefully ({@link WorkerPool#close}): it returns once every
   * running sync stopped at a committed state (or was cancelled after the shutdown grace) and its job was handed back.
   */
  @Override
  public void close() {
    housekeeping.close();
    scheduler.close();
    workers.close();
  }
}
