package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.awaitEnd;
import static dev.gale.server.api.JobCalls.id;
import static dev.gale.server.api.JobCalls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.GaleConfig;
import dev.gale.server.GaleWorker;
import dev.gale.server.domain.Attempt;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.PrometheusSamples;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingPostgres;
import dev.gale.server.testing.TestingStore;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code gale worker} beside a server that runs no workers, on one PostgreSQL: the server queues, the worker process
 * runs, and the server shows what it did, logs included (they share the data directory, for the logs, and the secret
 * key, which every process of a store needs).
 */
class WorkerProcessIT {
  private static TestingGaleServer apiOnly;
  private static GaleWorker worker;
  private static ApiClient api;
  private static TestingStore store;

  @BeforeAll
  static void start() {
    Database.Settings database = TestingPostgres.shared().newDatabase();
    apiOnly = TestingGaleServer.start(database, TestingGaleServer.fastJobs().withWorkers(0));
    worker = GaleWorker.start(workerConfig(database, Optional.of(TestingGaleServer.SECRET_KEY)));
    api = apiOnly.client();
    store = new TestingStore(apiOnly.server());
  }

  @AfterAll
  static void stop() {
    worker.close();
    apiOnly.close();
  }

  @Test
  void theWorkerProcessRunsWhatTheServerQueues() {
    String connection = JobCalls.connection(store, api, ConnectionFixtures.SAMPLE_DATA, "{\"count\": 200, \"seed\": 5}",
        "full_refresh", "overwrite", Json.object());

    JsonNode done = awaitEnd(api, id(JobCalls.sync(api, connection)));

    assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
    assertThat(done.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).as("200 users, 100 products, 200 purchases").isEqualTo(500);
    // The worker writes this line just after it saved the job's end, which the wait above may see first.
    long jobId = done.path("job").path("id").asLong();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        JobCalls.get(api, jobId).at("/attempts/0/logs/logLines").toString()).contains("The job succeeded"));
    Attempt attempt = store.jobs.findAttempt(done.at("/job/id").asLong(), 0).orElseThrow();
    assertThat(store.jobs.findWorkflow(attempt.id())).as("the worker process took it, as the server has none")
        .isPresent();
  }

  @Test
  void theWorkerServesItsHealthAndMetricsOnAPortOfItsOwn() {
    ApiClient workerPort = ApiClient.connect(URI.create("http://127.0.0.1:" + worker.port()), TestingGaleServer.USER,
        TestingGaleServer.PASSWORD).withAuthorization(null);
    String connection = JobCalls.connection(store, api, ConnectionFixtures.SAMPLE_DATA, "{\"count\": 10, \"seed\": 2}",
        "full_refresh", "overwrite", Json.object());
    assertThat(status(awaitEnd(api, id(JobCalls.sync(api, connection))))).isEqualTo("succeeded");

    assertThat(workerPort.get("/api/v1/health").expect(200).path("available").asBoolean()).isTrue();
    Map<String, String> succeededSync = Map.of("config_type", "sync", "status", "succeeded");
    PrometheusSamples metrics = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> scrape(workerPort), scrape -> scrape.sum("gale_attempts_total", succeededSync) >= 1);

    assertThat(metrics.sum("gale_worker_slots", Map.of())).isEqualTo(TestingGaleServer.fastJobs().workers());
    assertThat(metrics.sum("gale_records_committed_total", Map.of("config_type", "sync"))).isPositive();
    assertThat(metrics.has("jvm_memory_used_bytes")).isTrue();
    assertThat(metrics.sum("hikaricp_connections_max", Map.of("pool", "gale-store"))).isPositive();
    assertThat(metrics.sum("gale_http_requests_seconds_count",
        Map.of("route", "/api/v1/health", "method", "GET", "status", "200"))).isPositive();
    PrometheusSamples server = scrape(api.withAuthorization(null));
    assertThat(server.sum("gale_worker_slots", Map.of())).as("the server runs no workers").isZero();
    assertThat(server.sum("gale_attempts_total", succeededSync)).as("nor attempts").isZero();
    // Health and metrics only: the API stays the servers'.
    assertThat(workerPort.post("/api/v1/workspaces/list", "{}").status()).isEqualTo(401);
  }

  private static PrometheusSamples scrape(ApiClient client) {
    ApiResponse response = client.get("/metrics");
    assertThat(response.status()).isEqualTo(200);
    return PrometheusSamples.checked(response.rawBody());
  }

  @Test
  void aWorkerProcessWithAnotherSecretKeyIsRefusedAtStart() {
    Database.Settings database = TestingPostgres.shared().newDatabase();
    try (TestingGaleServer server = TestingGaleServer.start(database, TestingGaleServer.fastJobs().withWorkers(0))) {
      // Its own key file, in a data directory without one: another key than the server's.
      GaleConfig otherKey = workerConfig(database, Optional.empty());

      assertThatThrownBy(() -> GaleWorker.start(otherKey)).hasMessageContaining("written with another secret key")
          .hasMessageContaining("GALE_SECRET_KEY");
    }
  }

  private static GaleConfig workerConfig(Database.Settings database, Optional<String> secretKey) {
    return new GaleConfig("127.0.0.1", 0, apiOnly.dataDir(), database,
        new GaleConfig.Auth(true, TestingGaleServer.USER, TestingGaleServer.PASSWORD), secretKey,
        TestingGaleServer.fastJobs());
  }

  @Test
  void aWorkerProcessWithoutWorkersIsRefused() {
    GaleConfig none = new GaleConfig("127.0.0.1", 0, apiOnly.dataDir(), TestingPostgres.shared().newDatabase(),
        new GaleConfig.Auth(true, TestingGaleServer.USER, TestingGaleServer.PASSWORD), Optional.empty(),
        TestingGaleServer.fastJobs().withWorkers(0));

    assertThatThrownBy(() -> GaleWorker.start(none)).hasMessageContaining("at least one worker");
  }
}
