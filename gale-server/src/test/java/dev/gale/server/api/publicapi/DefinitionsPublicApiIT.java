package dev.gale.server.api.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Public API's connector definitions and a workspace's custom source and destination definitions. */
class DefinitionsPublicApiIT {
  static final String PUBLIC = "/api/public/v1";
  private static final String FAKER = SampleDataSource.DEFINITION_ID.toString();
  private static final String DEV_NULL = DevNullDestination.DEFINITION_ID.toString();

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "bearer"})
  void customSourceDefinitionLifecycle(String auth) {
    ApiClient api = client(gale, auth);
    String workspace = newWorkspace(gale, "custom sources " + auth);
    String sources = PUBLIC + "/workspaces/" + workspace + "/definitions/sources";

    JsonNode created = api.post(sources, Map.of("name", "Pinned Faker", "dockerRepository", "airbyte/source-faker",
        "dockerImageTag", "6.2.20", "documentationUrl", "https://example.com/faker")).expect(200);
    String id = created.path("id").asText();
    assertThat(created).isEqualTo(Json.parse("""
        {"id": "%s", "name": "Pinned Faker", "dockerRepository": "airbyte/source-faker", "dockerImageTag": "6.2.20",
         "documentationUrl": "https://example.com/faker"}""".formatted(id)));

    JsonNode listed = api.get(sources).expect(200);
    assertThat(listed.path("data").findValuesAsText("id")).contains(id, FAKER);
    assertThat(listed.has("next")).isFalse();
    assertThat(api.get(sources + "/" + id).expect(200)).isEqualTo(created);
    assertThat(api.get(sources + "/" + FAKER).expect(200).path("dockerRepository").asText()).isEqualTo("airbyte/source-faker");

    JsonNode updated = api.put(sources + "/" + id, Map.of("name", "Faker, renamed", "dockerImageTag", "6.3.0")).expect(200);
    assertThat(updated.path("name").asText()).isEqualTo("Faker, renamed");
    assertThat(updated.path("dockerImageTag").asText()).isEqualTo("6.3.0");
    assertThat(updated.path("documentationUrl").asText()).isEqualTo("https://example.com/faker");
    assertThat(api.get(sources + "/" + id).expect(200)).isEqualTo(updated);

    assertThat(api.delete(sources + "/" + id).expect(200)).isEqualTo(updated);
    api.get(sources + "/" + id).expectProblem(404);
    api.delete(sources + "/" + id).expectProblem(404);
    assertThat(api.get(sources).expect(200).path("data").findValuesAsText("id")).doesNotContain(id).contains(FAKER);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "bearer"})
  void customDestinationDefinitionLifecycle(String auth) {
    ApiClient api = client(gale, auth);
    String workspace = newWorkspace(gale, "custom destinations " + auth);
    String destinations = PUBLIC + "/workspaces/" + workspace + "/definitions/destinations";

    JsonNode created = api.post(destinations, Map.of("name", "Black hole", "dockerRepository",
        "airbyte/destination-dev-null", "dockerImageTag", "0.1.0")).expect(200);
    String id = created.path("id").asText();
    assertThat(created.has("documentationUrl")).isFalse();

    assertThat(api.get(destinations).expect(200).path("data").findValuesAsText("id")).contains(id, DEV_NULL);
    assertThat(api.get(destinations + "/" + id).expect(200)).isEqualTo(created);
    JsonNode updated = api.put(destinations + "/" + id, Map.of("name", "Bigger hole", "dockerImageTag", "0.1.0")).expect(200);
    assertThat(updated.path("name").asText()).isEqualTo("Bigger hole");
    assertThat(api.delete(destinations + "/" + id).expect(200)).isEqualTo(updated);
    api.get(destinations + "/" + id).expectProblem(404);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "bearer"})
  void connectorDefinitionsListEitherType(String auth) {
    ApiClient api = client(gale, auth);
    JsonNode sources = api.get(PUBLIC + "/connector_definitions?type=source").expect(200).path("data");
    JsonNode faker = find(sources, FAKER);
    assertThat(faker.path("connectorDefinitionType").asText()).isEqualTo("source");
    assertThat(faker.path("name").asText()).contains("Faker");
    assertThat(faker.path("version").asText()).isNotBlank();
    assertThat(sources.findValuesAsText("connectorDefinitionType")).containsOnly("source");

    JsonNode destinations = api.get(PUBLIC + "/connector_definitions?type=destination").expect(200).path("data");
    assertThat(find(destinations, DEV_NULL).path("connectorDefinitionType").asText()).isEqualTo("destination");
    assertThat(destinations.findValuesAsText("id")).doesNotContain(FAKER);
  }

  @Test
  void connectorDefinitionsOfAWorkspaceIncludeItsCustomOnesAndNoOneElses() {
    String mine = newWorkspace(gale, "connector definitions mine");
    String theirs = newWorkspace(gale, "connector definitions theirs");
    String custom = gale.api().post(PUBLIC + "/workspaces/" + theirs + "/definitions/sources", Map.of("name", "Theirs",
        "dockerRepository", "airbyte/source-faker", "dockerImageTag", "1.0.0")).expect(200).path("id").asText();

    JsonNode forTheirs = gale.api().get(PUBLIC + "/connector_definitions?type=source&workspaceId=" + theirs).expect(200);
    assertThat(find(forTheirs.path("data"), custom).path("version").asText()).isEqualTo("1.0.0");
    assertThat(gale.api().get(PUBLIC + "/connector_definitions?type=source&workspaceId=" + mine).expect(200)
        .path("data").findValuesAsText("id")).contains(FAKER).doesNotContain(custom);
    assertThat(gale.api().get(PUBLIC + "/connector_definitions?type=source").expect(200)
        .path("data").findValuesAsText("id")).contains(FAKER).doesNotContain(custom);
  }

  @Test
  void connectorDefinitionsNeedAKnownTypeAndWorkspace() {
    assertThat(gale.api().get(PUBLIC + "/connector_definitions").expectProblem(400).path("detail").asText()).contains("type");
    gale.api().get(PUBLIC + "/connector_definitions?type=sauce").expectProblem(400);
    gale.api().get(PUBLIC + "/connector_definitions?type=source&workspaceId=" + UUID.randomUUID()).expectProblem(404);
    gale.api().get(PUBLIC + "/connector_definitions?type=source&workspaceId=nope").expectProblem(400);
    gale.api().withAuthorization(null).get(PUBLIC + "/connector_definitions?type=source").expectProblem(401);
  }

  @Test
  void aRepositoryGaleCannotRunIs422ListingTheRunnableOnes() {
    String workspace = newWorkspace(gale, "unrunnable");
    JsonNode problem = gale.api().post(PUBLIC + "/workspaces/" + workspace + "/definitions/sources", Map.of("name",
        "Stripe", "dockerRepository", "airbyte/source-stripe", "dockerImageTag", "5.0.0")).expectProblem(422);

    assertThat(problem.path("detail").asText()).contains("airbyte/source-stripe", "cannot pull or run",
        "airbyte/source-faker", "airbyte/source-postgres").doesNotContain("airbyte/destination-dev-null");
    // A destination's repository does not make a source definition either.
    gale.api().post(PUBLIC + "/workspaces/" + workspace + "/definitions/sources", Map.of("name", "Backwards",
        "dockerRepository", "airbyte/destination-dev-null", "dockerImageTag", "1")).expectProblem(422);
  }

  @Test
  void builtInDefinitionsCannotBeChangedOrDeletedByAWorkspace() {
    String workspace = newWorkspace(gale, "built-ins");
    String sources = PUBLIC + "/workspaces/" + workspace + "/definitions/sources/";
    String destinations = PUBLIC + "/workspaces/" + workspace + "/definitions/destinations/";

    JsonNode problem = gale.api().put(sources + FAKER, Map.of("name", "Mine now", "dockerImageTag", "9.9.9")).expectProblem(403);
    assertThat(problem.path("detail").asText()).contains("built into Gale");
    gale.api().delete(sources + FAKER).expectProblem(403);
    gale.api().delete(destinations + DEV_NULL).expectProblem(403);
    assertThat(gale.api().get(sources + FAKER).expect(200).path("name").asText()).doesNotContain("Mine now");
  }

  @Test
  void anotherWorkspacesCustomDefinitionIsNotFound() {
    String owner = newWorkspace(gale, "owner");
    String stranger = newWorkspace(gale, "stranger");
    String id = gale.api().post(PUBLIC + "/workspaces/" + owner + "/definitions/sources", Map.of("name", "Private",
        "dockerRepository", "airbyte/source-faker", "dockerImageTag", "1.0.0")).expect(200).path("id").asText();
    String strangers = PUBLIC + "/workspaces/" + stranger + "/definitions/sources/" + id;

    gale.api().get(strangers).expectProblem(404);
    gale.api().put(strangers, Map.of("name", "Taken", "dockerImageTag", "1.0.0")).expectProblem(404);
    gale.api().delete(strangers).expectProblem(404);
    assertThat(gale.api().get(PUBLIC + "/workspaces/" + stranger + "/definitions/sources").expect(200)
        .path("data").findValuesAsText("id")).doesNotContain(id);
    assertThat(gale.api().get(PUBLIC + "/workspaces/" + owner + "/definitions/sources/" + id).expect(200)
        .path("name").asText()).isEqualTo("Private");
  }

  @Test
  void unknownWorkspacesAndDefinitionsAre404() {
    String workspace = newWorkspace(gale, "unknowns");
    String base = PUBLIC + "/workspaces/" + workspace + "/definitions/";
    String nowhere = PUBLIC + "/workspaces/" + UUID.randomUUID() + "/definitions/";

    gale.api().get(nowhere + "sources").expectProblem(404);
    gale.api().get(nowhere + "destinations/" + DEV_NULL).expectProblem(404);
    gale.api().post(nowhere + "sources", Map.of("name", "x", "dockerRepository", "airbyte/source-faker",
        "dockerImageTag", "1")).expectProblem(404);
    gale.api().get(PUBLIC + "/workspaces/not-a-uuid/definitions/sources").expectProblem(404);
    gale.api().get(base + "sources/" + UUID.randomUUID()).expectProblem(404);
    gale.api().get(base + "sources/not-a-uuid").expectProblem(404);
    gale.api().put(base + "destinations/" + UUID.randomUUID(), Map.of("name", "x", "dockerImageTag", "1")).expectProblem(404);
    gale.api().delete(base + "destinations/" + UUID.randomUUID()).expectProblem(404);
    // A definition is found only under its own type.
    gale.api().get(base + "destinations/" + FAKER).expectProblem(404);
    gale.api().get(base + "sources/" + DEV_NULL).expectProblem(404);
  }

  @Test
  void badBodiesAre4xxProblems() {
    String workspace = newWorkspace(gale, "bad bodies");
    String sources = PUBLIC + "/workspaces/" + workspace + "/definitions/sources";
    String custom = gale.api().post(sources, Map.of("name", "Target", "dockerRepository", "airbyte/source-faker",
        "dockerImageTag", "1.0.0")).expect(200).path("id").asText();

    gale.api().post(sources, "{\"name\": \"broken\",").expectProblem(400);
    JsonNode missing = gale.api().post(sources, Map.of("name", "No image")).expectProblem(422);
    assertThat(missing.path("detail").asText()).contains("dockerRepository", "dockerImageTag");
    gale.api().post(sources, "{\"name\": {\"first\": \"x\"}, \"dockerRepository\": \"airbyte/source-faker\", "
        + "\"dockerImageTag\": \"1\"}").expectProblem(422);
    gale.api().post(sources, Map.of("name", " ", "dockerRepository", "airbyte/source-faker", "dockerImageTag", "1"))
        .expectProblem(422);
    gale.api().post(sources, Map.of("name", "x".repeat(300), "dockerRepository", "airbyte/source-faker",
        "dockerImageTag", "1")).expectProblem(422);
    gale.api().send("PUT", sources + "/" + custom, "[1, 2]", "application/json").expectProblem(422);
    gale.api().put(sources + "/" + custom, Map.of("name", "Only a name")).expectProblem(422);
    gale.api().put(sources + "/" + custom, Map.of("name", "", "dockerImageTag", "1.0.0")).expectProblem(422);
    gale.api().send("PUT", sources + "/" + custom, "not json", "application/json").expectProblem(400);
    assertThat(gale.api().get(sources + "/" + custom).expect(200).path("name").asText()).isEqualTo("Target");
  }

  static ApiClient client(GaleServerExtension gale, String auth) {
    return switch (auth) {
      case "basic" -> gale.api();
      case "bearer" -> gale.api().withAuthorization("Bearer " + token(gale));
      default -> throw new IllegalArgumentException(auth);
    };
  }

  private static String token(GaleServerExtension gale) {
    JsonNode application = gale.api().post(PUBLIC + "/applications", Map.of("name", "definitions " + UUID.randomUUID()))
        .expect(200);
    return gale.api().withAuthorization(null).post(PUBLIC + "/applications/token", Map.of(
            "grant_type", "client_credentials", "client_id", application.path("clientId").asText(),
            "client_secret", application.path("clientSecret").asText()))
        .expect(200).path("access_token").asText();
  }

  static String newWorkspace(GaleServerExtension gale, String name) {
    return gale.api().post("/api/v1/workspaces/create", Map.of("name", name)).expect(200).path("workspaceId").asText();
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode item : list) {
      if (item.path("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no " + id + " in " + list);
  }
}
