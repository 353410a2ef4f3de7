package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.awaitEnd;
import static dev.gale.server.api.JobCalls.id;
import static dev.gale.server.api.JobCalls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Attempt;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingPostgres;
import dev.gale.server.testing.TestingStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several Gale processes on one PostgreSQL share the job queue through the database alone: two servers with two
 * workers each, and one that serves the API without workers (as in Kafka's {@code EmbeddedConnectCluster}, all in
 * this JVM, each with its own pool, workers and data directory).
 */
class WorkerSetsIT {
  private static final String SAMPLE = "{\"count\": 300, \"seed\": 11}";
  private static final List<TestingGaleServer> servers = new ArrayList<>();
  private static ApiClient first;
  private static ApiClient second;
  private static ApiClient apiOnly;
  private static TestingStore store;

  @BeforeAll
  static void start() {
    Database.Settings database = TestingPostgres.shared().newDatabase();
    servers.add(TestingGaleServer.start(database, TestingGaleServer.fastJobs()));
    servers.add(TestingGaleServer.start(database, TestingGaleServer.fastJobs()));
    servers.add(TestingGaleServer.start(database, TestingGaleServer.fastJobs().withWorkers(0)));
    first = servers.get(0).client();
    second = servers.get(1).client();
    apiOnly = servers.get(2).client();
    store = new TestingStore(servers.get(2).server());
  }

  @AfterAll
  static void stop() {
    servers.forEach(TestingGaleServer::close);
  }

  @Test
  void twoWorkerSetsShareTheQueueAndNeverRunAJobTwice() {
    List<Long> jobs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      ApiClient api = i % 2 == 0 ? first : second;
      jobs.add(id(JobCalls.sync(api, connection(api))));
    }

    Set<String> workerSets = new HashSet<>();
    for (long job : jobs) {
      JsonNode done = awaitEnd(apiOnly, job);
      assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
      assertThat(done.path("attempts")).as("job %d ran once", job).hasSize(1);
      assertThat(done.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).isEqualTo(700);
      Attempt attempt = store.jobs.findAttempt(job, 0).orElseThrow();
      String worker = store.jobs.findWorkflow(attempt.id()).orElseThrow();
      workerSets.add(worker.substring(0, worker.lastIndexOf("/worker-")));
    }
    assertThat(store.jobs.listAttempts(jobs)).as("one attempt per job, in all").hasSize(jobs.size());
    assertThat(workerSets).as("both worker sets took jobs").hasSize(2);
  }

  @Test
  void aCancelServedByAProcessWithoutWorkersReachesTheWorkerAtItsNextHeartbeat() {
    String connection = connection(apiOnly, "{\"count\": 2000000000, \"seed\": 1}");
    long jobId = id(JobCalls.sync(apiOnly, connection));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
        () -> JobCalls.get(apiOnly, jobId), info -> info.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong() > 0);

    long start = System.nanoTime();
    apiOnly.post("/api/v1/jobs/cancel", Json.object().put("id", jobId)).expect(200);
    JsonNode cancelled = await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
        .until(() -> JobCalls.get(apiOnly, jobId), info -> status(info).equals("cancelled"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(cancelled.at("/attempts/0/attempt/failureSummary/failures/0/failureType").asText())
        .isEqualTo("manual_cancellation");
  }

  @Test
  void anAttemptWhoseWorkerDiedIsEndedAndItsJobRetriedWhenTheLeaseExpires() {
    String connection = connection(apiOnly);
    Instant now = Instant.now();
    String log = servers.get(2).dataDir().resolve("dead-worker.log").toString();
    // What a worker that died mid-attempt leaves behind: a running job under its lease, and a running attempt.
    long jobId = store.database.jdbi().inTransaction(handle -> {
      long id = handle.createUpdate("INSERT INTO jobs (config_type, scope, status, started_at, created_at, updated_at, "
              + "lease_owner, lease_expires_at, heartbeat_at) VALUES ('sync', :scope, 'running', :now, :now, :now, "
              + "'dead-host/worker-0', :expires, :now)")
          .bind("scope", connection)
          .bind("now", now.atOffset(ZoneOffset.UTC))
          .bind("expires", now.plusSeconds(1).atOffset(ZoneOffset.UTC))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      handle.createUpdate("INSERT INTO attempts (job_id, attempt_number, status, log_path, created_at, updated_at) "
              + "VALUES (:id, 0, 'running', :log, :now, :now)")
          .bind("id", id).bind("log", log).bind("now", now.atOffset(ZoneOffset.UTC)).execute();
      return id;
    });

    JsonNode done = awaitEnd(apiOnly, jobId);

    assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
    assertThat(done.path("attempts")).hasSize(2);
    JsonNode abandoned = done.at("/attempts/0/attempt");
    assertThat(abandoned.path("status").asText()).isEqualTo("failed");
    assertThat(abandoned.at("/failureSummary/failures/0/failureOrigin").asText()).isEqualTo("airbyte_platform");
    assertThat(abandoned.at("/failureSummary/failures/0/externalMessage").asText()).contains("stopped sending heartbeats");
    assertThat(abandoned.at("/failureSummary/failures/0/retryable").asBoolean()).isTrue();
    assertThat(done.at("/attempts/1/attempt/totalStats/recordsCommitted").asLong()).isEqualTo(700);
  }

  private static String connection(ApiClient api) {
    return connection(api, SAMPLE);
  }

  private static String connection(ApiClient api, String sampleConfig) {
    return JobCalls.connection(store, api, ConnectionFixtures.SAMPLE_DATA, sampleConfig, "full_refresh", "overwrite",
        Json.object());
  }
}
