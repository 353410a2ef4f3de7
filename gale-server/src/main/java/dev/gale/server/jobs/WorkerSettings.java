package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.engine.EngineOptions;
import java.time.Duration;
import java.util.Map;

/**
 * How a Gale process runs jobs.
 *
 * @param workers how many jobs this process runs at the same time (each on a virtual thread); 0 runs none here
 * @param pollInterval how often an idle worker looks for work that another process queued (work queued in this
 *     process wakes it at once)
 * @param heartbeatInterval how often a running job's lease is renewed; also how soon a cancel sent to another
 *     process is seen
 * @param lease how long a job stays a worker's without a heartbeat; after that another worker takes it over
 * @param schedulerTick how often the scheduler looks for connections whose schedule is due
 * @param cancelWait how long {@code jobs/cancel} waits for a job this process runs to end before answering
 * @param retention how long job history is kept ({@link Housekeeping})
 * @param shutdownGrace how long a stopping process lets its running syncs take to reach a committed state before
 *     it cancels them ({@code GALE_SHUTDOWN_GRACE}, in seconds; see {@link WorkerPool#close})
 */
public record WorkerSettings(int workers, Duration pollInterval, Duration heartbeatInterval, Duration lease,
                             Duration schedulerTick, Duration cancelWait, RetryPolicy retryPolicy,
                             EngineOptions engine, Retention retention, Duration shutdownGrace) {
  public static final String SHUTDOWN_GRACE_VARIABLE = "GALE_SHUTDOWN_GRACE";
  /** The longest grace accepted: an hour, beyond any orchestrator's wait for a stopping process. */
  private static final long MAX_GRACE_SECONDS = 3600;

  public WorkerSettings {
    if (workers < 0) {
      throw new IllegalArgumentException("workers must not be negative");
    }
    requireNonNull(pollInterval, "pollInterval is null");
    requireNonNull(heartbeatInterval, "heartbeatInterval is null");
    requireNonNull(lease, "lease is null");
    requireNonNull(schedulerTick, "schedulerTick is null");
    requireNonNull(cancelWait, "cancelWait is null");
    requireNonNull(retryPolicy, "retryPolicy is null");
    requireNonNull(engine, "engine is null");
    requireNonNull(retention, "retention is null");
    requireNonNull(shutdownGrace, "shutdownGrace is null");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("the shutdown grace must not be negative");
    }
    if (lease.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
      throw new IllegalArgumentException("the lease must last at least three heartbeats, or a slow one loses the job");
    }
  }

  /** With the default {@link Retention} and a 30 s shutdown grace. */
  public WorkerSettings(int workers, Duration pollInterval, Duration heartbeatInterval, Duration lease,
                        Duration schedulerTick, Duration cancelWait, RetryPolicy retryPolicy, EngineOptions engine) {
    this(workers, pollInterval, heartbeatInterval, lease, schedulerTick, cancelWait, retryPolicy, engine,
        Retention.defaults(), Duration.ofSeconds(30));
  }

  /**
   * Four workers, a heartbeat a second, a one-minute lease, Airbyte's retry policy, 30 days of history, 30 s for
   * running syncs to reach a committed state at shutdown (what Kubernetes waits by default between SIGTERM and
   * SIGKILL).
   */
  public static WorkerSettings defaults() {
    return new WorkerSettings(4, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1),
        Duration.ofSeconds(10), Duration.ofSeconds(5), RetryPolicy.airbyteDefaults(), EngineOptions.defaults());
  }

  /** The defaults with {@code GALE_WORKERS}, {@code GALE_RETENTION_DAYS} and {@code GALE_SHUTDOWN_GRACE} applied. */
  public static WorkerSettings fromEnvironment(Map<String, String> env) {
    WorkerSettings settings = defaults().withRetention(Retention.fromEnvironment(env));
    String workers = env.get("GALE_WORKERS");
    if (workers != null && !workers.isBlank()) {
      try {
        settings = settings.withWorkers(Integer.parseInt(workers.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("GALE_WORKERS must be a whole number, not '" + workers + "'");
      }
    }
    String grace = env.get(SHUTDOWN_GRACE_VARIABLE);
    if (grace != null && !grace.isBlank()) {
      settings = settings.withShutdownGrace(Duration.ofSeconds(graceSeconds(grace)));
    }
    return settings;
  }

  private static long graceSeconds(String grace) {
    try {
      long seconds = Long.parseLong(grace.strip());
      if (seconds >= 0 && seconds <= MAX_GRACE_SECONDS) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // Answered below, with the same message as a number out of range.
    }
    throw new IllegalArgumentException(SHUTDOWN_GRACE_VARIABLE + " must be a whole number of seconds from 0 to "
        + MAX_GRACE_SECONDS + ", not '" + grace + "'");
  }

  public WorkerSettings withWorkers(int count) {
    return new WorkerSettings(count, pollInterval, heartbeatInterval, lease, schedulerTick, cancelWait, retryPolicy, engine,
        retention, shutdownGrace);
  }

  public WorkerSettings withRetryPolicy(RetryPolicy policy) {
    return new WorkerSettings(workers, pollInterval, heartbeatInterval, lease, schedulerTick, cancelWait, policy, engine,
        retention, shutdownGrace);
  }

  public WorkerSettings withSchedulerTick(Duration tick) {
    return new WorkerSettings(workers, pollInterval, heartbeatInterval, lease, tick, cancelWait, retryPolicy, engine,
        retention, shutdownGrace);
  }

  public WorkerSettings withPolling(Duration poll, Duration heartbeat, Duration leaseDuration) {
    return new WorkerSettings(workers, poll, heartbeat, leaseDuration, schedulerTick, cancelWait, retryPolicy, engine,
        retention, shutdownGrace);
  }

  public WorkerSettings withEngine(EngineOptions options) {
    return new WorkerSettings(workers, pollInterval, heartbeatInterval, lease, schedulerTick, cancelWait, retryPolicy, options,
        retention, shutdownGrace);
  }

  public WorkerSettings withRetention(Retention history) {
    return new WorkerSettings(workers, pollInterval, heartbeatInterval, lease, schedulerTick, cancelWait, retryPolicy, engine,
        history, shutdownGrace);
  }

  public WorkerSettings withShutdownGrace(Duration grace) {
    return new WorkerSettings(workers, pollInterval, heartbeatInterval, lease, schedulerTick, cancelWait, retryPolicy, engine,
        retention, grace);
  }
}
