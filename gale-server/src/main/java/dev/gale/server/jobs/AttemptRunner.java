package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.engine.ReplicationEngine;
import dev.gale.engine.ReplicationResult;
import dev.gale.engine.RunningReplication;
import dev.gale.engine.StreamTotals;
import dev.gale.protocol.Json;
import dev.gale.server.domain.FailureType;
import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.jobs.SyncPlanner.PlanException;
import dev.gale.server.jobs.SyncPlanner.SyncPlan;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobQueue.AttemptEnd;
import dev.gale.server.store.JobQueue.Claim;
import dev.gale.server.store.JobQueue.Lease;
import dev.gale.server.store.JobRepository;
import dev.gale.server.store.StateRepository;
import dev.gale.server.store.TamperedRowException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a claimed job: creates the attempt row and its log, plans the sync, runs the engine while
 * renewing the lease (which is also how a cancel sent to another process arrives), and ends the attempt: succeeded,
 * cancelled, or failed and handed to the {@link AttemptEnds retry policy}. A job claimed after its worker died first
 * gets its abandoned attempt ended as failed. When this process shuts down, the sync is drained (it stops at its
 * next committed state) and its attempt ends so that another process goes on at once ({@link AttemptEnds#shutDown}).
 */
final class AttemptRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);

  private final JobRepository jobs;
  private final JobQueue queue;
  private final StateRepository states;
  private final ActorService actors;
  private final SyncPlanner planner;
  private final ReplicationEngine engine;
  private final WorkerSettings settings;
  private final AttemptEnds ends;
  private final Path logDirectory;
  private final Clock clock;

  AttemptRunner(JobRepository jobs, JobQueue queue, StateRepository states, ActorService actors, SyncPlanner planner,
                ReplicationEngine engine, WorkerSettings settings, Path logDirectory, Clock clock) {
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.states = requireNonNull(states, "states is null");
    this.actors = requireNonNull(actors, "actors is null");
    this.planner = requireNonNull(planner, "planner is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.logDirectory = requireNonNull(logDirectory, "logDirectory is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.ends = new AttemptEnds(jobs, queue, settings.retryPolicy(), clock);
  }

  /**
   * Runs the claimed job's next attempt to its end.
   *
   * @throws InterruptedException when the worker is stopped; the attempt then ends as a retryable failure
   */
  void run(Claim claim, String owner, RunningJobs.Entry local) throws InterruptedException {
    Job job = claim.job();
    List<Attempt> attempts = jobs.listAttempts(List.of(job.id()));
    if (claim.orphaned()) {
      Optional<Attempt> abandoned = attempts.stream().filter(a -> a.status() == AttemptStatus.RUNNING).findFirst();
      if (abandoned.isPresent()) {
        ends.abandoned(job, abandoned.get(), attempts, owner, claim.cancelRequested());
        return;
      }
    }
    if (claim.cancelRequested() || local.cancelRequested()) {
      queue.end(job.id(), owner, null, new AttemptEnd(AttemptStatus.FAILED, null, null, JobStatus.CANCELLED, null));
      return;
    }
    if (local.drainRequested()) {
      // Claimed as this process began to stop: another one runs it, without an attempt started here.
      queue.release(job.id(), owner);
      return;
    }
    Path logFile = logDirectory.resolve(Long.toString(job.id())).resolve("attempt-" + attempts.size() + ".log");
    Attempt attempt = jobs.createAttempt(job.id(), logFile.toString());
    jobs.setWorkflow(attempt.id(), owner, WorkerPool.TASK_QUEUE);
    SyncPlan plan;
    try {
      plan = planner.plan(job);
    } catch (PlanException | TamperedRowException e) {
      // A tampered row fails again at every retry: like a configuration error, it waits for the user.
      notPlanned(job, attempt, attempts, owner, logFile, FailureType.CONFIG_ERROR, e.getMessage(), null);
      return;
    } catch (RuntimeException e) {
      LOG.warn("Cannot prepare attempt {} of job {}", attempt.attemptNumber(), job.id(), e);
      notPlanned(job, attempt, attempts, owner, logFile, FailureType.SYSTEM_ERROR, "Gale could not prepare the sync", e);
      return;
    }
    try (AttemptLog log = AttemptLog.open(logFile, plan.masker(), clock)) {
      try {
        runPlanned(job, attempt, attempts, owner, plan, log, local);
      } catch (RuntimeException e) {
        // The store failed under the attempt; if ending it fails too, the lease expires and another worker ends it.
        LOG.warn("Attempt {} of job {} failed in the worker", attempt.attemptNumber(), job.id(), e);
        ends.failed(job, attempt, attempts, owner, FailureSummaries.platform(FailureType.SYSTEM_ERROR,
            "The worker failed while running the attempt", e, true, false, log.masker(), clock.instant()), log);
      }
    }
  }

  // Planning messages name streams, actors and definitions, never configuration values, so they need no masking.
  private void notPlanned(Job job, Attempt attempt, List<Attempt> earlier, String owner, Path logFile, FailureType type,
                          String message, Throwable error) {
    try (AttemptLog log = AttemptLog.open(logFile, SecretMasker.NONE, clock)) {
      log.log(LogLevel.ERROR, "The sync cannot start: " + message);
      ends.failed(job, attempt, earlier, owner, FailureSummaries.platform(type, message, error,
          type != FailureType.CONFIG_ERROR, false, SecretMasker.NONE, clock.instant()), log);
    }
  }

  private void runPlanned(Job job, Attempt attempt, List<Attempt> earlier, String owner, SyncPlan plan, AttemptLog log,
                          RunningJobs.Entry local) throws InterruptedException {
    jobs.saveSyncConfig(attempt.id(), plan.syncConfig());
    describe(job, attempt, plan, log);
    ConnectorConfigUpdates configUpdates = new ConnectorConfigUpdates(actors, plan.connection().sourceId(),
        plan.sourceSecrets(), plan.connection().destinationId(), plan.destinationSecrets(), log);
    AttemptListener listener = new AttemptListener(plan.connection().id(), job.id(), attempt.id(), owner, queue, jobs,
        states, log, configUpdates);
    RunningReplication running = engine.start(plan.request(), listener);
    local.attach(running);
    Outcome outcome = await(job.id(), owner, running, log, local);
    ReplicationResult result = outcome.result();
    jobs.saveStats(attempt.id(), AttemptListener.stats(result.totals()));
    if (outcome.lost()) {
      log.log(LogLevel.WARN,
          "This worker lost the job's lease (it missed heartbeats); another worker runs the job now");
      return;
    }
    StreamTotals total = result.totals().total();
    boolean partial = total.recordsCommitted() > 0;
    switch (result.status()) {
      case SUCCEEDED -> succeeded(job, attempt, owner, plan, total, log);
      case STOPPED -> ends.shutDown(job, attempt, owner, partial, log);
      case CANCELLED -> {
        if (outcome.cancelledByUser()) {
          log.info("The job was cancelled");
          queue.end(job.id(), owner, attempt.id(), new AttemptEnd(AttemptStatus.FAILED, null,
              FailureSummaries.cancelled(partial, clock.instant()), JobStatus.CANCELLED, null));
        } else if (local.drainRequested()) {
          // The grace ran out before a committed state: still a shutdown, resumed from the last committed state.
          ends.shutDown(job, attempt, owner, partial, log);
        } else {
          ends.failed(job, attempt, earlier, owner, FailureSummaries.platform(FailureType.SYSTEM_ERROR,
              "The worker stopped while the attempt ran", null, true, partial, log.masker(), clock.instant()), log);
        }
      }
      case FAILED -> ends.failed(job, attempt, earlier, owner,
          // The log's masker: it also masks the secrets of a configuration a connector updated during the run.
          FailureSummaries.of(result.failure().orElseThrow(), partial, log.masker(), clock.instant()), log);
    }
    if (outcome.interrupted()) {
      throw new InterruptedException("the worker was stopped");
    }
  }

  private void succeeded(Job job, Attempt attempt, String owner, SyncPlan plan, StreamTotals total, AttemptLog log) {
    if (plan.reset()) {
      boolean everyStream = new HashSet<>(plan.streams())
          .containsAll(ConfiguredCatalogs.selectedStreams(plan.connection().syncCatalog()));
      if (everyStream) {
        states.clear(plan.connection().id());
      } else {
        states.clearStreams(plan.connection().id(), plan.streams());
      }
      log.info("Cleared the state of " + (everyStream ? "the connection" : plan.streams().size() + " streams"));
    }
    var output = Json.object();
    output.putObject("sync").putObject("standardSyncSummary").put("status", "completed")
        .put("recordsSynced", total.recordsCommitted()).put("bytesSynced", total.bytesCommitted());
    if (queue.end(job.id(), owner, attempt.id(), new AttemptEnd(AttemptStatus.SUCCEEDED, output, null,
        JobStatus.SUCCEEDED, null))) {
      log.info("The job succeeded");
    } else {
      log.info("The attempt succeeded, but the job was no longer this worker's to end");
    }
  }

  /** How the wait for the engine ended. */
  private record Outcome(ReplicationResult result, boolean cancelledByUser, boolean lost, boolean interrupted) {}

  /**
   * Waits for the engine, renewing the lease at every heartbeat. A cancel request (from here or seen in the
   * database) or a lost lease cancels the run; so does stopping the worker, which then still waits for the engine
   * to end (it does within about two seconds).
   */
  private Outcome await(long jobId, String owner, RunningReplication running, AttemptLog log, RunningJobs.Entry local) {
    boolean cancelRequested = false;
    boolean lost = false;
    boolean interrupted = false;
    while (true) {
      try {
        Optional<ReplicationResult> result = running.await(settings.heartbeatInterval());
        if (result.isPresent()) {
          return new Outcome(result.get(), cancelRequested || local.cancelRequested(), lost, interrupted);
        }
        if (interrupted || lost) {
          continue;
        }
        Lease lease = queue.heartbeat(jobId, owner, settings.lease());
        if (lease == Lease.LOST) {
          lost = true;
          running.cancel();
        } else if (lease != Lease.HELD && !cancelRequested) {
          cancelRequested = true;
          log.info(lease == Lease.CONNECTION_DELETED ? "Cancelling: the connection was deleted"
              : "Cancelling: a cancel was requested");
          running.cancel();
        }
      } catch (InterruptedException e) {
        interrupted = true;
        running.cancel();
      } catch (RuntimeException e) {
        // The database may be away for a moment; the lease lasts several heartbeats.
        LOG.warn("Cannot renew the lease of job {}", jobId, e);
      }
    }
  }

  private void describe(Job job, Attempt attempt, SyncPlan plan, AttemptLog log) {
    var request = plan.request();
    log.info("Attempt %d of job %d (%s) for connection %s (%s)".formatted(attempt.attemptNumber(), job.id(),
        plan.reset() ? "reset" : "sync", plan.connection().id(), plan.connection().name()));
    log.info("Source: %s %s; destination: %s %s".formatted(request.source().descriptor().name(),
        request.source().descriptor().dockerImageTag(), request.destination().descriptor().name(),
        request.destination().descriptor().dockerImageTag()));
    request.catalog().streams().forEach(stream -> log.info("Stream %s: %s, %s, generation %s".formatted(
        stream.descriptor(), stream.syncMode(), stream.destinationSyncMode(), stream.generationId())));
    if (!plan.reset()) {
      log.info(request.state().isEmpty() ? "No committed state: every stream starts from the beginning"
          : "Resuming from %d committed state messages".formatted(request.state().size()));
    }
  }
}
