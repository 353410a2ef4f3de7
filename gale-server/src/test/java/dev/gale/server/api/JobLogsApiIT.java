package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.id;
import static dev.gale.server.api.JobCalls.status;
import static dev.gale.server.api.JobCalls.syncToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.SecretApiSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each attempt's log: a file in the data directory with the worker's, the engine's and the connectors' lines, shown
 * by {@code jobs/get}, every secret of the connection masked, even one a careless connector prints
 * ({@link SecretApiSource} logs its API key on purpose).
 */
class JobLogsApiIT {
  private static final String API_KEY = "sk-live-4d2e8f-never-in-a-log";
  private static final String PROXY_PASSWORD = "pw-91ac77-never-in-a-log";

  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @Test
  void anAttemptsLogTellsTheSyncWithEverySecretMasked() throws Exception {
    String connection = secretApiConnection();

    JsonNode done = syncToEnd(api, connection);

    assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
    assertThat(done.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).isEqualTo(25);
    JsonNode lines = done.at("/attempts/0/logs/logLines");
    assertThat(lines.size()).isGreaterThan(3);
    assertThat(lines.get(0).asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO Attempt 0 of job \\d+ .*");
    String log = lines.toString();
    assertThat(log).contains("Source: " + SecretApiSource.NAME, "source: Reading items from https://api.example.com",
        "source: Authorization: Bearer **********", "destination: Dev Null discarded 25 records", "succeeded");
    assertThat(log).doesNotContain(API_KEY, PROXY_PASSWORD);

    Path file = logFiles().stream().filter(p -> p.toString().contains("/" + id(done) + "/")).findFirst().orElseThrow();
    assertThat(file.getFileName().toString()).isEqualTo("attempt-0.log");
    assertThat(Files.readString(file)).contains("Bearer **********").doesNotContain(API_KEY, PROXY_PASSWORD);
  }

  @Test
  void noAnswerAboutTheJobAndNoStoredAttemptShowsASecret() {
    String connection = secretApiConnection();
    long jobId = id(syncToEnd(api, connection));
    var body = Json.object().put("id", jobId);

    for (String path : new String[] {"/api/v1/jobs/get", "/api/v1/jobs/get_debug_info", "/api/v1/jobs/get_light"}) {
      assertThat(api.post(path, body).expect(200).toString()).as(path).doesNotContain(API_KEY, PROXY_PASSWORD);
    }
    assertThat(api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [\"sync\"], \"configId\": \"" + connection + "\"}"))
        .expect(200).toString()).doesNotContain(API_KEY, PROXY_PASSWORD);
    var attempt = fixtures.store.jobs.findAttempt(jobId, 0).orElseThrow();
    assertThat(attempt.syncConfig().at("/sourceConfiguration/api_key").asText()).isEqualTo("**********");
    assertThat(attempt.syncConfig().at("/sourceConfiguration/proxy/password").asText()).isEqualTo("**********");
    assertThat(attempt.syncConfig().at("/sourceConfiguration/endpoint").asText()).isEqualTo("https://api.example.com");
  }

  @Test
  void debugInfoNamesTheDefinitionsThatRanTheJob() {
    long jobId = id(syncToEnd(api, secretApiConnection()));

    JsonNode debug = api.post("/api/v1/jobs/get_debug_info", Json.object().put("id", jobId)).expect(200);

    assertThat(debug.at("/job/id").asLong()).isEqualTo(jobId);
    assertThat(debug.at("/job/status").asText()).isEqualTo("succeeded");
    assertThat(debug.at("/job/sourceDefinition/sourceDefinitionId").asText()).isEqualTo(SecretApiSource.DEFINITION_ID.toString());
    assertThat(debug.at("/job/destinationDefinition/dockerRepository").asText()).isEqualTo("airbyte/destination-dev-null");
    assertThat(debug.at("/job/airbyteVersion").asText()).isNotBlank();
    assertThat(debug.at("/workflowState/running").asBoolean()).isFalse();
    assertThat(debug.at("/attempts/0/logs/logLines").size()).isPositive();
  }

  /** A connection from a Secret API source created through the API (so its secrets are stored encrypted). */
  private static String secretApiConnection() {
    UUID workspace = fixtures.newWorkspace("logs " + UUID.randomUUID());
    ObjectNode config = Json.object().put("api_key", API_KEY).put("endpoint", "https://api.example.com")
        .put("resource", "items").put("page_size", 25);
    config.putObject("proxy").put("host", "proxy.internal").put("password", PROXY_PASSWORD);
    ObjectNode create = Json.object().put("workspaceId", workspace.toString()).put("name", "secret api")
        .put("sourceDefinitionId", SecretApiSource.DEFINITION_ID.toString());
    create.set("connectionConfiguration", config);
    String sourceId = api.post("/api/v1/sources/create", create).expect(200).path("sourceId").asText();
    ObjectNode request = Json.object().put("sourceId", sourceId)
        .put("destinationId", fixtures.destination(workspace, "nowhere").id().toString()).put("status", "active");
    request.set("syncCatalog", JobCalls.catalog(SecretApiSource.DEFINITION_ID, config.toString(), "full_refresh", "overwrite"));
    return fixtures.createConnection(request).path("connectionId").asText();
  }

  private static List<Path> logFiles() throws IOException {
    try (Stream<Path> files = Files.walk(fixtures.dataDir().resolve("logs"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
