package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static dev.gale.server.api.ConnectionFixtures.connectionId;
import static dev.gale.server.api.ConnectionFixtures.createRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationsApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  private UUID workspaceId;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @BeforeEach
  void newWorkspace() {
    workspaceId = fixtures.newWorkspace("operations " + UUID.randomUUID());
  }

  @Test
  void checkSucceedsForEveryRunnableOperator() {
    assertThat(check(Json.parse("{\"operatorType\": \"normalization\", \"normalization\": {\"option\": \"basic\"}}")))
        .isEqualTo(Json.parse("{\"status\": \"succeeded\"}"));
    assertThat(check(dbt("https://github.com/acme/analytics.git")).path("status").asText()).isEqualTo("succeeded");
    assertThat(check(dbt("git@github.com:acme/analytics.git")).path("status").asText()).isEqualTo("succeeded");
    assertThat(check(fixtures.webhookOperator(workspaceId)).path("status").asText()).isEqualTo("succeeded");
    ObjectNode byUrl = Json.object().put("operatorType", "webhook");
    byUrl.putObject("webhook").put("webhookConfigId", fixtures.webhookConfigId(workspaceId))
        .put("executionUrl", "https://hooks.example.com/run").put("executionBody", "{\"cause\": \"gale\"}");
    assertThat(check(byUrl).path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void checkFailsWithTheReason() {
    assertFails(check(Json.parse("{\"operatorType\": \"normalization\"}")), "operatorConfiguration.normalization");
    assertFails(check(Json.parse("{\"operatorType\": \"dbt\"}")), "operatorConfiguration.dbt");
    assertFails(check(dbt("my analytics repo")), "operatorConfiguration.dbt.gitRepoUrl");
    assertFails(check(Json.parse("{\"operatorType\": \"webhook\", \"webhook\": {\"executionUrl\": \"https://x.example\"}}")),
        "operatorConfiguration.webhook.webhookConfigId");
    ObjectNode unknownHook = fixtures.webhookOperator(workspaceId);
    unknownHook.with("webhook").put("webhookConfigId", UUID.randomUUID().toString());
    assertFails(check(unknownHook), "No webhook config");
    ObjectNode noTarget = fixtures.webhookOperator(workspaceId);
    noTarget.with("webhook").remove(List.of("webhookType", "dbtCloud"));
    assertFails(check(noTarget), "operatorConfiguration.webhook.executionUrl");
    ObjectNode noJob = fixtures.webhookOperator(workspaceId);
    noJob.with("webhook").remove("dbtCloud");
    assertFails(check(noJob), "operatorConfiguration.webhook.dbtCloud");
  }

  @Test
  void checkOfAMalformedConfigurationIs422() {
    assertInvalid(api.post("/api/v1/operations/check", Json.object()), "operatorType");
    assertInvalid(api.post("/api/v1/operations/check", Json.object().put("operatorType", "docker")), "operatorType");
    assertInvalid(api.post("/api/v1/operations/check", Json.parse("{\"operatorType\": \"dbt\", \"dbt\": {}}")), "dbt.gitRepoUrl");
    assertInvalid(api.post("/api/v1/operations/check", Json.parse(
        "{\"operatorType\": \"webhook\", \"webhook\": {\"webhookType\": \"dbtCloud\", \"dbtCloud\": {\"accountId\": 1}}}")),
        "webhook.dbtCloud.jobId");
  }

  @Test
  void createdOperationsReadBackWithTheirOperatorOnly() {
    ObjectNode operator = fixtures.webhookOperator(workspaceId);
    operator.putObject("normalization").put("option", "basic");

    JsonNode created = create("dbt cloud job", operator).expect(200);

    assertThat(created.path("workspaceId").asText()).isEqualTo(workspaceId.toString());
    assertThat(created.path("name").asText()).isEqualTo("dbt cloud job");
    assertThat(created.path("operatorConfiguration")).isEqualTo(fixtures.webhookOperator(workspaceId));
    assertThat(get(created.path("operationId").asText()).expect(200)).isEqualTo(created);

    JsonNode normalization = create("normalize", Json.parse("{\"operatorType\": \"normalization\", \"normalization\": {}}")).expect(200);
    assertThat(normalization.at("/operatorConfiguration/normalization/option").asText()).isEqualTo("basic");
  }

  @Test
  void createChecksWorkspaceNameAndOperator() {
    ObjectNode request = Json.object().put("workspaceId", UUID.randomUUID().toString()).put("name", "x");
    request.set("operatorConfiguration", dbt("https://github.com/acme/analytics.git"));
    api.post("/api/v1/operations/create", request).expectError(404);

    assertInvalid(create(" ", dbt("https://github.com/acme/analytics.git")), "name");
    assertInvalid(create("dbt", Json.parse("{\"operatorType\": \"dbt\"}")), "operatorConfiguration.dbt");
    UUID otherWorkspace = fixtures.newWorkspace("other " + UUID.randomUUID());
    assertInvalid(create("foreign hook", fixtures.webhookOperator(otherWorkspace)), "operatorConfiguration.webhook.webhookConfigId");
    assertInvalid(api.post("/api/v1/operations/create", Json.object().put("workspaceId", workspaceId.toString())),
        "operatorConfiguration");
  }

  @Test
  void updateReplacesNameAndOperator() {
    JsonNode created = create("hook", fixtures.webhookOperator(workspaceId)).expect(200);
    String id = created.path("operationId").asText();

    JsonNode updated = update(id, "transform", dbt("https://github.com/acme/analytics.git")).expect(200);

    assertThat(updated.path("name").asText()).isEqualTo("transform");
    assertThat(updated.path("operatorConfiguration")).isEqualTo(dbt("https://github.com/acme/analytics.git"));
    assertThat(updated.path("workspaceId")).isEqualTo(created.path("workspaceId"));
    assertThat(get(id).expect(200)).isEqualTo(updated);
    assertInvalid(update(id, "transform", dbt("nowhere")), "operatorConfiguration.dbt.gitRepoUrl");
    assertInvalid(update(id, "", dbt("https://github.com/acme/analytics.git")), "name");
    update(UUID.randomUUID().toString(), "x", dbt("https://github.com/acme/analytics.git")).expectError(404);
  }

  @Test
  void listShowsAConnectionsOperationsInOrder() {
    String first = create("first", fixtures.webhookOperator(workspaceId)).expect(200).path("operationId").asText();
    String second = create("second", dbt("https://github.com/acme/analytics.git")).expect(200).path("operationId").asText();
    JsonNode connection = newConnection(second, first);

    JsonNode list = api.post("/api/v1/operations/list", connectionId(connection)).expect(200);

    assertThat(ids(list)).containsExactly(second, first);
    api.post("/api/v1/operations/list", Json.object().put("connectionId", UUID.randomUUID().toString())).expectError(404);
  }

  @Test
  void deleteTombstonesTheOperationAndTakesItOffItsConnections() {
    String kept = create("kept", fixtures.webhookOperator(workspaceId)).expect(200).path("operationId").asText();
    String deleted = create("deleted", dbt("https://github.com/acme/analytics.git")).expect(200).path("operationId").asText();
    JsonNode connection = newConnection(deleted, kept);

    api.post("/api/v1/operations/delete", Json.object().put("operationId", deleted)).expect(204);

    get(deleted).expectError(404);
    update(deleted, "again", dbt("https://github.com/acme/analytics.git")).expectError(404);
    api.post("/api/v1/operations/delete", Json.object().put("operationId", deleted)).expectError(404);
    assertThat(ids(api.post("/api/v1/operations/list", connectionId(connection)).expect(200))).containsExactly(kept);
    assertThat(api.post("/api/v1/connections/get", connectionId(connection)).expect(200).path("operationIds"))
        .isEqualTo(Json.parse("[\"" + kept + "\"]"));
  }

  private JsonNode newConnection(String... operationIds) {
    ObjectNode request = createRequest(fixtures.source(workspaceId, "faker"), fixtures.destination(workspaceId, "nowhere"));
    var ids = request.putArray("operationIds");
    for (String id : operationIds) {
      ids.add(id);
    }
    return fixtures.createConnection(request);
  }

  private static JsonNode check(JsonNode operator) {
    return api.post("/api/v1/operations/check", operator).expect(200);
  }

  private static void assertFails(JsonNode checked, String reason) {
    assertThat(checked.path("status").asText()).isEqualTo("failed");
    assertThat(checked.path("message").asText()).contains(reason);
  }

  private ApiResponse create(String name, JsonNode operator) {
    ObjectNode request = Json.object().put("workspaceId", workspaceId.toString()).put("name", name);
    request.set("operatorConfiguration", operator);
    return api.post("/api/v1/operations/create", request);
  }

  private static ApiResponse update(String operationId, String name, JsonNode operator) {
    ObjectNode request = Json.object().put("operationId", operationId).put("name", name);
    request.set("operatorConfiguration", operator);
    return api.post("/api/v1/operations/update", request);
  }

  private static ApiResponse get(String operationId) {
    return api.post("/api/v1/operations/get", Json.object().put("operationId", operationId));
  }

  private static ObjectNode dbt(String gitRepoUrl) {
    ObjectNode operator = Json.object().put("operatorType", "dbt");
    operator.putObject("dbt").put("gitRepoUrl", gitRepoUrl).put("gitRepoBranch", "main");
    return operator;
  }

  private static List<String> ids(JsonNode operationReadList) {
    List<String> ids = new ArrayList<>();
    operationReadList.path("operations").forEach(operation -> ids.add(operation.path("operationId").asText()));
    return ids;
  }
}
