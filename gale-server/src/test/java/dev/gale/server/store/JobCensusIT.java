package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.store.JobQueue.AttemptEnd;
import dev.gale.server.store.JobQueue.Enqueued;
import dev.gale.server.testing.ManualClock;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** The counts behind the store-wide gauges, on each vendor. Counts are compared before and after: the database is shared. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class JobCensusIT {
  private static final ManualClock CLOCK = ManualClock.at2025();
  private static final Duration LEASE = Duration.ofSeconds(30);

  @Parameter
  TestDatabase db;

  TestingStore store;
  JobQueue queue;
  JobCensus census;

  @BeforeEach
  void setUp() {
    db.useClock(CLOCK);
    store = new TestingStore(db.database());
    queue = new JobQueue(db.database());
    census = new JobCensus(db.database());
    // Earlier tests' jobs are taken for good, so that this test's claims take its own jobs.
    CLOCK.advance(Duration.ofMinutes(1));
    while (queue.claim("census-cleaner", Duration.ofDays(3650)).isPresent()) {
      CLOCK.advance(Duration.ofMillis(1));
    }
  }

  @Test
  void countsJobsByStatusAndTypeTheWaitingOnesAndTheProcessesHoldingLeases() {
    JobCensus.Count before = census.take();
    Job succeeded = newJob("census succeeded", JobConfigType.SYNC);
    newJob("census waiting sync", JobConfigType.SYNC);
    newJob("census waiting reset", JobConfigType.RESET_CONNECTION);
    // Two workers of one process, and one of another: two live processes.
    queue.claim("host-a@1/p1/worker-0", LEASE).orElseThrow();
    Attempt attempt = store.jobs.createAttempt(succeeded.id(), null);
    queue.end(succeeded.id(), "host-a@1/p1/worker-0", attempt.id(),
        new AttemptEnd(AttemptStatus.SUCCEEDED, null, null, JobStatus.SUCCEEDED, null));
    queue.claim("host-a@1/p1/worker-0", LEASE).orElseThrow();
    store.jobs.createAttempt(queue.claim("host-a@1/p1/worker-1", LEASE).orElseThrow().job().id(), null);
    newJob("census third process", JobConfigType.SYNC);
    queue.claim("host-b@2/p2/worker-0", LEASE).orElseThrow();

    JobCensus.Count after = census.take();

    assertThat(delta(before, after, JobStatus.SUCCEEDED, JobConfigType.SYNC)).isEqualTo(1);
    assertThat(delta(before, after, JobStatus.RUNNING, JobConfigType.RESET_CONNECTION)).as("an attempt started").isEqualTo(1);
    assertThat(delta(before, after, JobStatus.PENDING, JobConfigType.SYNC)).as("claimed, no attempt yet").isEqualTo(2);
    assertThat(after.waiting() - before.waiting()).as("every pending job is held by a lease").isZero();
    assertThat(after.liveWorkerProcesses() - before.liveWorkerProcesses()).isEqualTo(2);

    CLOCK.advance(LEASE.plusSeconds(1));
    JobCensus.Count expired = census.take();
    assertThat(expired.liveWorkerProcesses()).as("the leases of this test expired")
        .isEqualTo(before.liveWorkerProcesses());
    assertThat(expired.waiting() - before.waiting()).as("the pending jobs whose leases expired wait again")
        .isEqualTo(2);
  }

  private Job newJob(String name, JobConfigType type) {
    Enqueued enqueued = queue.enqueue(store.newConnection(name).id(), type, null, Optional.empty());
    assertThat(enqueued).isInstanceOf(Enqueued.Created.class);
    return ((Enqueued.Created) enqueued).job();
  }

  private static long delta(JobCensus.Count before, JobCensus.Count after, JobStatus status, JobConfigType type) {
    return after.jobs(status, type) - before.jobs(status, type);
  }
}
