package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.Job;
import dev.gale.server.metrics.JobMetrics;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobQueue.ScheduledRun;
import dev.gale.server.store.ScheduledConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues sync jobs for active connections whose schedule is due ({@link ScheduleDue}). Every Gale process may run
 * one: a job is queued only while the connection's newest job is still the one this scheduler saw, so two schedulers
 * never queue the same run twice.
 *
 * <p>Each tick reads every scheduled connection with its newest job in one query, and queues the due ones in a few
 * transactions ({@link JobQueue#enqueueScheduled}). It then sleeps until the next tick, or until the earliest due
 * time it saw if that comes first: a schedule is met on time rather than up to a tick late. The tick still bounds how
 * long a new or changed schedule, or a job another process queued, goes unseen.
 */
final class JobScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
  /** Wakes this much after a due time, so that the clock has surely passed it when the scheduler looks. */
  private static final Duration PAST_DUE = Duration.ofMillis(1);

  private final ConnectionRepository connections;
  private final JobQueue queue;
  private final LocalJobs local;
  private final Duration tick;
  private final Clock clock;
  private final JobMetrics metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Thread thread;

  JobScheduler(ConnectionRepository connections, JobQueue queue, LocalJobs local, Duration tick, Clock clock,
               JobMetrics metrics) {
    this.connections = requireNonNull(connections, "connections is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.local = requireNonNull(local, "local is null");
    this.tick = requireNonNull(tick, "tick is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  void start() {
    thread = Thread.ofVirtual().name("gale-scheduler").start(() -> {
      try {
        Duration sleep;
        do {
          sleep = untilNextLook(tick());
        } while (!stopped.await(sleep.toNanos(), TimeUnit.NANOSECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /**
   * Queues a sync for each active scheduled connection that is due now.
   *
   * @return the earliest due time still ahead among the connections seen; empty when none is
   */
  Optional<Instant> tick() {
    Instant now = clock.instant();
    try {
      Map<UUID, Instant> due = new HashMap<>();
      List<ScheduledRun> runs = new ArrayList<>();
      Instant earliestAhead = null;
      for (ScheduledConnection connection : connections.listScheduled()) {
        Optional<Instant> next = next(connection);
        if (next.isEmpty()) {
          continue;
        }
        if (next.get().isAfter(now)) {
          earliestAhead = earliestAhead == null || next.get().isBefore(earliestAhead) ? next.get() : earliestAhead;
        } else {
          due.put(connection.id(), next.get());
          runs.add(new ScheduledRun(connection.id(), connection.newestJobId()));
        }
      }
      if (!runs.isEmpty()) {
        queued(queue.enqueueScheduled(runs), due);
      }
      return Optional.ofNullable(earliestAhead);
    } catch (RuntimeException e) {
      LOG.warn("The scheduler could not look for due connections; it tries again at its next tick", e);
      return Optional.empty();
    }
  }

  /** How long to sleep after a tick: until the next one, or just past the earliest due time if sooner. */
  Duration untilNextLook(Optional<Instant> earliestAhead) {
    Duration sleep = earliestAhead.map(due -> Duration.between(clock.instant(), due).plus(PAST_DUE)).orElse(tick);
    return sleep.isNegative() ? Duration.ZERO : sleep.compareTo(tick) < 0 ? sleep : tick;
  }

  // A connection whose schedule cannot be read (it was validated when written) is left out, not the whole tick.
  private static Optional<Instant> next(ScheduledConnection connection) {
    try {
      return ScheduleDue.next(connection.scheduleType(), connection.scheduleData(), connection.createdAt(),
          connection.newestJobCreatedAt());
    } catch (RuntimeException e) {
      LOG.warn("Cannot read the schedule of connection {}", connection.id(), e);
      return Optional.empty();
    }
  }

  private void queued(List<Job> created, Map<UUID, Instant> due) {
    for (Job job : created) {
      Instant dueAt = due.get(UUID.fromString(job.scope()));
      LOG.info("Scheduled sync job {} for connection {} (due at {})", job.id(), job.scope(), dueAt);
      metrics.scheduled(dueAt, job.createdAt());
    }
    if (!created.isEmpty()) {
      local.wake();
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
