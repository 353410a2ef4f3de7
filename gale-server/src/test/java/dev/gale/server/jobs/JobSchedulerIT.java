package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.metrics.JobMetrics;
import dev.gale.server.store.JobQuery;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobQueue.ScheduledRun;
import dev.gale.server.testing.ManualClock;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** The scheduler over a real store: what one tick queues, and how long it sleeps after. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class JobSchedulerIT {
  private static final Duration TICK = Duration.ofHours(1);

  @Parameter
  TestDatabase vendor;

  /** A database of the vendor's own for each test: the scheduler reads every connection in it. */
  TestDatabase db;
  TestingStore store;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Wakes wakes = new Wakes();

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  @Test
  void oneTickQueuesEveryDueConnectionAtOnceAndTellsTheEarliestDueTimeAhead() {
    ManualClock clock = ManualClock.at2025();
    JobScheduler scheduler = scheduler(clock);
    Connection due = store.newConnection("due");
    Connection alsoDue = store.newConnection("also due");
    Connection busy = store.newConnection("busy");
    Job running = ((JobQueue.Enqueued.Created) new JobQueue(db.database())
        .enqueue(busy.id(), JobConfigType.SYNC, null, Optional.empty())).job();
    Connection later = store.newConnection("later");
    Instant laterDue = clock.instant().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    schedule(later, "cron", cronAt(laterDue));
    Connection manual = store.newConnection("manual");
    schedule(manual, "manual", null);
    Connection inactive = store.newConnection("inactive");
    store.connections.updateStatus(inactive.id(), ConnectionStatus.INACTIVE);

    JobScheduler.Upcoming ahead = scheduler.tick();

    assertThat(ahead.due()).isEqualTo(laterDue);
    assertThat(ahead.runs()).extracting(ScheduledRun::connectionId).containsExactly(later.id());
    assertThat(jobsOf(due)).hasSize(1);
    assertThat(jobsOf(alsoDue)).hasSize(1);
    assertThat(jobsOf(busy)).as("its active job only").extracting(Job::id).containsExactly(running.id());
    assertThat(jobsOf(later)).isEmpty();
    assertThat(jobsOf(manual)).isEmpty();
    assertThat(jobsOf(inactive)).isEmpty();
    assertThat(registry.get("gale.scheduler.lag").timer().count()).isEqualTo(2);
    assertThat(wakes.count()).as("the local workers are woken once for the lot").isEqualTo(1);

    assertThat(scheduler.tick().due()).as("the due connections are busy now; the next due time is the same")
        .isEqualTo(laterDue);
    assertThat(jobsOf(due)).hasSize(1);
    assertThat(jobsOf(alsoDue)).hasSize(1);
    assertThat(scheduler.untilNextLook(ahead)).isEqualTo(Duration.ofSeconds(30).minusNanos(123_456_000).plusMillis(1));
    assertThat(scheduler.untilNextLook(JobScheduler.Upcoming.NONE)).isEqualTo(TICK);
    assertThat(scheduler.untilNextLook(new JobScheduler.Upcoming(clock.instant().plus(TICK.multipliedBy(2)),
        ahead.runs()))).isEqualTo(TICK);
    assertThat(scheduler.untilNextLook(new JobScheduler.Upcoming(clock.instant().minusSeconds(1), ahead.runs())))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void theRunsReadAheadAreQueuedWhenDueUnlessTheirConnectionChangedMeanwhile() {
    ManualClock clock = ManualClock.at2025();
    JobScheduler scheduler = scheduler(clock);
    Instant due = clock.instant().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    Connection unchanged = store.newConnection("unchanged");
    schedule(unchanged, "cron", cronAt(due));
    Connection switchedOff = store.newConnection("switched off");
    schedule(switchedOff, "cron", cronAt(due));
    JobScheduler.Upcoming upcoming = scheduler.tick();
    assertThat(upcoming.runs()).hasSize(2);

    scheduler.queueIfDue(upcoming);
    assertThat(jobsOf(unchanged)).as("not due yet").isEmpty();

    clock.advance(Duration.ofSeconds(40));
    store.connections.updateStatus(switchedOff.id(), ConnectionStatus.INACTIVE);
    scheduler.queueIfDue(upcoming);

    assertThat(jobsOf(unchanged)).hasSize(1);
    assertThat(jobsOf(switchedOff)).isEmpty();
    assertThat(registry.get("gale.scheduler.lag").timer().totalTime(TimeUnit.MICROSECONDS))
        .as("queued when the clock said, 10.123456 s after the due time").isEqualTo(10_123_456.0);
  }

  @Test
  void aRunningSchedulerWakesAtTheDueTimeRatherThanAtItsNextTick() {
    Clock clock = Clock.systemUTC();
    JobScheduler scheduler = scheduler(clock);
    Connection connection = store.newConnection("soon");
    schedule(connection, "cron", cronAt(clock.instant().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS)));

    scheduler.start();
    try {
      assertThat(jobsOf(connection)).as("not due at the first tick").isEmpty();
      List<Job> jobs = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> jobsOf(connection), list -> !list.isEmpty());
      assertThat(jobs).hasSize(1);
      // Measured just after the job's transaction committed, which the wait above may see first.
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(registry.get("gale.scheduler.lag").timer().count()).isEqualTo(1));
    } finally {
      scheduler.close();
    }
  }

  private JobScheduler scheduler(Clock clock) {
    db = new TestDatabase(vendor.kind());
    db.useClock(clock);
    store = new TestingStore(db.database());
    return new JobScheduler(store.connections, new JobQueue(db.database()), wakes, TICK, clock,
        new JobMetrics(registry, store.jobs));
  }

  private static String cronAt(Instant instant) {
    ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
    return "{\"cron\": {\"cronExpression\": \"%d %d %d %d %d ? %d\", \"cronTimeZone\": \"UTC\"}}".formatted(
        at.getSecond(), at.getMinute(), at.getHour(), at.getDayOfMonth(), at.getMonthValue(), at.getYear());
  }

  private void schedule(Connection connection, String type, String data) {
    db.database().jdbi().useHandle(handle -> handle.createUpdate("UPDATE connection SET schedule_type = :type, "
            + "schedule_data = :data WHERE id = :id")
        .bind("type", type)
        .bind("data", data)
        .bind("id", connection.id())
        .execute());
  }

  private List<Job> jobsOf(Connection connection) {
    return store.jobs.list(JobQuery.ofScope(connection.id().toString()), 10, 0);
  }

  /** The scheduler's view of this process's workers: only whether it woke them. */
  private static final class Wakes implements LocalJobs {
    private final AtomicInteger wakes = new AtomicInteger();

    @Override
    public void wake() {
      wakes.incrementAndGet();
    }

    @Override
    public Optional<CompletableFuture<Void>> cancel(long jobId) {
      return Optional.empty();
    }

    int count() {
      return wakes.get();
    }
  }
}
