package dev.gale.server.jobs;

import static dev.gale.server.testing.StoreSamples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorCatalog;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamStats;
import dev.gale.server.domain.SyncStats;
import dev.gale.server.store.HistoryPruning;
import dev.gale.server.store.StreamGenerationRepository;
import dev.gale.server.testing.ManualClock;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class HousekeepingIT {
  private static final Duration MONTH = Duration.ofDays(30);
  private static final StreamDescriptor USERS = new StreamDescriptor("users", "public");

  @Parameter
  TestDatabase vendor;

  /** A database of the vendor's own for each test, since every test moves its clock and counts what it prunes. */
  TestDatabase db;

  @TempDir
  Path dataDir;

  final ManualClock clock = ManualClock.at2025();
  TestingStore store;
  Path attemptLogs;
  Housekeeping housekeeping;

  @BeforeEach
  void setUp() {
    db = new TestDatabase(vendor.kind());
    db.useClock(clock);
    store = new TestingStore(db.database());
    attemptLogs = dataDir.resolve("logs").resolve("jobs");
    // Two rows a batch, so that every test prunes over several batches.
    housekeeping = new Housekeeping(new HistoryPruning(db.database()), Retention.defaults().withBatch(2), attemptLogs,
        clock);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  @Test
  void endedJobsOlderThanTheRetentionGoWithTheirAttemptsStatsAndLogsButTheNewestOfEachConnectionStays() throws Exception {
    Connection connection = store.newConnection("old-" + UUID.randomUUID());
    String scope = connection.id().toString();
    List<Job> old = List.of(endedJob(scope, JobStatus.SUCCEEDED), endedJob(scope, JobStatus.FAILED),
        endedJob(scope, JobStatus.CANCELLED), endedJob(scope, JobStatus.SUCCEEDED));
    Job running = store.jobs.create(JobConfigType.SYNC, scope, json("{}"));
    store.jobs.createAttempt(running.id(), logOf(running, 0).toString());
    clock.advance(MONTH.plusDays(1));
    Job recent = endedJob(scope, JobStatus.SUCCEEDED);
    String lonelyScope = store.newConnection("lonely-" + UUID.randomUUID()).id().toString();
    Job onlyJobOfItsConnection = endedJob(lonelyScope, JobStatus.FAILED);
    clock.advance(MONTH.plusDays(1));

    Housekeeping.Pruned pruned = housekeeping.runOnce();

    // Everything is older than the retention period now; what stays is what is still needed.
    assertThat(pruned.jobs()).isEqualTo(old.size());
    assertThat(pruned.logFiles()).isEqualTo(old.size());
    for (Job job : old) {
      assertGone(job);
    }
    assertThat(store.jobs.find(running.id())).get().extracting(Job::status).isEqualTo(JobStatus.RUNNING);
    assertThat(store.jobs.find(recent.id())).isPresent();
    assertThat(logOf(recent, 0)).exists();
    assertThat(store.jobs.findStats(store.jobs.listAttempts(List.of(recent.id())).getFirst().id())).isPresent();
    assertThat(store.jobs.find(onlyJobOfItsConnection.id())).isPresent();
    assertThat(logOf(onlyJobOfItsConnection, 0)).exists();
    assertThat(housekeeping.runOnce()).isEqualTo(new Housekeeping.Pruned(0, 0, 0));
  }

  @Test
  void jobsWithinTheRetentionPeriodStay() throws Exception {
    String scope = store.newConnection("fresh-" + UUID.randomUUID()).id().toString();
    Job first = endedJob(scope, JobStatus.SUCCEEDED);
    Job second = endedJob(scope, JobStatus.SUCCEEDED);
    clock.advance(MONTH.minusHours(1));

    assertThat(housekeeping.runOnce().jobs()).isZero();
    assertThat(store.jobs.find(first.id())).isPresent();
    assertThat(logOf(first, 0)).exists();
    assertThat(store.jobs.find(second.id())).isPresent();
  }

  @Test
  void theJobThatStartedAStreamsCurrentGenerationStaysAndSupersededGenerationsGo() throws Exception {
    Connection connection = store.newConnection("reset-" + UUID.randomUUID());
    String scope = connection.id().toString();
    StreamGenerationRepository generations = new StreamGenerationRepository(db.database());
    Job firstReset = endedJob(scope, JobStatus.SUCCEEDED);
    generations.startFor(connection.id(), USERS, firstReset.id());
    Job secondReset = endedJob(scope, JobStatus.SUCCEEDED);
    generations.startFor(connection.id(), USERS, secondReset.id());
    Job sync = endedJob(scope, JobStatus.SUCCEEDED);
    Job latest = endedJob(scope, JobStatus.SUCCEEDED);
    clock.advance(MONTH.plusDays(1));

    assertThat(housekeeping.runOnce().jobs()).isEqualTo(2);

    assertGone(firstReset);
    assertGone(sync);
    assertThat(store.jobs.find(secondReset.id())).isPresent();
    assertThat(store.jobs.find(latest.id())).isPresent();
    assertThat(generations.current(connection.id())).containsEntry(USERS, 2L);
  }

  @Test
  void aLogOutsideTheAttemptLogFolderIsNeverDeleted() throws Exception {
    String scope = store.newConnection("elsewhere-" + UUID.randomUUID()).id().toString();
    Path elsewhere = Files.writeString(dataDir.resolve("precious.txt"), "keep me");
    Job job = store.jobs.create(JobConfigType.SYNC, scope, json("{}"));
    store.jobs.createAttempt(job.id(), elsewhere.toString());
    store.jobs.updateStatus(job.id(), JobStatus.FAILED);
    endedJob(scope, JobStatus.SUCCEEDED);
    clock.advance(MONTH.plusDays(1));

    Housekeeping.Pruned pruned = housekeeping.runOnce();

    assertThat(pruned.jobs()).isEqualTo(1);
    assertThat(pruned.logFiles()).isZero();
    assertThat(elsewhere).hasContent("keep me");
  }

  @Test
  void oldCatalogFetchesGoButEachActorsNewestAndTheCatalogsStillInUseStay() {
    Connection connection = store.newConnection("catalogs-" + UUID.randomUUID());
    UUID source = connection.sourceId();
    ActorCatalog first = store.catalogs.store(json("{\"streams\":[{\"name\":\"a\"}]}"));
    store.catalogs.recordFetch(source, first.id(), "h", "1.0.0");
    ActorCatalog inUse = store.catalogs.store(json("{\"streams\":[{\"name\":\"b\"}]}"));
    store.catalogs.recordFetch(source, inUse.id(), "h", "1.0.0");
    db.database().jdbi().useHandle(handle -> handle.createUpdate(
        "UPDATE connection SET source_catalog_id = :catalog WHERE id = :id")
        .bind("catalog", inUse.id()).bind("id", connection.id()).execute());
    clock.advance(Duration.ofMinutes(1));
    ActorCatalog newest = store.catalogs.store(json("{\"streams\":[{\"name\":\"c\"}]}"));
    store.catalogs.recordFetch(source, newest.id(), "h", "1.0.0");
    Actor other = store.newActor(store.newWorkspace("other").id(),
        store.newDefinition(ActorType.SOURCE, "other-src"), "other source");
    ActorCatalog othersOnly = store.catalogs.store(json("{\"streams\":[{\"name\":\"d\"}]}"));
    store.catalogs.recordFetch(other.id(), othersOnly.id(), "h", "1.0.0");
    clock.advance(MONTH.plusDays(1));

    // Two fetches of the first actor (not its newest), then the catalog only they referred to.
    assertThat(housekeeping.runOnce().catalogRows()).isEqualTo(3);

    assertThat(store.catalogs.find(first.id())).isEmpty();
    assertThat(store.catalogs.find(inUse.id())).isPresent();
    assertThat(store.catalogs.find(newest.id())).isPresent();
    assertThat(store.catalogs.findLatest(source)).get().extracting(ActorCatalog::id).isEqualTo(newest.id());
    assertThat(store.catalogs.find(othersOnly.id())).isPresent();
    assertThat(store.catalogs.findLatest(other.id())).get().extracting(ActorCatalog::id).isEqualTo(othersOnly.id());
  }

  @Test
  void retentionIsReadFromTheEnvironmentAndNonsenseIsRefused() {
    assertThat(Retention.fromEnvironment(Map.of()).keep()).isEqualTo(Duration.ofDays(30));
    assertThat(Retention.fromEnvironment(Map.of(Retention.DAYS_VARIABLE, " 7 ")).keep()).isEqualTo(Duration.ofDays(7));
    assertThat(WorkerSettings.fromEnvironment(Map.of(Retention.DAYS_VARIABLE, "90")).retention().keep())
        .isEqualTo(Duration.ofDays(90));
    for (String bad : new String[] {"0", "-3", "seven", "1.5", "99999999999999999999"}) {
      assertThatThrownBy(() -> Retention.fromEnvironment(Map.of(Retention.DAYS_VARIABLE, bad)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Retention.DAYS_VARIABLE);
    }
  }

  /** A job with one attempt, its stats and its log file, ended with {@code status}. */
  private Job endedJob(String scope, JobStatus status) throws Exception {
    Job job = store.jobs.create(JobConfigType.SYNC, scope, json("{}"));
    Path log = logOf(job, 0);
    Files.createDirectories(log.getParent());
    Files.writeString(log, "a line");
    var attempt = store.jobs.createAttempt(job.id(), log.toString());
    store.jobs.saveStats(attempt.id(), new AttemptStats(new SyncStats(1, 2, 1, 2, 1, 0, 0),
        List.of(new StreamStats(USERS, new SyncStats(1, 2, 1, 2, 1, 0, 0)))));
    store.jobs.updateStatus(job.id(), status);
    return job;
  }

  private Path logOf(Job job, int attempt) {
    return attemptLogs.resolve(Long.toString(job.id())).resolve("attempt-" + attempt + ".log");
  }

  private void assertGone(Job job) {
    assertThat(store.jobs.find(job.id())).isEmpty();
    assertThat(store.jobs.listAttempts(List.of(job.id()))).isEmpty();
    assertThat(logOf(job, 0)).doesNotExist();
    assertThat(logOf(job, 0).getParent()).doesNotExist();
  }
}
