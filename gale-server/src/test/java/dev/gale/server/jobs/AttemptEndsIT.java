package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.FailureType;
import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobQueue.Enqueued;
import dev.gale.server.testing.ManualClock;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** How attempts end when their process shuts down, beside real failures, in each store. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class AttemptEndsIT {
  private static final Duration LEASE = Duration.ofMinutes(1);

  @Parameter
  TestDatabase vendor;

  @TempDir
  Path logs;

  /** A database of its own, so that the only claimable job is the test's. */
  TestDatabase db;
  final ManualClock clock = ManualClock.at2025();
  TestingStore store;
  JobQueue queue;
  AttemptEnds ends;

  @BeforeEach
  void setUp() {
    db = new TestDatabase(vendor.kind());
    db.useClock(clock);
    store = new TestingStore(db.database());
    queue = new JobQueue(db.database());
    // Two failures in a row that commit nothing fail the job.
    ends = new AttemptEnds(store.jobs, queue, RetryPolicy.airbyteDefaults().withCompleteFailureLimits(2, 10), clock);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  @Test
  void shutdownsHandTheJobOnAtOnceAndAreNoneOfItsFailures() {
    Job job = ((Enqueued.Created) queue.enqueue(store.newConnection("shutdowns").id(), JobConfigType.SYNC, null,
        Optional.empty())).job();
    for (int i = 0; i < 3; i++) {
      String owner = "stopping-" + i;
      assertThat(queue.claim(owner, LEASE)).as("claimable at once, without lease or backoff").isPresent();
      Attempt attempt = store.jobs.createAttempt(job.id(), null);
      try (AttemptLog log = AttemptLog.open(logs.resolve(owner + ".log"), SecretMasker.NONE, clock)) {
        ends.shutDown(job, attempt, owner, false, log);
      }
      assertThat(store.jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.INCOMPLETE);
    }

    // Were the three shutdowns failures, this would be the fourth in a row that committed nothing: past the limit.
    failCompletely(job, "failing-1");
    assertThat(store.jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.INCOMPLETE);
    clock.advance(Duration.ofMinutes(1));
    failCompletely(job, "failing-2");
    assertThat(store.jobs.find(job.id()).orElseThrow().status()).as("two real failures in a row reach the limit")
        .isEqualTo(JobStatus.FAILED);
  }

  private void failCompletely(Job job, String owner) {
    assertThat(queue.claim(owner, LEASE)).isPresent();
    Attempt attempt = store.jobs.createAttempt(job.id(), null);
    List<Attempt> attempts = store.jobs.listAttempts(List.of(job.id()));
    try (AttemptLog log = AttemptLog.open(logs.resolve(owner + ".log"), SecretMasker.NONE, clock)) {
      ends.failed(job, attempt, attempts, owner, FailureSummaries.platform(FailureType.SYSTEM_ERROR,
          "Something went wrong", null, true, false, SecretMasker.NONE, clock.instant()), log);
    }
  }
}
