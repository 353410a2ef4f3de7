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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues sync jobs for active connections whose schedule is due ({@link ScheduleDue}). Every Gale process may run
 * one: a job is queued only while the connection's newest job is still the one this scheduler saw, so two schedulers
 * never queue the same run twice.
 *
 * <p>Each tick reads every scheduled connection with its newest job in one query, and queues the due ones in a few
 * transactions ({@link JobQueue#enqueueScheduled}). It then sleeps until the next tick, or until the earliest due
 * time it saw if that comes first, when it queues the runs due then before it ticks again: a schedule is met on time
 * rather than up to a tick late. The tick still bounds how long a new or changed schedule, or a job another process
 * queued, goes unseen.
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
        Upcoming upcoming = tick();
        while (!stopped.await(untilNextLook(upcoming).toNanos(), TimeUnit.NANOSECONDS)) {
          queueIfDue(upcoming);
          upcoming = tick();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /**
   * The runs due next as a tick saw them, all due at {@code due}: queued as soon as they are due, without reading
   * every connection again first (which takes a while when there are thousands); the queue checks that each
   * connection and its newest job are still as seen.
   */
  record Upcoming(Instant due, List<ScheduledRun> runs) {
    static final Upcoming NONE = new Upcoming(Instant.MAX, List.of());
  }

  /**
   * Queues a sync for each active scheduled connection that is due now.
   *
   * @return the runs due soonest after now among the connections seen; {@link Upcoming#NONE} when there are none
   */
  Upcoming tick() {
    Instant now = clock.instant();
    try {
      Map<UUID, Instant> dueNow = new HashMap<>();
      List<ScheduledRun> runsNow = new ArrayList<>();
      Upcoming upcoming = Upcoming.NONE;
      for (ScheduledConnection connection : connections.listScheduled()) {
        Optional<Instant> next = next(connection);
        if (next.isEmpty()) {
          continue;
        }
        ScheduledRun run = new ScheduledRun(connection.id(), connection.updatedAt(), connection.newestJobId());
        if (!next.get().isAfter(now)) {
          dueNow.put(connection.id(), next.get());
          runsNow.add(run);
        } else if (next.get().isBefore(upcoming.due())) {
          upcoming = new Upcoming(next.get(), new ArrayList<>(List.of(run)));
        } else if (next.get().equals(upcoming.due())) {
          upcoming.runs().add(run);
        }
      }
      if (!runsNow.isEmpty()) {
        queued(queue.enqueueScheduled(runsNow), dueNow::get);
      }
      return upcoming;
    } catch (RuntimeException e) {
      LOG.warn("The scheduler could not look for due connections; it tries again at its next tick", e);
      return Upcoming.NONE;
    }
  }

  /** Queues the upcoming runs if they are due now. */
  void queueIfDue(Upcoming upcoming) {
    if (upcoming.runs().isEmpty() || clock.instant().isBefore(upcoming.due())) {
      return;
    }
    try {
      queued(queue.enqueueScheduled(upcoming.runs()), scope -> upcoming.due());
    } catch (RuntimeException e) {
      LOG.warn("The scheduler could not queue the syncs due at {}; its next tick tries again", upcoming.due(), e);
    }
  }

  /** How long to sleep after a tick: until the next one, or just past the upcoming runs' due time if sooner. */
  Duration untilNextLook(Upcoming upcoming) {
    if (upcoming.runs().isEmpty()) {
      return tick;
    }
    Duration sleep = Duration.between(clock.instant(), upcoming.due()).plus(PAST_DUE);
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

  private void queued(List<Job> created, Function<UUID, Instant> dueOf) {
    for (Job job : created) {
      Instant due = dueOf.apply(UUID.fromString(job.scope()));
      LOG.info("Scheduled sync job {} for connection {} (due at {})", job.id(), job.scope(), due);
      metrics.scheduled(due, job.createdAt());
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
