package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.metrics.JobMetrics;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobQueue.Enqueued;
import dev.gale.server.store.JobRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues sync jobs for active connections whose schedule is due ({@link ScheduleDue}), once per tick. Every Gale
 * process may run one: a job is queued only while the connection's newest job is still the one this scheduler saw,
 * so two schedulers never queue the same run twice.
 */
final class JobScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

  private final ConnectionRepository connections;
  private final JobRepository jobs;
  private final JobQueue queue;
  private final LocalJobs local;
  private final Duration tick;
  private final Clock clock;
  private final JobMetrics metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Thread thread;

  JobScheduler(ConnectionRepository connections, JobRepository jobs, JobQueue queue, LocalJobs local, Duration tick, Clock clock,
               JobMetrics metrics) {
    this.connections = requireNonNull(connections, "connections is null");
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.local = requireNonNull(local, "local is null");
    this.tick = requireNonNull(tick, "tick is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  void start() {
    thread = Thread.ofVirtual().name("gale-scheduler").start(() -> {
      try {
        do {
          tick();
        } while (!stopped.await(tick.toNanos(), TimeUnit.NANOSECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /** Queues a sync for each active scheduled connection that is due now. */
  void tick() {
    Instant now = clock.instant();
    try {
      for (Connection connection : connections.listByStatus(ConnectionStatus.ACTIVE)) {
        if (connection.scheduleType() != ScheduleType.MANUAL) {
          scheduleIfDue(connection, now);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("The scheduler could not look for due connections; it tries again at its next tick", e);
    }
  }

  private void scheduleIfDue(Connection connection, Instant now) {
    try {
      Optional<Job> latest = jobs.findLatest(connection.id().toString(), JobConfigType.REPLICATION);
      Optional<Instant> due = ScheduleDue.next(connection.scheduleType(), connection.scheduleData(),
          connection.createdAt(), latest.map(Job::createdAt));
      if (due.isEmpty() || due.get().isAfter(now)) {
        return;
      }
      OptionalLong seen = latest.map(job -> OptionalLong.of(job.id())).orElse(OptionalLong.empty());
      if (queue.enqueue(connection.id(), JobConfigType.SYNC, null, Optional.of(seen)) instanceof Enqueued.Created created) {
        LOG.info("Scheduled sync job {} for connection {} (due at {})", created.job().id(), connection.id(), due.get());
        metrics.scheduled(due.get(), created.job().createdAt());
        local.wake();
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot schedule connection {}", connection.id(), e);
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
