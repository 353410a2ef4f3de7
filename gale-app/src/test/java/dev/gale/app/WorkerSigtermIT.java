package dev.gale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.GaleConfig;
import dev.gale.server.GaleWorker;
import dev.gale.server.store.Database;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown end to end: {@code gale worker} in a process of its own runs a long sync into PostgreSQL and gets
 * a real SIGTERM mid-sync. Its shutdown hook stops the sync at its next committed state and hands the job back; a
 * worker in another process (this one, beside the server the test talks to) takes it over within seconds, not after
 * the worker's one-minute lease, resumes from that state, and the table ends with every row exactly once.
 */
class WorkerSigtermIT {
  private static final int USERS = 500_000;
  private static final int GRACE_SECONDS = 20;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aWorkerStoppedBySigtermHandsItsSyncToAnotherProcessWhichEndsItWithEveryRowExactlyOnce() throws Exception {
    Database.Settings store = TestingPostgres.shared().newDatabase();
    Database.Settings warehouse = TestingPostgres.shared().newDatabase();
    // The server only serves: the sync must start in the worker process.
    try (TestingGaleServer server = TestingGaleServer.start(store, TestingGaleServer.fastJobs().withWorkers(0))) {
      Api api = new Api(server.uri());
      String connectionId = usersIntoPostgres(api, warehouse);
      Process worker = startWorkerProcess(store, server.dataDir());
      GaleWorker takeover = null;
      try {
        long jobId = api.post("/api/v1/connections/sync", Json.object().put("connectionId", connectionId))
            .at("/job/id").asLong();
        JsonNode running = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
            .until(() -> job(api, jobId), info -> info.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong()
                > 50_000);
        assertThat(running.at("/job/status").asText()).as("mid-sync").isEqualTo("running");
        // Waits for work; the job is the worker process's, under its lease of one minute.
        takeover = GaleWorker.start(new GaleConfig("127.0.0.1", 0, server.dataDir(), store,
            new GaleConfig.Auth(true, TestingGaleServer.USER, TestingGaleServer.PASSWORD),
            Optional.of(TestingGaleServer.SECRET_KEY), TestingGaleServer.fastJobs().withWorkers(1)));

        long signalled = System.nanoTime();
        worker.destroy(); // SIGTERM
        assertThat(worker.waitFor(GRACE_SECONDS + 15, TimeUnit.SECONDS)).as("the worker process ended").isTrue();
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
            .until(() -> job(api, jobId).path("attempts").size() == 2);
        Duration takenOver = Duration.ofNanos(System.nanoTime() - signalled);

        JsonNode done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
            .until(() -> job(api, jobId), info -> !info.at("/job/status").asText().equals("running")
                && !info.at("/job/status").asText().equals("incomplete"));
        String output = Files.readString(server.dataDir().resolve("worker.out"));
        System.out.printf("SIGTERM: the worker process ended after %d ms; attempt 2 began %d ms after the signal%n",
            stopping.toMillis(), takenOver.toMillis());
        assertThat(done.at("/job/status").asText()).as("%s\n%s", done, output).isEqualTo("succeeded");
        assertThat(stopping).as("the worker stopped within its grace").isLessThan(Duration.ofSeconds(GRACE_SECONDS));
        assertThat(takenOver).as("taken over well before the one-minute lease ends").isLessThan(Duration.ofSeconds(15));

        JsonNode stopped = done.at("/attempts/0/attempt");
        assertThat(stopped.path("status").asText()).isEqualTo("failed");
        JsonNode reason = stopped.at("/failureSummary/failures/0");
        assertThat(reason.path("failureOrigin").asText()).isEqualTo("replication");
        assertThat(reason.path("externalMessage").asText()).contains("The worker shut down");
        assertThat(reason.path("retryable").asBoolean()).isTrue();
        assertThat(stopped.at("/failureSummary/partialSuccess").asBoolean()).isTrue();
        long committedBefore = stopped.at("/totalStats/recordsCommitted").asLong();
        long emittedAfter = done.at("/attempts/1/attempt/totalStats/recordsEmitted").asLong();
        assertThat(committedBefore).isPositive().isLessThan(USERS);
        // It resumed exactly where the stopped attempt's last committed state was: nothing read twice, nothing lost.
        assertThat(committedBefore + emittedAfter).isEqualTo(USERS);
        assertThat(done.at("/attempts/1/logs/logLines").toString()).contains("Resuming from 1 committed state messages");
        assertThat(count(warehouse, "SELECT count(*) FROM public.users")).isEqualTo(USERS);
        assertThat(count(warehouse, "SELECT count(DISTINCT id) FROM public.users")).isEqualTo(USERS);
      } finally {
        if (worker.isAlive()) {
          worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (takeover != null) {
          takeover.close();
        }
      }
    }
  }

  /** {@code gale worker} on the server's store and data directory, with a grace of {@value #GRACE_SECONDS} s. */
  private static Process startWorkerProcess(Database.Settings store, Path dataDir) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), GaleCommand.class.getName(), "worker", "--port", "0",
        "--data-dir", dataDir.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("worker.out").toFile());
    builder.environment().putAll(Map.of("GALE_DATABASE_URL", store.url(), "GALE_DATABASE_USER", store.user(),
        "GALE_DATABASE_PASSWORD", store.password(), "GALE_SECRET_KEY", TestingGaleServer.SECRET_KEY,
        "GALE_WORKERS", "1", "GALE_SHUTDOWN_GRACE", String.valueOf(GRACE_SECONDS)));
    return builder.start();
  }

  /** Sample Data's users, incremental, appended to a PostgreSQL table: a duplicate or a gap would show. */
  private static String usersIntoPostgres(Api api, Database.Settings warehouse) throws IOException, InterruptedException {
    String workspaceId = api.post("/api/v1/workspaces/create", Json.object().put("name", "shutdown"))
        .path("workspaceId").asText();
    ObjectNode sample = Json.object().put("count", USERS).put("seed", 7).put("records_per_slice", 5000)
        .put("always_updated", false).put("parallelism", 1);
    String sourceId = api.post("/api/v1/sources/create", Json.object().put("workspaceId", workspaceId)
        .put("name", "sample").put("sourceDefinitionId", SampleDataSource.DEFINITION_ID.toString())
        .set("connectionConfiguration", sample)).path("sourceId").asText();
    ObjectNode postgres = Json.object().put("host", "localhost").put("port", TestingPostgres.shared().port())
        .put("database", warehouse.url().replaceFirst("^.*/", "").replaceFirst("\\?.*$", ""))
        .put("username", warehouse.user()).put("password", warehouse.password()).put("schema", "public");
    postgres.putObject("ssl_mode").put("mode", "disable");
    String destinationId = api.post("/api/v1/destinations/create", Json.object().put("workspaceId", workspaceId)
        .put("name", "warehouse").put("destinationDefinitionId", PostgresDestination.DEFINITION_ID.toString())
        .set("connectionConfiguration", postgres)).path("destinationId").asText();
    JsonNode discovered = api.post("/api/v1/sources/discover_schema", Json.object().put("sourceId", sourceId))
        .path("catalog");
    ArrayNode streams = Json.mapper().createArrayNode();
    for (JsonNode entry : discovered.path("streams")) {
      if (entry.at("/stream/name").asText().equals("users")) {
        ObjectNode chosen = entry.deepCopy();
        ((ObjectNode) chosen.path("config")).put("syncMode", "incremental").put("destinationSyncMode", "append")
            .put("selected", true).set("cursorField", Json.tree(List.of("updated_at")));
        streams.add(chosen);
      }
    }
    ObjectNode request = Json.object().put("sourceId", sourceId).put("destinationId", destinationId)
        .put("status", "active");
    request.putObject("syncCatalog").set("streams", streams);
    return api.post("/api/v1/connections/create", request).path("connectionId").asText();
  }

  private static JsonNode job(Api api, long jobId) throws IOException, InterruptedException {
    return api.post("/api/v1/jobs/get", Json.object().put("id", jobId));
  }

  private static long count(Database.Settings database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The Config API with the test server's credentials; anything but 200 fails the test. */
  private record Api(URI base) {
    JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (TestingGaleServer.USER + ":" + TestingGaleServer.PASSWORD).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s %s", path, response.body()).isEqualTo(200);
      return Json.parse(response.body());
    }
  }
}
