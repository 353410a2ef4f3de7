package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.connectionId;
import static dev.gale.server.api.ConnectionFixtures.createRequest;
import static dev.gale.server.api.ConnectionFixtures.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.testing.ApiClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code connections/search} across workspaces. One server holds two workspaces: in the first, "alpha" (active,
 * hourly) and "beta" (inactive, manual) share a source; "gamma" in the second has its own source and destination,
 * and so had "delta", which is deleted.
 */
class ConnectionSearchApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;
  private static UUID firstWorkspace;
  private static UUID secondWorkspace;
  private static Actor sharedSource;
  private static Actor firstDestination;
  private static Actor otherSource;

  @BeforeAll
  static void connections() {
    api = fixtures.api;
    firstWorkspace = fixtures.newWorkspace("search one");
    secondWorkspace = fixtures.newWorkspace("search two");
    sharedSource = fixtures.source(firstWorkspace, "shared faker");
    firstDestination = fixtures.destination(firstWorkspace, "first nowhere");
    otherSource = fixtures.actor(secondWorkspace, ConnectionFixtures.SAMPLE_DATA, ActorType.SOURCE,
        "other faker", "{\"count\": 99, \"seed\": 7}");
    Actor otherDestination = fixtures.destination(secondWorkspace, "other nowhere");

    ObjectNode alpha = createRequest(sharedSource, firstDestination).put("name", "alpha").put("prefix", "a_");
    alpha.set("schedule", Json.parse("{\"units\": 1, \"timeUnit\": \"hours\"}"));
    fixtures.createConnection(alpha);
    fixtures.createConnection(createRequest(sharedSource, firstDestination).put("name", "beta").put("status", "inactive"));
    fixtures.createConnection(createRequest(otherSource, otherDestination).put("name", "gamma")
        .put("namespaceDefinition", "destination"));
    JsonNode deleted = fixtures.createConnection(createRequest(otherSource, otherDestination).put("name", "delta"));
    api.post("/api/v1/connections/delete", connectionId(deleted)).expect(204);
  }

  @Test
  void anEmptySearchFindsEveryLiveConnection() {
    assertThat(search(Json.object())).containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void connectionFieldsMatchExactly() {
    assertThat(search(Json.object().put("name", "beta"))).containsExactly("beta");
    assertThat(search(Json.object().put("name", "bet"))).as("names match whole").isEmpty();
    assertThat(search(Json.object().put("status", "inactive"))).containsExactly("beta");
    assertThat(search(Json.object().put("prefix", "a_"))).containsExactly("alpha");
    assertThat(search(Json.object().put("namespaceDefinition", "destination"))).containsExactly("gamma");
    assertThat(search(Json.object().put("scheduleType", "manual"))).containsExactly("beta", "gamma");
    assertThat(search(Json.object().put("sourceId", sharedSource.id().toString()))).containsExactly("alpha", "beta");
    assertThat(search(Json.object().put("sourceId", sharedSource.id().toString()).put("status", "active")))
        .containsExactly("alpha");
    ObjectNode hourly = Json.object();
    hourly.set("schedule", Json.parse("{\"units\": 1, \"timeUnit\": \"hours\"}"));
    assertThat(search(hourly)).containsExactly("alpha");
    ObjectNode byData = Json.object();
    byData.set("scheduleData", Json.parse("{\"basicSchedule\": {\"timeUnit\": \"hours\", \"units\": 1}}"));
    assertThat(search(byData)).containsExactly("alpha");
  }

  @Test
  void blankTextsAreNoCriterion() {
    assertThat(search(Json.object().put("name", " ").put("prefix", "").put("namespaceFormat", "null")))
        .containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void sourceAndDestinationCriteriaMatchTheirActors() {
    assertThat(search(nested("source", Json.object().put("workspaceId", secondWorkspace.toString()))))
        .containsExactly("gamma");
    assertThat(search(nested("source", Json.object().put("name", "shared faker")))).containsExactly("alpha", "beta");
    assertThat(search(nested("source", Json.object().put("sourceId", otherSource.id().toString())))).containsExactly("gamma");
    assertThat(search(nested("source", Json.object().put("sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString()))))
        .hasSize(3);
    assertThat(search(nested("source", Json.object().put("sourceDefinitionId", UUID.randomUUID().toString())))).isEmpty();
    assertThat(search(nested("destination", Json.object().put("destinationId", firstDestination.id().toString())
        .put("workspaceId", firstWorkspace.toString())))).containsExactly("alpha", "beta");
    assertThat(search(nested("destination", Json.object().put("destinationDefinitionId", ConnectionFixtures.DEV_NULL.toString())
        .put("name", "other nowhere")))).containsExactly("gamma");
  }

  @Test
  void definitionNamesAndConfigurationsMatchToo() {
    String sampleData = api.post("/api/v1/source_definitions/get", Json.object()
        .put("sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString())).expect(200).path("name").asText();
    assertThat(search(nested("source", Json.object().put("sourceName", sampleData)))).hasSize(3);
    assertThat(search(nested("source", Json.object().put("sourceName", "Postgres")))).isEmpty();

    ObjectNode byCount = Json.object();
    byCount.putObject("connectionConfiguration").put("count", 99);
    assertThat(search(nested("source", byCount))).containsExactly("gamma");
    byCount.with("connectionConfiguration").put("seed", 1);
    assertThat(search(nested("source", byCount))).isEmpty();
  }

  @Test
  void deletedConnectionsAreFoundOnlyWhenAskedFor() {
    assertThat(search(Json.object().put("name", "delta"))).isEmpty();
    assertThat(search(Json.object().put("status", "deprecated"))).containsExactly("delta");
  }

  @Test
  void aWrongTypeIs422() {
    JsonNode error = api.post("/api/v1/connections/search", Json.object().put("sourceId", "nope")).expectError(422);
    assertThat(error.path("validationErrors").findValuesAsText("propertyPath")).containsExactly("sourceId");
  }

  private static List<String> search(ObjectNode criteria) {
    return names(api.post("/api/v1/connections/search", criteria).expect(200));
  }

  private static ObjectNode nested(String actor, ObjectNode criteria) {
    ObjectNode search = Json.object();
    search.set(actor, criteria);
    return search;
  }
}
