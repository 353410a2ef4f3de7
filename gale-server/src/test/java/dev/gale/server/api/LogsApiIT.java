package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.syncToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.store.PrivateFiles;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** {@code logs/get}: the server's and the scheduler's logs as text, each with its own events, secrets masked. */
class LogsApiIT {
  private static final String STORED_SECRET = "sk-stored-" + UUID.randomUUID();

  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();

  @Test
  void theServersLogIsTextWithEveryStoredSecretAndSecretLookingValueMasked() {
    ApiClient api = fixtures.api;
    String workspaceId = api.post("/api/v1/workspaces/create", Map.of("name", "logs " + UUID.randomUUID())).expect(200)
        .path("workspaceId").asText();
    api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", "with a key",
        "sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString(),
        "connectionConfiguration", Map.of("count", 5, "seed", 1, "api_key", STORED_SECRET))).expect(200);
    String marker = "marker-" + UUID.randomUUID();
    // What a careless library might log: Gale's own code never logs a secret.
    LoggerFactory.getLogger("dev.gale.server.api.LogsApiIT").warn("{} connecting with {} to jdbc:x?password=hunter2 "
        + "(Authorization: Bearer eyJhbGciOi.payload.sig)", marker, STORED_SECRET);

    ApiResponse answer = api.send("POST", "/api/v1/logs/get", "{\"logType\": \"server\"}", "application/json");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).contains("text/plain");
    assertThat(answer.rawBody()).contains(marker + " connecting with **********")
        .contains("password=**********").contains("Bearer **********")
        .doesNotContain(STORED_SECRET, "hunter2", "eyJhbGciOi");
  }

  @Test
  void theSchedulersLogHoldsWhatTheWorkersDoAndTheServersLogDoesNot() throws Exception {
    ApiClient api = fixtures.api;
    syncToEnd(api, JobCalls.sampleConnection(fixtures, ConnectionFixtures.SAMPLE_CONFIG, "full_refresh", "overwrite"));

    String scheduler = api.send("POST", "/api/v1/logs/get", "{\"logType\": \"scheduler\"}", "application/json").rawBody();
    String server = api.send("POST", "/api/v1/logs/get", "{\"logType\": \"server\"}", "application/json").rawBody();

    assertThat(scheduler).contains("WorkerPool");
    assertThat(server).contains("GaleServer").doesNotContain("WorkerPool");
    assertThat(PrivateFiles.openToOthers(fixtures.dataDir().resolve("logs"))).as("the log folder is the owner's").isFalse();
  }

  @Test
  void anUnknownOrMissingLogTypeIsA422() {
    fixtures.api.post("/api/v1/logs/get", Map.of("logType", "worker")).expectError(422);
    fixtures.api.post("/api/v1/logs/get", Map.of()).expectError(422);
  }
}
