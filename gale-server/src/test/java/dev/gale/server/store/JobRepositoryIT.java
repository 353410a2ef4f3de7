package dev.gale.server.store;

import static dev.gale.server.testing.StoreSamples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamStats;
import dev.gale.server.domain.SyncStats;
import dev.gale.server.store.JobQuery.TimeRange;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class JobRepositoryIT {
  @Parameter
  TestDatabase db;

  JobRepository jobs;
  String scope;

  @BeforeEach
  void setUp() {
    jobs = new JobRepository(db.database());
    scope = UUID.randomUUID().toString();
  }

  @Test
  void createdJobIsPendingAndReadsBack() {
    Job job = jobs.create(JobConfigType.SYNC, scope, json("{\"sync\":{\"namespaceDefinition\":\"source\"}}"));

    assertThat(job.id()).isPositive();
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.startedAt()).isNull();
    assertThat(job.createdAt()).isEqualTo(job.updatedAt());
    assertThat(jobs.find(job.id())).contains(job);
    assertThat(jobs.find(job.id() + 1_000_000)).isEmpty();
    Job withoutConfig = jobs.create(JobConfigType.GET_SPEC, scope, null);
    assertThat(jobs.find(withoutConfig.id())).contains(withoutConfig);
    assertThat(withoutConfig.id()).isGreaterThan(job.id());
  }

  @Test
  void listIsNewestFirstPagedAndCounted() {
    List<Job> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(jobs.create(JobConfigType.SYNC, scope, json("{\"n\":" + i + "}")));
    }
    List<Job> newestFirst = created.reversed();
    JobQuery query = JobQuery.ofScope(scope);

    assertThat(jobs.list(query, 3, 0)).containsExactlyElementsOf(newestFirst.subList(0, 3));
    assertThat(jobs.list(query, 3, 3)).containsExactlyElementsOf(newestFirst.subList(3, 6));
    assertThat(jobs.list(query, 3, 6)).containsExactlyElementsOf(newestFirst.subList(6, 7));
    assertThat(jobs.list(query, 3, 9)).isEmpty();
    assertThat(jobs.list(query, 0, 0)).isEmpty();
    assertThat(jobs.count(query)).isEqualTo(7);
    assertThatThrownBy(() -> jobs.list(query, -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listFiltersByConfigTypesScopesAndStatusesTogether() {
    String otherScope = UUID.randomUUID().toString();
    Job sync = jobs.create(JobConfigType.SYNC, scope, null);
    Job reset = jobs.create(JobConfigType.RESET_CONNECTION, scope, null);
    Job check = jobs.create(JobConfigType.CHECK_CONNECTION_SOURCE, scope, null);
    Job otherSync = jobs.create(JobConfigType.SYNC, otherScope, null);
    jobs.updateStatus(sync.id(), JobStatus.SUCCEEDED);
    jobs.updateStatus(otherSync.id(), JobStatus.FAILED);
    JobQuery bothScopes = JobQuery.ALL.withScopes(Set.of(scope, otherScope));

    assertThat(ids(bothScopes)).containsExactly(otherSync.id(), check.id(), reset.id(), sync.id());
    assertThat(ids(bothScopes.withConfigTypes(JobConfigType.REPLICATION)))
        .containsExactly(otherSync.id(), reset.id(), sync.id());
    assertThat(ids(bothScopes.withStatuses(Set.of(JobStatus.SUCCEEDED, JobStatus.FAILED))))
        .containsExactly(otherSync.id(), sync.id());
    assertThat(ids(JobQuery.ofScope(scope).withConfigTypes(Set.of(JobConfigType.SYNC))
        .withStatuses(Set.of(JobStatus.SUCCEEDED)))).containsExactly(sync.id());
    assertThat(jobs.count(bothScopes.withStatuses(Set.of(JobStatus.PENDING)))).isEqualTo(2);
    assertThat(jobs.count(JobQuery.ofScope(UUID.randomUUID().toString()))).isZero();
    assertThat(jobs.count(JobQuery.ALL)).isGreaterThanOrEqualTo(4);
  }

  @Test
  void listFiltersByCreationAndUpdateTimesAndOrdersByEitherBothWays() {
    Job first = jobs.create(JobConfigType.SYNC, scope, null);
    Job second = jobs.create(JobConfigType.SYNC, scope, null);
    Job third = jobs.create(JobConfigType.CLEAR, scope, null);
    jobs.updateStatus(first.id(), JobStatus.CANCELLED);
    Job firstUpdated = jobs.find(first.id()).orElseThrow();
    JobQuery query = JobQuery.ofScope(scope);
    JobOrder updatedFirst = new JobOrder(JobOrder.Field.UPDATED_AT, true);

    assertThat(ids(query.createdIn(new TimeRange(second.createdAt(), null)))).containsExactly(third.id(), second.id());
    assertThat(ids(query.createdIn(new TimeRange(null, second.createdAt())))).containsExactly(second.id(), first.id());
    assertThat(ids(query.createdIn(new TimeRange(second.createdAt(), second.createdAt())))).as("both ends included")
        .containsExactly(second.id());
    assertThat(ids(query.updatedIn(new TimeRange(firstUpdated.updatedAt(), null)))).containsExactly(first.id());
    assertThat(ids(query.updatedIn(new TimeRange(null, third.updatedAt())).createdIn(new TimeRange(second.createdAt(), null))))
        .containsExactly(third.id(), second.id());

    assertThat(jobs.list(query, updatedFirst, 10, 0)).extracting(Job::id).containsExactly(second.id(), third.id(), first.id());
    assertThat(jobs.list(query, new JobOrder(JobOrder.Field.UPDATED_AT, false), 10, 0)).extracting(Job::id)
        .containsExactly(first.id(), third.id(), second.id());
    assertThat(jobs.list(query, new JobOrder(JobOrder.Field.CREATED_AT, true), 2, 1)).extracting(Job::id)
        .containsExactly(second.id(), third.id());
    assertThat(jobs.count(query.updatedIn(new TimeRange(firstUpdated.updatedAt(), null)))).isEqualTo(1);
    assertThat(ids(query.createdIn(new TimeRange(Instant.parse("-5000-01-01T00:00:00Z"), Instant.ofEpochMilli(Long.MAX_VALUE)))))
        .as("bounds beyond what a timestamp column holds").hasSize(3);
  }

  @Test
  void findLatestPicksTheNewestJobOfTheScopeWithOneOfTheTypes() {
    Job olderSync = jobs.create(JobConfigType.SYNC, scope, null);
    Job reset = jobs.create(JobConfigType.RESET_CONNECTION, scope, null);
    jobs.create(JobConfigType.DISCOVER_SCHEMA, scope, null);
    jobs.create(JobConfigType.SYNC, UUID.randomUUID().toString(), null);

    assertThat(jobs.findLatest(scope, Set.of(JobConfigType.SYNC))).contains(olderSync);
    assertThat(jobs.findLatest(scope, Set.of(JobConfigType.SYNC, JobConfigType.RESET_CONNECTION))).contains(reset);
    assertThat(jobs.findLatest(scope, Set.of(JobConfigType.GET_SPEC))).isEmpty();
  }

  @Test
  void updateStatusStampsTheJobAndSetsStartedAtOnlyOnce() {
    Job job = jobs.create(JobConfigType.SYNC, scope, null);

    assertThat(jobs.updateStatus(job.id(), JobStatus.RUNNING)).isTrue();
    Job running = jobs.find(job.id()).orElseThrow();
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.startedAt()).isEqualTo(running.updatedAt()).isAfter(job.createdAt());

    jobs.updateStatus(job.id(), JobStatus.INCOMPLETE);
    jobs.updateStatus(job.id(), JobStatus.RUNNING);
    Job again = jobs.find(job.id()).orElseThrow();
    assertThat(again.startedAt()).isEqualTo(running.startedAt());
    assertThat(again.updatedAt()).isAfter(running.updatedAt());
    assertThat(jobs.updateStatus(job.id() + 1_000_000, JobStatus.FAILED)).isFalse();
  }

  @Test
  void createAttemptNumbersFromZeroAndMarksTheJobRunning() {
    Job job = jobs.create(JobConfigType.SYNC, scope, null);

    Attempt first = jobs.createAttempt(job.id(), "/logs/" + job.id() + "/0");
    jobs.updateAttemptStatus(first.id(), AttemptStatus.FAILED);
    Attempt second = jobs.createAttempt(job.id(), null);

    assertThat(first.attemptNumber()).isZero();
    assertThat(first.status()).isEqualTo(AttemptStatus.RUNNING);
    assertThat(second.attemptNumber()).isEqualTo(1);
    assertThat(jobs.findAttempt(second.id())).contains(second);
    assertThat(jobs.findAttempt(job.id(), 1)).contains(second);
    assertThat(jobs.findAttempt(job.id(), 2)).isEmpty();
    Job running = jobs.find(job.id()).orElseThrow();
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.startedAt()).isEqualTo(first.createdAt());
  }

  @Test
  void attemptsAreRefusedForTerminalAndUnknownJobs() {
    Job job = jobs.create(JobConfigType.SYNC, scope, null);
    jobs.updateStatus(job.id(), JobStatus.CANCELLED);

    assertThatThrownBy(() -> jobs.createAttempt(job.id(), null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> jobs.createAttempt(job.id() + 1_000_000, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(jobs.listAttempts(List.of(job.id()))).isEmpty();
  }

  @Test
  void concurrentAttemptsOfOneJobGetDistinctNumbers() throws Exception {
    Job job = jobs.create(JobConfigType.SYNC, scope, null);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Attempt>> creations = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        creations.add(() -> jobs.createAttempt(job.id(), null));
      }
      List<Integer> numbers = new ArrayList<>();
      for (Future<Attempt> attempt : threads.invokeAll(creations)) {
        numbers.add(attempt.get().attemptNumber());
      }
      assertThat(numbers).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void attemptDocumentsAndTerminalStatusReadBack() {
    Job job = jobs.create(JobConfigType.SYNC, scope, null);
    Attempt attempt = jobs.createAttempt(job.id(), "/logs/a");

    assertThat(jobs.saveSyncConfig(attempt.id(), json("{\"syncCatalog\":{\"streams\":[]}}"))).isTrue();
    assertThat(jobs.saveAttemptOutput(attempt.id(), json("{\"sync\":{\"standardSyncSummary\":{\"status\":\"failed\"}}}")))
        .isTrue();
    assertThat(jobs.saveFailureSummary(attempt.id(), json("{\"failures\":[{\"failureOrigin\":\"source\"}]}"))).isTrue();
    assertThat(jobs.findAttempt(attempt.id()).orElseThrow().endedAt()).isNull();
    assertThat(jobs.updateAttemptStatus(attempt.id(), AttemptStatus.FAILED)).isTrue();

    Attempt found = jobs.findAttempt(attempt.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(AttemptStatus.FAILED);
    assertThat(found.logPath()).isEqualTo("/logs/a");
    assertThat(found.syncConfig()).isEqualTo(json("{\"syncCatalog\":{\"streams\":[]}}"));
    assertThat(found.output()).isEqualTo(json("{\"sync\":{\"standardSyncSummary\":{\"status\":\"failed\"}}}"));
    assertThat(found.failureSummary()).isEqualTo(json("{\"failures\":[{\"failureOrigin\":\"source\"}]}"));
    assertThat(found.createdAt()).isEqualTo(attempt.createdAt());
    assertThat(found.endedAt()).isEqualTo(found.updatedAt()).isAfter(attempt.createdAt());
    assertThat(jobs.updateAttemptStatus(attempt.id() + 1_000_000, AttemptStatus.FAILED)).isFalse();
    assertThat(jobs.saveAttemptOutput(attempt.id() + 1_000_000, json("{}"))).isFalse();
  }

  @Test
  void listAttemptsGroupsByJobInAttemptOrder() {
    Job one = jobs.create(JobConfigType.SYNC, scope, null);
    Job two = jobs.create(JobConfigType.SYNC, scope, null);
    Attempt twoFirst = jobs.createAttempt(two.id(), null);
    Attempt oneFirst = jobs.createAttempt(one.id(), null);
    Attempt twoSecond = jobs.createAttempt(two.id(), null);

    assertThat(jobs.listAttempts(List.of(two.id(), one.id()))).containsExactly(oneFirst, twoFirst, twoSecond);
    assertThat(jobs.listAttempts(List.of(one.id()))).containsExactly(oneFirst);
    assertThat(jobs.listAttempts(List.of())).isEmpty();
  }

  @Test
  void statsRoundTripAndALaterSaveReplacesTheEarlierOne() {
    Attempt attempt = jobs.createAttempt(jobs.create(JobConfigType.SYNC, scope, null).id(), null);
    StreamDescriptor users = new StreamDescriptor("users", "public");
    StreamDescriptor events = StreamDescriptor.of("events");
    AttemptStats early = new AttemptStats(new SyncStats(10, 1000, 5, 500, 2, 100, 10_000), List.of(
        new StreamStats(users, new SyncStats(4, 400, 2, 200, 1, 40, 4000)),
        new StreamStats(events, new SyncStats(6, 600, 3, 300, 1, 60, 6000))));
    AttemptStats late = new AttemptStats(new SyncStats(20, 2000, 20, 2000, 4, 100, 10_000), List.of(
        new StreamStats(users, new SyncStats(20, 2000, 20, 2000, 4, 40, 4000))));

    assertThat(jobs.findStats(attempt.id())).isEmpty();
    jobs.saveStats(attempt.id(), early);
    assertThat(jobs.findStats(attempt.id())).hasValueSatisfying(stats -> {
      assertThat(stats.total()).isEqualTo(early.total());
      assertThat(stats.streams()).containsExactlyInAnyOrderElementsOf(early.streams());
    });

    jobs.saveStats(attempt.id(), late);
    assertThat(jobs.findStats(attempt.id())).contains(late);
  }

  @Test
  void statsOfSeveralAttemptsAreReadTogether() {
    Job job = jobs.create(JobConfigType.SYNC, scope, null);
    Attempt first = jobs.createAttempt(job.id(), null);
    Attempt second = jobs.createAttempt(job.id(), null);
    Attempt withoutStats = jobs.createAttempt(job.id(), null);
    AttemptStats firstStats = new AttemptStats(new SyncStats(1, 2, 3, 4, 5, 6, 7), List.of());
    AttemptStats secondStats = new AttemptStats(SyncStats.ZERO, List.of(
        new StreamStats(new StreamDescriptor("s", ""), new SyncStats(9, 8, 7, 6, 5, 4, 3))));
    jobs.saveStats(first.id(), firstStats);
    jobs.saveStats(second.id(), secondStats);

    assertThat(jobs.findStats(List.of(first.id(), second.id(), withoutStats.id())))
        .containsOnlyKeys(first.id(), second.id())
        .containsEntry(first.id(), firstStats)
        .containsEntry(second.id(), secondStats);
    assertThat(jobs.findStats(List.of())).isEmpty();
  }

  private List<Long> ids(JobQuery query) {
    return jobs.list(query, 100, 0).stream().map(Job::id).toList();
  }
}
