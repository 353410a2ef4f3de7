package dev.gale.server.api.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java SDK suite's scenario over raw HTTP, as a script written against Airbyte's API docs would run it: a token,
 * then a workspace, a Sample Data source, a Postgres destination, a connection, syncs, jobs, a cancel, and deletes.
 * In the CI gate every exchange is checked against Airbyte's {@code api.yaml}, pagination links and errors included.
 */
class PublicApiScenarioApiIT {
  private static final String PUBLIC = "/api/public/v1";
  private static final int USERS = 250;

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  @Test
  void aScriptRunsTheWholeLifecycleWithABearerToken() throws SQLException {
    ApiClient api = gale.api().withAuthorization("Bearer " + token());
    Database.Settings warehouse = TestingPostgres.shared().newDatabase();

    String workspaceId = api.post(PUBLIC + "/workspaces", Map.of("name", "scenario")).expect(200)
        .path("workspaceId").asText();
    JsonNode source = api.post(PUBLIC + "/sources", Map.of("name", "sample", "workspaceId", workspaceId,
        "configuration", Map.of("sourceType", "faker", "count", USERS, "seed", 7))).expect(200);
    String sourceId = source.path("sourceId").asText();
    assertThat(source.path("sourceType").asText()).isEqualTo("faker");
    JsonNode destination = api.post(PUBLIC + "/destinations", Map.of("name", "warehouse", "workspaceId", workspaceId,
        "configuration", postgres(warehouse))).expect(200);
    String destinationId = destination.path("destinationId").asText();
    assertThat(destination.path("configuration").path("password").asText()).isEqualTo("**********");

    JsonNode streams = api.get(PUBLIC + "/streams?sourceId=" + sourceId + "&destinationId=" + destinationId).expect(200);
    assertThat(streams.findValuesAsText("streamName")).contains("users", "products", "purchases");

    String connectionId = api.post(PUBLIC + "/connections", Map.of("name", "sample to warehouse",
        "sourceId", sourceId, "destinationId", destinationId,
        "schedule", Map.of("scheduleType", "manual"),
        "configurations", Map.of("streams", List.of(Map.of("name", "users", "syncMode", "full_refresh_overwrite")))))
        .expect(200).path("connectionId").asText();

    JsonNode first = runToEnd(api, connectionId);
    assertThat(first.path("status").asText()).isEqualTo("succeeded");
    assertThat(first.path("jobType").asText()).isEqualTo("sync");
    assertThat(first.path("rowsSynced").asLong()).isEqualTo(USERS).isEqualTo(count(warehouse, "SELECT count(*) FROM public.users"));
    assertThat(first.path("bytesSynced").asLong()).isPositive();
    assertThat(first.path("duration").asText()).startsWith("PT");
    runToEnd(api, connectionId);

    JsonNode page = api.get(PUBLIC + "/jobs?connectionId=" + connectionId + "&limit=1&orderBy=createdAt%7CASC").expect(200);
    assertThat(page.path("data")).hasSize(1);
    assertThat(page.path("data").get(0).path("jobId").asLong()).isEqualTo(first.path("jobId").asLong());
    assertThat(page.has("previous")).isFalse();
    JsonNode second = api.get(relative(page.path("next").asText())).expect(200);
    assertThat(second.path("data")).hasSize(1);
    assertThat(second.path("previous").asText()).contains("offset=0");
    assertThat(second.has("next")).isFalse();

    api.patch(PUBLIC + "/sources/" + sourceId, Map.of("configuration", Map.of("sourceType", "faker", "count", 5_000_000, "seed", 7)))
        .expect(200);
    long running = api.post(PUBLIC + "/jobs", Map.of("connectionId", connectionId, "jobType", "sync")).expect(200)
        .path("jobId").asLong();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> api.get(PUBLIC + "/jobs/" + running).expect(200).path("status").asText().equals("running"));
    api.delete(PUBLIC + "/jobs/" + running).expect(200);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> api.get(PUBLIC + "/jobs/" + running).expect(200).path("status").asText().equals("cancelled"));

    api.delete(PUBLIC + "/connections/" + connectionId).expect(204);
    api.delete(PUBLIC + "/sources/" + sourceId).expect(204);
    api.delete(PUBLIC + "/destinations/" + destinationId).expect(204);
    api.delete(PUBLIC + "/workspaces/" + workspaceId).expect(204);
    api.get(PUBLIC + "/connections/" + connectionId).expectProblem(404);
    api.get(PUBLIC + "/sources/" + sourceId).expectProblem(404);
    api.get(PUBLIC + "/destinations/" + destinationId).expectProblem(404);
    api.get(PUBLIC + "/workspaces/" + workspaceId).expectProblem(404);
  }

  @Test
  void wrongInputIsAProblemNeverAServerError() {
    ApiClient api = gale.api().withAuthorization("Bearer " + token());

    api.get(PUBLIC + "/sources/" + UUID.randomUUID()).expectProblem(404);
    api.get(PUBLIC + "/jobs/not-a-number").expectProblem(404);
    api.get(PUBLIC + "/jobs?limit=0").expectProblem(400);
    api.get(PUBLIC + "/workspaces?limit=101").expectProblem(400);
    api.send("POST", PUBLIC + "/workspaces", "{\"name\": ", "application/json").expectProblem(400);
    api.post(PUBLIC + "/sources", Map.of("name", 5, "workspaceId", UUID.randomUUID().toString(),
        "configuration", Map.of("sourceType", "faker"))).expectProblem(404);
    api.post(PUBLIC + "/jobs", Map.of("connectionId", UUID.randomUUID().toString(), "jobType", "sync")).expectProblem(404);
    api.post(PUBLIC + "/jobs", Map.of("connectionId", UUID.randomUUID().toString(), "jobType", "teleport")).expectProblem(400);
  }

  private static JsonNode runToEnd(ApiClient api, String connectionId) {
    long jobId = api.post(PUBLIC + "/jobs", Map.of("connectionId", connectionId, "jobType", "sync")).expect(200)
        .path("jobId").asLong();
    await().atMost(Duration.ofSeconds(60)).until(() -> List.of("succeeded", "failed", "cancelled")
        .contains(api.get(PUBLIC + "/jobs/" + jobId).expect(200).path("status").asText()));
    return api.get(PUBLIC + "/jobs/" + jobId).expect(200);
  }

  /** A bearer token for a new application, through the token endpoint as a script gets one. */
  private static String token() {
    JsonNode application = gale.api().post(PUBLIC + "/applications", Map.of("name", "scenario " + UUID.randomUUID()))
        .expect(200);
    return gale.api().withAuthorization(null).post(PUBLIC + "/applications/token", Map.of(
        "client_id", application.path("clientId").asText(), "client_secret", application.path("clientSecret").asText(),
        "grant_type", "client_credentials")).expect(200).path("access_token").asText();
  }

  private static JsonNode postgres(Database.Settings database) {
    String name = database.url().replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
    var config = Json.object().put("destinationType", "postgres").put("host", "localhost")
        .put("port", TestingPostgres.shared().port()).put("database", name).put("schema", "public")
        .put("username", database.user()).put("password", "not-needed-locally");
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }

  private static String relative(String absoluteLink) {
    return absoluteLink.replaceFirst("^https?://[^/]+", "");
  }

  private static long count(Database.Settings database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
