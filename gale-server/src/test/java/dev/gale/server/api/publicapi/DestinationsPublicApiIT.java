package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicApiCalls.MASK;
import static dev.gale.server.api.publicapi.PublicApiCalls.delete;
import static dev.gale.server.api.publicapi.PublicApiCalls.get;
import static dev.gale.server.api.publicapi.PublicApiCalls.patch;
import static dev.gale.server.api.publicapi.PublicApiCalls.post;
import static dev.gale.server.api.publicapi.PublicApiCalls.put;
import static dev.gale.server.api.publicapi.PublicApiCalls.walk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.files.LocalJsonDestination;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.GaleServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/public/v1/destinations}: CRUD with tokens, PATCH and PUT semantics, masking, and wrong requests. */
class DestinationsPublicApiIT {
  private static final String PASSWORD = "pg-dest-0a93f1-do-not-show";

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  private static ApiClient bearer;

  private String workspaceId;
  private final List<String> answers = new ArrayList<>();

  @BeforeAll
  static void token() {
    bearer = PublicApiCalls.bearer(gale);
  }

  @BeforeEach
  void newWorkspace() {
    workspaceId = post(bearer, "/workspaces", Map.of("name", "destinations " + UUID.randomUUID())).expect(200)
        .path("workspaceId").asText();
  }

  @AfterEach
  void noAnswerShowedThePassword() {
    assertThat(answers).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(PASSWORD));
  }

  @Test
  void destinationIsCreatedByTypeReadChangedAndDeleted() {
    JsonNode created = seen(post(bearer, "/destinations", Map.of("name", "Sink", "workspaceId", workspaceId,
        "configuration", devNull()))).expect(200);
    String id = created.path("destinationId").asText();
    assertThat(created.path("destinationType").asText()).isEqualTo("dev-null");
    assertThat(created.path("definitionId").asText()).isEqualTo(DevNullDestination.DEFINITION_ID.toString());
    assertThat(created.path("workspaceId").asText()).isEqualTo(workspaceId);
    assertThat(created.path("createdAt").asLong()).isPositive();
    assertThat(seen(get(bearer, "/destinations/" + id)).expect(200)).isEqualTo(created);

    JsonNode renamed = seen(patch(bearer, "/destinations/" + id, Map.of("name", "Renamed sink"))).expect(200);
    assertThat(renamed.path("name").asText()).isEqualTo("Renamed sink");
    assertThat(renamed.path("configuration")).isEqualTo(created.path("configuration"));
    // The merged configuration is validated whole: this destination only knows the SILENT mode.
    assertThat(seen(patch(bearer, "/destinations/" + id, Map.of("configuration", Map.of("test_destination",
        Map.of("test_destination_type", "LOGGING"))))).expectProblem(422).path("detail").asText())
        .contains("configuration.test_destination");
    assertThat(seen(get(bearer, "/destinations/" + id)).expect(200).path("configuration"))
        .isEqualTo(created.path("configuration"));

    JsonNode replaced = seen(put(bearer, "/destinations/" + id, Map.of("name", "Silent", "configuration", devNull())))
        .expect(200);
    assertThat(replaced.path("configuration")).isEqualTo(created.path("configuration"));

    seen(delete(bearer, "/destinations/" + id)).expect(204);
    seen(get(bearer, "/destinations/" + id)).expectProblem(404);
    assertThat(seen(get(bearer, "/destinations?includeDeleted=true&workspaceIds=" + workspaceId)).expect(200)
        .path("data").findValuesAsText("destinationId")).containsExactly(id);
  }

  @Test
  void postgresPasswordIsMaskedAndSurvivesAPatch() {
    JsonNode created = seen(post(bearer, "/destinations", Map.of("name", "Warehouse", "workspaceId", workspaceId,
        "definitionId", PostgresDestination.DEFINITION_ID.toString(), "configuration", postgresConfig()))).expect(200);
    String id = created.path("destinationId").asText();
    assertThat(created.path("destinationType").asText()).isEqualTo("postgres");
    assertThat(created.at("/configuration/password").asText()).isEqualTo(MASK);

    JsonNode patched = seen(patch(bearer, "/destinations/" + id, Map.of("configuration", Map.of("schema", "analytics"))))
        .expect(200);
    assertThat(patched.at("/configuration/schema").asText()).isEqualTo("analytics");
    assertThat(patched.at("/configuration/password").asText()).isEqualTo(MASK);
    String stored = gale.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT configuration FROM actor WHERE id = :id").bind("id", UUID.fromString(id))
        .mapTo(String.class).one());
    assertThat(stored).doesNotContain(PASSWORD).contains("\"password\"");
    assertThat(seen(get(bearer, "/destinations?workspaceIds=" + workspaceId)).expect(200)
        .at("/data/0/configuration/password").asText()).isEqualTo(MASK);
  }

  @Test
  void listsPage() {
    for (int i = 0; i < 3; i++) {
      seen(post(bearer, "/destinations", Map.of("name", "sink " + i, "workspaceId", workspaceId,
          "definitionId", LocalJsonDestination.DEFINITION_ID.toString(),
          "configuration", Map.of("destination_path", "/local/out" + i)))).expect(200);
    }
    List<JsonNode> rows = walk(bearer, "/destinations?workspaceIds=" + workspaceId + "&limit=2", 2);
    assertThat(rows.stream().map(row -> row.path("name").asText()).toList()).containsExactly("sink 0", "sink 1", "sink 2");
    assertThat(rows).allSatisfy(row -> assertThat(row.path("destinationType").asText()).isEqualTo("local-json"));
    answers.add(rows.toString());
  }

  @Test
  void wrongRequestsAre4xxProblems() {
    seen(post(bearer, "/destinations", "not json")).expectProblem(400);
    seen(post(bearer, "/destinations", Map.of("workspaceId", workspaceId, "configuration", devNull()))).expectProblem(422);
    assertThat(seen(post(bearer, "/destinations", Map.of("name", "No type", "workspaceId", workspaceId,
        "configuration", Map.of()))).expectProblem(422).path("detail").asText()).contains("destinationType");
    seen(post(bearer, "/destinations", Map.of("name", "Invalid", "workspaceId", workspaceId,
        "configuration", Map.of("destinationType", "dev-null")))).expectProblem(422);
    seen(post(bearer, "/destinations", Map.of("name", "Source definition", "workspaceId", workspaceId,
        "definitionId", SampleDataSource.DEFINITION_ID.toString(), "configuration", devNull()))).expectProblem(404);
    seen(post(bearer, "/destinations", Map.of("name", "Wrong type", "workspaceId", workspaceId,
        "configuration", Map.of("destinationType", 7)))).expectProblem(422);
    seen(get(bearer, "/destinations/" + UUID.randomUUID())).expectProblem(404);
    seen(get(bearer, "/destinations/zzz")).expectProblem(404);
    seen(put(bearer, "/destinations/" + UUID.randomUUID(), Map.of("name", "x", "configuration", devNull())))
        .expectProblem(404);
    seen(get(bearer, "/destinations?includeDeleted=yes")).expectProblem(400);
  }

  private ApiResponse seen(ApiResponse response) {
    answers.add(response.rawBody());
    return response;
  }

  private static ObjectNode devNull() {
    ObjectNode config = Json.object().put("destinationType", "dev-null");
    config.putObject("test_destination").put("test_destination_type", "SILENT");
    return config;
  }

  private static ObjectNode postgresConfig() {
    ObjectNode config = Json.object().put("host", "db.internal").put("port", 5432).put("database", "warehouse")
        .put("username", "writer").put("password", PASSWORD).put("schema", "public");
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }
}
