package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.server.domain.FailureType;
import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.jobs.RetryPolicy.Decision;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobQueue.AttemptEnd;
import dev.gale.server.store.JobRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends failed attempts and decides their job's fate: a failure that is not retryable fails the job; otherwise the
 * {@link RetryPolicy} says whether another attempt follows (the job is {@code incomplete} until then, free for any
 * worker once its backoff has passed) or the job has failed too often. An attempt stopped because its process shut
 * down is none of the job's failures: the job goes on at once, and later decisions leave that attempt out.
 */
final class AttemptEnds {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptEnds.class);

  private final JobRepository jobs;
  private final JobQueue queue;
  private final RetryPolicy policy;
  private final Clock clock;

  AttemptEnds(JobRepository jobs, JobQueue queue, RetryPolicy policy, Clock clock) {
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Ends a failed attempt.
   *
   * @param earlier the job's attempts before this one
   * @param summary Airbyte's {@code AttemptFailureSummary} of this attempt
   * @param log the attempt's log, told what happens next
   */
  void failed(Job job, Attempt attempt, List<Attempt> earlier, String owner, JsonNode summary, AttemptLog log) {
    AttemptEnd end;
    if (!FailureSummaries.retryable(summary)) {
      end = new AttemptEnd(AttemptStatus.FAILED, null, summary, JobStatus.FAILED, null);
      log.log(LogLevel.ERROR, "The failure is not retryable: the job failed. " + summary.at("/failures/0/externalMessage").asText());
    } else {
      List<Boolean> history = new ArrayList<>();
      earlier.stream().filter(a -> a.status() == AttemptStatus.FAILED && a.id() != attempt.id()
              && !FailureSummaries.isShutdown(a.failureSummary()))
          .forEach(a -> history.add(FailureSummaries.partialSuccess(a.failureSummary())));
      history.add(FailureSummaries.partialSuccess(summary));
      Decision decision = policy.afterFailures(history);
      end = decision.retry()
          ? new AttemptEnd(AttemptStatus.FAILED, null, summary, JobStatus.INCOMPLETE, clock.instant().plus(decision.delay()))
          : new AttemptEnd(AttemptStatus.FAILED, null, summary, JobStatus.FAILED, null);
      log.log(LogLevel.WARN, "The attempt failed: " + summary.at("/failures/0/externalMessage").asText() + ". "
          + (decision.retry() ? "Retrying: " : "The job failed: ") + decision.reason());
    }
    if (!queue.end(job.id(), owner, attempt.id(), end)) {
      log.log(LogLevel.WARN, "The job was no longer this worker's to end");
    }
  }

  /**
   * Ends an attempt stopped because this process shuts down: failed (Airbyte knows no other end for an attempt that
   * did not finish), its job {@code incomplete} and free for any worker at once, without the retry policy's backoff;
   * the lease goes in the same transaction, so another process need not wait for it to expire.
   *
   * @param partial whether the attempt committed records
   */
  void shutDown(Job job, Attempt attempt, String owner, boolean partial, AttemptLog log) {
    log.log(LogLevel.WARN, "This worker is shutting down: the attempt ends here, and the job goes on at once in "
        + "another worker, from its last committed state");
    if (!queue.end(job.id(), owner, attempt.id(), new AttemptEnd(AttemptStatus.FAILED, null,
        FailureSummaries.shutdown(partial, clock.instant()), JobStatus.INCOMPLETE, null))) {
      log.log(LogLevel.WARN, "The job was no longer this worker's to end");
    }
  }

  /**
   * Ends the attempt a dead worker left running: as failed (a retryable platform failure, partial when its last
   * saved stats show committed records), or as cancelled when a cancel was requested meanwhile.
   */
  void abandoned(Job job, Attempt attempt, List<Attempt> attempts, String owner, boolean cancelRequested) {
    boolean partial = jobs.findStats(attempt.id()).map(s -> s.total().recordsCommitted() > 0).orElse(false);
    LOG.warn("Attempt {} of job {} was abandoned by its worker; ending it", attempt.attemptNumber(), job.id());
    try (AttemptLog log = AttemptLog.open(Path.of(attempt.logPath()), SecretMasker.NONE, clock)) {
      if (cancelRequested) {
        log.info("The worker running this attempt stopped, and the job was cancelled meanwhile");
        queue.end(job.id(), owner, attempt.id(), new AttemptEnd(AttemptStatus.FAILED, null,
            FailureSummaries.cancelled(partial, clock.instant()), JobStatus.CANCELLED, null));
        return;
      }
      failed(job, attempt, attempts, owner, FailureSummaries.platform(FailureType.SYSTEM_ERROR,
          "The worker running this attempt stopped sending heartbeats", null, true, partial, SecretMasker.NONE,
          clock.instant()), log);
    }
  }
}
