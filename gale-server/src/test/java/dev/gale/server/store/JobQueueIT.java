package dev.gale.server.store;

import static dev.gale.server.testing.StoreSamples.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.store.JobQueue.AttemptEnd;
import dev.gale.server.store.JobQueue.Cancel;
import dev.gale.server.store.JobQueue.Claim;
import dev.gale.server.store.JobQueue.Enqueued;
import dev.gale.server.store.JobQueue.Lease;
import dev.gale.server.testing.ManualClock;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class JobQueueIT {
  private static final ManualClock CLOCK = ManualClock.at2025();
  private static final Duration LEASE = Duration.ofSeconds(30);

  @Parameter
  TestDatabase db;

  TestingStore store;
  JobQueue queue;

  @BeforeEach
  void setUp() {
    db.useClock(CLOCK);
    store = new TestingStore(db.database());
    queue = new JobQueue(db.database());
    // Jobs of earlier tests in this database must not be claimable here, not even when their short leases and
    // backoffs expire as a test moves the clock.
    CLOCK.advance(Duration.ofMinutes(1));
    while (queue.claim("cleaner", Duration.ofDays(3650)).isPresent()) {
      CLOCK.advance(Duration.ofMillis(1));
    }
  }

  @Test
  void aConnectionHasOneActiveJobAtATime() {
    Connection connection = store.newConnection("one at a time");

    Job first = created(queue.enqueue(connection.id(), JobConfigType.SYNC, null, Optional.empty()));
    Enqueued again = queue.enqueue(connection.id(), JobConfigType.RESET_CONNECTION, json("{}"), Optional.empty());

    assertThat(first.status()).isEqualTo(JobStatus.PENDING);
    assertThat(first.scope()).isEqualTo(connection.id().toString());
    assertThat(again).isEqualTo(new Enqueued.Busy(first));
    Claim claim = queue.claim("w1", LEASE).orElseThrow();
    Attempt attempt = store.jobs.createAttempt(claim.job().id(), null);
    assertThat(queue.end(first.id(), "w1", attempt.id(), succeeded())).isTrue();
    assertThat(queue.enqueue(connection.id(), JobConfigType.SYNC, null, Optional.empty())).isInstanceOf(Enqueued.Created.class);
  }

  @Test
  void aJobIsCreatedOnlyWhileTheNewestJobIsTheOneTheCallerSaw() {
    Connection connection = store.newConnection("latest seen");
    Enqueued firstEver = queue.enqueue(connection.id(), JobConfigType.SYNC, null, Optional.of(OptionalLong.empty()));
    Job first = created(firstEver);
    cancelAtOnce(first);

    assertThat(queue.enqueue(connection.id(), JobConfigType.SYNC, null, Optional.of(OptionalLong.empty())))
        .isInstanceOf(Enqueued.Superseded.class);
    assertThat(queue.enqueue(connection.id(), JobConfigType.SYNC, null, Optional.of(OptionalLong.of(first.id()))))
        .isInstanceOf(Enqueued.Created.class);
  }

  @Test
  void scheduledRunsAreQueuedOnlyForActiveUnchangedFreeConnectionsWhoseNewestJobIsStillTheOneSeen() {
    Connection neverRun = store.newConnection("never run");
    Connection ranSince = store.newConnection("ran since the scheduler looked");
    cancelAtOnce(created(queue.enqueue(ranSince.id(), JobConfigType.SYNC, null, Optional.empty())));
    Connection ranBefore = store.newConnection("ran before the scheduler looked");
    Job before = created(queue.enqueue(ranBefore.id(), JobConfigType.SYNC, null, Optional.empty()));
    cancelAtOnce(before);
    Connection busy = store.newConnection("busy");
    Job active = created(queue.enqueue(busy.id(), JobConfigType.SYNC, null, Optional.empty()));
    Connection switchedOff = store.newConnection("switched off since");
    CLOCK.advance(Duration.ofSeconds(1));
    store.connections.updateStatus(switchedOff.id(), ConnectionStatus.INACTIVE);
    Connection changed = store.newConnection("changed since");
    CLOCK.advance(Duration.ofSeconds(1));
    store.connections.updateStatus(changed.id(), ConnectionStatus.ACTIVE);

    List<Job> jobs = queue.enqueueScheduled(List.of(
        run(neverRun, OptionalLong.empty()),
        run(ranSince, OptionalLong.empty()),
        run(ranBefore, OptionalLong.of(before.id())),
        run(busy, OptionalLong.of(active.id())),
        run(switchedOff, OptionalLong.empty()),
        run(changed, OptionalLong.empty()),
        new JobQueue.ScheduledRun(UUID.randomUUID(), CLOCK.instant(), OptionalLong.empty())));

    assertThat(jobs).extracting(Job::scope)
        .containsExactlyInAnyOrder(neverRun.id().toString(), ranBefore.id().toString());
    assertThat(jobs).allSatisfy(job -> {
      assertThat(job.configType()).isEqualTo(JobConfigType.SYNC);
      assertThat(job.status()).isEqualTo(JobStatus.PENDING);
      assertThat(store.jobs.find(job.id())).contains(job);
    });
    assertThat(queue.enqueueScheduled(List.of(run(neverRun, OptionalLong.empty()))))
        .as("the connection has an active job now").isEmpty();
  }

  @Test
  void manyScheduledRunsAreQueuedOverSeveralTransactions() {
    Connection first = store.newConnection("first of many");
    List<JobQueue.ScheduledRun> runs = new ArrayList<>();
    runs.add(run(first, OptionalLong.empty()));
    for (int i = 1; i <= JobQueue.SCHEDULED_BATCH; i++) {
      Connection connection = StoreSamples.connection(first.sourceId(), first.destinationId(),
          "many " + i, List.of(), CLOCK.instant());
      store.connections.insert(connection);
      runs.add(run(connection, OptionalLong.empty()));
    }

    List<Job> jobs = queue.enqueueScheduled(runs);

    assertThat(jobs).extracting(Job::scope)
        .containsExactlyElementsOf(runs.stream().map(run -> run.connectionId().toString()).toList());
    assertThat(jobs).extracting(Job::id).doesNotHaveDuplicates();
    assertThat(jobs).allSatisfy(job -> assertThat(store.jobs.find(job.id())).contains(job));
  }

  @Test
  void claimsTakeTheOldestRunnableJobAndLeaseIt() {
    Job older = newJob("older");
    CLOCK.advance(Duration.ofSeconds(1));
    Job newer = newJob("newer");

    Claim first = queue.claim("w1", LEASE).orElseThrow();
    Claim second = queue.claim("w2", LEASE).orElseThrow();

    assertThat(first.job().id()).isEqualTo(older.id());
    assertThat(first.orphaned()).isFalse();
    assertThat(first.cancelRequested()).isFalse();
    assertThat(second.job().id()).isEqualTo(newer.id());
    assertThat(queue.claim("w3", LEASE)).isEmpty();
    assertThat(queue.holds(older.id(), "w1")).isTrue();
    assertThat(queue.holds(older.id(), "w2")).isFalse();
  }

  @Test
  void aClaimSkipsJobsThatAnotherTransactionHasLocked() {
    Job locked = newJob("locked");
    CLOCK.advance(Duration.ofSeconds(1));
    Job free = newJob("free");

    try (Handle other = db.database().jdbi().open()) {
      other.begin();
      other.createQuery("SELECT id FROM jobs WHERE id = :id FOR UPDATE").bind("id", locked.id()).mapTo(Long.class).one();

      assertThat(queue.claim("w1", LEASE)).map(claim -> claim.job().id()).contains(free.id());
      assertThat(queue.claim("w1", LEASE)).as("the locked job is skipped, not waited for").isEmpty();
      other.rollback();
    }
    assertThat(queue.claim("w2", LEASE)).map(claim -> claim.job().id()).contains(locked.id());
  }

  @Test
  void concurrentClaimersNeverTakeTheSameJob() throws Exception {
    List<Long> jobs = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      jobs.add(newJob("concurrent " + i).id());
    }
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Callable<List<Long>>> claimers = new ArrayList<>();
      for (int w = 0; w < 6; w++) {
        String owner = "worker-" + w;
        claimers.add(() -> {
          List<Long> mine = new ArrayList<>();
          for (Optional<Claim> claim = queue.claim(owner, LEASE); claim.isPresent(); claim = queue.claim(owner, LEASE)) {
            mine.add(claim.get().job().id());
          }
          return mine;
        });
      }
      List<Long> claimed = new ArrayList<>();
      for (Future<List<Long>> mine : threads.invokeAll(claimers)) {
        claimed.addAll(mine.get());
      }
      assertThat(claimed).containsExactlyInAnyOrderElementsOf(jobs);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anExpiredLeaseIsReclaimedAndItsFormerOwnerCanWriteNothing() {
    Job job = newJob("orphan");
    queue.claim("dead", LEASE).orElseThrow();
    Attempt attempt = store.jobs.createAttempt(job.id(), null);
    assertThat(queue.heartbeat(job.id(), "dead", LEASE)).isEqualTo(Lease.HELD);

    CLOCK.advance(LEASE.minusSeconds(1));
    assertThat(queue.claim("alive", LEASE)).as("the lease was renewed").isEmpty();
    CLOCK.advance(Duration.ofSeconds(2));
    Claim reclaimed = queue.claim("alive", LEASE).orElseThrow();

    assertThat(reclaimed.job().id()).isEqualTo(job.id());
    assertThat(reclaimed.orphaned()).isTrue();
    assertThat(queue.heartbeat(job.id(), "dead", LEASE)).isEqualTo(Lease.LOST);
    assertThat(queue.end(job.id(), "dead", attempt.id(), succeeded())).isFalse();
    assertThat(store.jobs.findAttempt(attempt.id()).orElseThrow().status()).isEqualTo(AttemptStatus.RUNNING);
    assertThat(queue.heartbeat(job.id(), "alive", LEASE)).isEqualTo(Lease.HELD);
  }

  @Test
  void aReleasedClaimIsFreeForAnotherWorkerAtOnceAndOnlyItsOwnerReleasesIt() {
    Job job = newJob("released");
    queue.claim("stopping", LEASE).orElseThrow();

    assertThat(queue.release(job.id(), "someone else")).isFalse();
    assertThat(queue.claim("other", LEASE)).as("still leased").isEmpty();
    assertThat(queue.release(job.id(), "stopping")).isTrue();

    Claim next = queue.claim("other", LEASE).orElseThrow();
    assertThat(next.job().id()).isEqualTo(job.id());
    assertThat(next.orphaned()).isFalse();
    assertThat(store.jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
  }

  @Test
  void aFailedAttemptsRetryWaitsForItsBackoff() {
    Job job = newJob("backoff");
    queue.claim("w1", LEASE).orElseThrow();
    Attempt attempt = store.jobs.createAttempt(job.id(), null);

    assertThat(queue.end(job.id(), "w1", attempt.id(), new AttemptEnd(AttemptStatus.FAILED, null,
        json("{\"failures\":[]}"), JobStatus.INCOMPLETE, CLOCK.instant().plusSeconds(10)))).isTrue();

    assertThat(store.jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.INCOMPLETE);
    assertThat(store.jobs.findAttempt(attempt.id()).orElseThrow().failureSummary()).isEqualTo(json("{\"failures\":[]}"));
    assertThat(queue.claim("w2", LEASE)).isEmpty();
    CLOCK.advance(Duration.ofSeconds(10));
    assertThat(queue.claim("w2", LEASE)).map(claim -> claim.job().id()).contains(job.id());
  }

  @Test
  void cancellingAJobNoWorkerHoldsEndsItAtOnce() {
    Job job = newJob("pending cancel");

    assertThat(queue.requestCancel(job.id(), json("{\"failures\":[]}"))).isEqualTo(Cancel.CANCELLED);
    assertThat(store.jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(queue.claim("w1", LEASE)).isEmpty();
    assertThat(queue.requestCancel(job.id(), null)).isEqualTo(Cancel.ALREADY_ENDED);
    assertThat(queue.requestCancel(Long.MAX_VALUE, null)).isEqualTo(Cancel.NOT_FOUND);
  }

  @Test
  void cancellingAHeldJobAsksItsWorkerAtTheNextHeartbeat() {
    Job job = newJob("running cancel");
    queue.claim("w1", LEASE).orElseThrow();
    Attempt attempt = store.jobs.createAttempt(job.id(), null);

    assertThat(queue.requestCancel(job.id(), null)).isEqualTo(Cancel.REQUESTED);
    assertThat(store.jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(queue.heartbeat(job.id(), "w1", LEASE)).isEqualTo(Lease.CANCEL_REQUESTED);
    assertThat(queue.end(job.id(), "w1", attempt.id(), new AttemptEnd(AttemptStatus.FAILED, null, null,
        JobStatus.CANCELLED, null))).isTrue();
    assertThat(queue.heartbeat(job.id(), "w1", LEASE)).isEqualTo(Lease.LOST);
  }

  @Test
  void aDeletedConnectionStopsItsJobAtTheNextHeartbeat() {
    Connection connection = store.newConnection("deleted while running");
    Job job = created(queue.enqueue(connection.id(), JobConfigType.SYNC, null, Optional.empty()));
    queue.claim("w1", LEASE).orElseThrow();
    assertThat(queue.heartbeat(job.id(), "w1", LEASE)).isEqualTo(Lease.HELD);

    store.connections.updateStatus(connection.id(), ConnectionStatus.DEPRECATED);

    assertThat(queue.heartbeat(job.id(), "w1", LEASE)).isEqualTo(Lease.CONNECTION_DELETED);
    assertThat(queue.requestCancel(job.id(), null)).isEqualTo(Cancel.REQUESTED);
    assertThat(queue.heartbeat(job.id(), "w1", LEASE)).as("an explicit cancel says so").isEqualTo(Lease.CANCEL_REQUESTED);
  }

  @Test
  void aJobWhoseConnectionWasDeletedWhileItWaitedIsClaimedToBeCancelled() {
    Connection connection = store.newConnection("deleted while pending");
    Job job = created(queue.enqueue(connection.id(), JobConfigType.SYNC, null, Optional.empty()));
    store.connections.updateStatus(connection.id(), ConnectionStatus.DEPRECATED);

    Claim claim = queue.claim("w1", LEASE).orElseThrow();
    assertThat(claim.job().id()).isEqualTo(job.id());
    assertThat(claim.cancelRequested()).isTrue();
  }

  @Test
  void cancellingAJobWhoseWorkerDiedFailsItsRunningAttempt() {
    Job job = newJob("dead worker cancel");
    queue.claim("dead", LEASE).orElseThrow();
    Attempt attempt = store.jobs.createAttempt(job.id(), null);
    CLOCK.advance(LEASE.plusSeconds(1));

    assertThat(queue.requestCancel(job.id(), json("{\"failures\":[{\"failureType\":\"manual_cancellation\"}]}")))
        .isEqualTo(Cancel.CANCELLED);
    Attempt ended = store.jobs.findAttempt(attempt.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(AttemptStatus.FAILED);
    assertThat(ended.endedAt()).isNotNull();
    assertThat(ended.failureSummary().at("/failures/0/failureType").asText()).isEqualTo("manual_cancellation");
  }

  @Test
  void theObserverIsToldOfEachAttemptTheQueueEndsOnceAndOfNoOther() {
    List<String> told = new ArrayList<>();
    JobQueue observed = new JobQueue(db.database(), (jobId, attemptId, status) -> told.add(jobId + "/" + attemptId + " " + status));
    Job ran = newJob("observed run");
    observed.claim("w1", LEASE).orElseThrow();
    Attempt attempt = store.jobs.createAttempt(ran.id(), null);

    assertThat(observed.end(ran.id(), "w2", attempt.id(), succeeded())).as("not w2's to end").isFalse();
    assertThat(told).isEmpty();
    assertThat(observed.end(ran.id(), "w1", attempt.id(), succeeded())).isTrue();
    assertThat(observed.end(ran.id(), "w1", attempt.id(), succeeded())).as("ended already").isFalse();
    Job abandoned = newJob("observed cancel");
    observed.claim("dead", LEASE).orElseThrow();
    Attempt left = store.jobs.createAttempt(abandoned.id(), null);
    CLOCK.advance(LEASE.plusSeconds(1));
    assertThat(observed.requestCancel(abandoned.id(), json("{\"failures\":[]}"))).isEqualTo(Cancel.CANCELLED);
    Job cancelledBeforeAnAttempt = newJob("observed cancel before an attempt");
    observed.claim("w1", LEASE).orElseThrow();
    assertThat(observed.end(cancelledBeforeAnAttempt.id(), "w1", null,
        new AttemptEnd(AttemptStatus.FAILED, null, null, JobStatus.CANCELLED, null))).isTrue();

    assertThat(told).containsExactly(ran.id() + "/" + attempt.id() + " SUCCEEDED",
        abandoned.id() + "/" + left.id() + " FAILED");
  }

  @Test
  void theCensusCountsJobsByStatusAndTypeTheWaitingOnesAndTheProcessesHoldingLeases() {
    JobCensus census = new JobCensus(db.database());
    JobCensus.Count before = census.take();
    Job succeeded = newJob("census succeeded");
    newJob("census waiting sync");
    created(queue.enqueue(store.newConnection("census waiting reset").id(), JobConfigType.RESET_CONNECTION, null,
        Optional.empty()));
    // Two workers of one process, and one of another: two live processes.
    queue.claim("host-a@1/p1/worker-0", LEASE).orElseThrow();
    Attempt attempt = store.jobs.createAttempt(succeeded.id(), null);
    queue.end(succeeded.id(), "host-a@1/p1/worker-0", attempt.id(),
        new AttemptEnd(AttemptStatus.SUCCEEDED, null, null, JobStatus.SUCCEEDED, null));
    queue.claim("host-a@1/p1/worker-0", LEASE).orElseThrow();
    store.jobs.createAttempt(queue.claim("host-a@1/p1/worker-1", LEASE).orElseThrow().job().id(), null);
    newJob("census third process");
    queue.claim("host-b@2/p2/worker-0", LEASE).orElseThrow();

    JobCensus.Count after = census.take();

    assertThat(after.jobs(JobStatus.SUCCEEDED, JobConfigType.SYNC) - before.jobs(JobStatus.SUCCEEDED, JobConfigType.SYNC))
        .isEqualTo(1);
    assertThat(after.jobs(JobStatus.RUNNING, JobConfigType.RESET_CONNECTION)
        - before.jobs(JobStatus.RUNNING, JobConfigType.RESET_CONNECTION)).as("an attempt started").isEqualTo(1);
    assertThat(after.jobs(JobStatus.PENDING, JobConfigType.SYNC) - before.jobs(JobStatus.PENDING, JobConfigType.SYNC))
        .as("claimed, no attempt yet").isEqualTo(2);
    assertThat(after.waiting() - before.waiting()).as("every pending job is held by a lease").isZero();
    assertThat(after.busyWorkerProcesses() - before.busyWorkerProcesses()).isEqualTo(2);

    CLOCK.advance(LEASE.plusSeconds(1));
    JobCensus.Count expired = census.take();
    assertThat(expired.busyWorkerProcesses()).as("the leases of this test expired")
        .isEqualTo(before.busyWorkerProcesses());
    assertThat(expired.waiting() - before.waiting()).as("the pending jobs whose leases expired wait again")
        .isEqualTo(2);
  }

  /** A run as the scheduler sees it when it reads {@code connection} as it was created. */
  private static JobQueue.ScheduledRun run(Connection connection, OptionalLong newestSeen) {
    return new JobQueue.ScheduledRun(connection.id(), connection.updatedAt(), newestSeen);
  }

  private Job newJob(String name) {
    return created(queue.enqueue(store.newConnection(name).id(), JobConfigType.SYNC, null, Optional.empty()));
  }

  private void cancelAtOnce(Job job) {
    assertThat(queue.requestCancel(job.id(), null)).isEqualTo(Cancel.CANCELLED);
  }

  private static Job created(Enqueued enqueued) {
    assertThat(enqueued).isInstanceOf(Enqueued.Created.class);
    return ((Enqueued.Created) enqueued).job();
  }

  private static AttemptEnd succeeded() {
    return new AttemptEnd(AttemptStatus.SUCCEEDED, json("{\"sync\":{}}"), null, JobStatus.SUCCEEDED, null);
  }
}
