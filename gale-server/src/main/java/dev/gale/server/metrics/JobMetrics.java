package dev.gale.server.metrics;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.Json;
import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.SyncStats;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this process's workers and scheduler did: attempts ended (by status and job type), how long each took, the
 * records and bytes they committed, how late the scheduler queued due syncs, and how many jobs run here now.
 *
 * <p>These are counters of this process's own events: Prometheus sums them over the processes it scrapes. The labels
 * are the job's type and the attempt's status, never a connection: a deployment may have thousands of connections,
 * and per-connection history is what {@code jobs/list} is for.
 */
public final class JobMetrics implements JobQueue.AttemptEnded {
  private static final Logger LOG = LoggerFactory.getLogger(JobMetrics.class);
  /** Syncs take from seconds (a small API) to hours (a first full refresh of a large table). */
  private static final Duration[] SYNC_BUCKETS = {
      Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
      Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
      Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
      Duration.ofHours(8), Duration.ofHours(12), Duration.ofHours(24)};
  /** The scheduler ticks every few seconds; a lag of minutes means it or the store is struggling. */
  private static final Duration[] LAG_BUCKETS = {
      Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1)};

  private final MeterRegistry registry;
  private final JobRepository jobs;
  private final Timer schedulerLag;

  public JobMetrics(MeterRegistry registry, JobRepository jobs) {
    this.registry = requireNonNull(registry, "registry is null");
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.schedulerLag = Timer.builder("gale.scheduler.lag")
        .description("How long after a scheduled sync was due its job was created")
        .serviceLevelObjectives(LAG_BUCKETS)
        .register(registry);
  }

  /**
   * The workers of this process: how many there are, and how many jobs they run now.
   *
   * @param running read at each scrape
   */
  public void bindWorkers(int workers, IntSupplier running) {
    requireNonNull(running, "running is null");
    Gauge.builder("gale.worker.slots", () -> workers)
        .description("Workers of this process: how many jobs it may run at once")
        .register(registry);
    Gauge.builder("gale.worker.jobs.running", running::getAsInt)
        .description("Jobs this process's workers run now")
        .register(registry);
  }

  /** A scheduler of this process queued a sync that was due at {@code due}; its job was created at {@code created}. */
  public void scheduled(Instant due, Instant created) {
    // A job created a moment before its due time (clocks of two processes) counts as on time.
    schedulerLag.record(Duration.between(due, created).isNegative() ? Duration.ZERO : Duration.between(due, created));
  }

  /**
   * Counts an attempt the queue ended: its status, duration, and what it committed. Reads the attempt and its stats
   * back (they are written before the attempt ends); a failure to read is logged and the attempt goes uncounted,
   * since metrics must never fail a job.
   */
  @Override
  public void ended(long jobId, long attemptId, AttemptStatus status) {
    try {
      Optional<Job> job = jobs.find(jobId);
      Optional<Attempt> attempt = jobs.findAttempt(attemptId);
      if (job.isEmpty() || attempt.isEmpty()) {
        return;
      }
      String type = wire(job.get().configType());
      String statusName = wire(status);
      Counter.builder("gale.attempts")
          .description("Attempts ended by this process, by job type and attempt status")
          .tag("config_type", type)
          .tag("status", statusName)
          .register(registry)
          .increment();
      Instant endedAt = Optional.ofNullable(attempt.get().endedAt()).orElse(attempt.get().updatedAt());
      Timer.builder("gale.sync.duration")
          .description("How long attempts took, from start to end, by job type and attempt status")
          .tag("config_type", type)
          .tag("status", statusName)
          .serviceLevelObjectives(SYNC_BUCKETS)
          .register(registry)
          .record(Duration.between(attempt.get().createdAt(), endedAt));
      SyncStats total = jobs.findStats(attemptId).map(AttemptStats::total).orElse(SyncStats.ZERO);
      Counter.builder("gale.records.committed")
          .description("Records the destination committed in attempts ended by this process, by job type")
          .tag("config_type", type)
          .register(registry)
          .increment(total.recordsCommitted());
      Counter.builder("gale.bytes.committed")
          .description("Bytes of the records the destination committed in attempts ended by this process, by job type")
          .tag("config_type", type)
          .register(registry)
          .increment(total.bytesCommitted());
    } catch (RuntimeException e) {
      LOG.warn("Cannot count attempt {} of job {} in the metrics: {}", attemptId, jobId, e.getMessage());
    }
  }

  /** An enum as the API spells it ({@code sync}, {@code succeeded}): the labels read like Airbyte's job lists. */
  static String wire(Enum<?> value) {
    return Json.convert(value, String.class);
  }
}
