package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.server.testing.GaleServerExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DefinitionsApiIT {
  private static final String FAKER = SampleDataSource.DEFINITION_ID.toString();
  private static final String DEV_NULL = DevNullDestination.DEFINITION_ID.toString();

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  private static String newWorkspace(String name) {
    return gale.api().post("/api/v1/workspaces/create", Map.of("name", name)).expect(200).path("workspaceId").asText();
  }

  private static Map<String, Object> fakerImage(String name, String tag) {
    return Map.of("name", name, "dockerRepository", "airbyte/source-faker", "dockerImageTag", tag,
        "documentationUrl", "https://example.com/docs/faker");
  }

  @Test
  void builtInConnectorsAreListedWithStableIds() {
    JsonNode sources = gale.api().send("POST", "/api/v1/source_definitions/list", null, null).expect(200).path("sourceDefinitions");
    JsonNode faker = find(sources, "sourceDefinitionId", FAKER);
    assertThat(faker.path("dockerRepository").asText()).isEqualTo("airbyte/source-faker");
    assertThat(faker.path("sourceType").asText()).isEqualTo("api");
    assertThat(faker.path("custom").asBoolean()).isFalse();

    JsonNode destinations = gale.api().send("POST", "/api/v1/destination_definitions/list", null, null).expect(200)
        .path("destinationDefinitions");
    JsonNode devNull = find(destinations, "destinationDefinitionId", DEV_NULL);
    assertThat(devNull.path("dockerRepository").asText()).isEqualTo("airbyte/destination-dev-null");
    assertThat(devNull.path("normalizationConfig").path("supported").asBoolean()).isFalse();

    assertThat(gale.api().send("POST", "/api/v1/source_definitions/list_latest", null, null).expect(200).path("sourceDefinitions")
        .findValuesAsText("sourceDefinitionId")).contains(FAKER);
    assertThat(gale.api().send("POST", "/api/v1/destination_definitions/list_latest", null, null).expect(200).path("destinationDefinitions")
        .findValuesAsText("destinationDefinitionId")).contains(DEV_NULL);
  }

  @Test
  void getFindsADefinitionOnlyUnderItsOwnType() {
    JsonNode faker = gale.api().post("/api/v1/source_definitions/get", Map.of("sourceDefinitionId", FAKER)).expect(200);
    assertThat(faker.path("name").asText()).contains("Faker");
    gale.api().post("/api/v1/destination_definitions/get", Map.of("destinationDefinitionId", FAKER)).expectError(404);
    gale.api().post("/api/v1/source_definitions/get", Map.of("sourceDefinitionId", UUID.randomUUID().toString())).expectError(404);
  }

  @Test
  void specificationsCarryTheConnectorsJsonSchema() {
    String workspace = newWorkspace("Specs");
    JsonNode spec = gale.api().post("/api/v1/source_definition_specifications/get",
        Map.of("sourceDefinitionId", FAKER, "workspaceId", workspace)).expect(200);
    assertThat(spec.at("/connectionSpecification/properties/count/type").asText()).isEqualTo("integer");
    assertThat(spec.at("/connectionSpecification/properties").has("records_per_slice")).isTrue();
    assertThat(spec.path("jobInfo").path("succeeded").asBoolean()).isTrue();
    assertThat(spec.path("jobInfo").path("configType").asText()).isEqualTo("get_spec");

    JsonNode destination = gale.api().post("/api/v1/destination_definition_specifications/get",
        Map.of("destinationDefinitionId", DEV_NULL, "workspaceId", workspace)).expect(200);
    assertThat(destination.path("supportedDestinationSyncModes").findValuesAsText("")).isEmpty();
    assertThat(destination.path("supportedDestinationSyncModes").toString()).contains("overwrite", "append");

    gale.api().post("/api/v1/source_definition_specifications/get",
        Map.of("sourceDefinitionId", FAKER, "workspaceId", UUID.randomUUID().toString())).expectError(404);
  }

  @Test
  void aCustomDefinitionIsPrivateToItsWorkspaceUntilGranted() {
    String owner = newWorkspace("Owner");
    String other = newWorkspace("Other");
    JsonNode custom = gale.api().post("/api/v1/source_definitions/create_custom", Map.of("workspaceId", owner,
        "sourceDefinition", fakerImage("Pinned Faker", "6.2.21"))).expect(200);
    String id = custom.path("sourceDefinitionId").asText();
    assertThat(custom.path("custom").asBoolean()).isTrue();
    assertThat(custom.path("releaseStage").asText()).isEqualTo("custom");
    assertThat(custom.path("sourceType").asText()).isEqualTo("custom");

    assertThat(visibleTo(owner)).contains(id, FAKER);
    assertThat(visibleTo(other)).contains(FAKER).doesNotContain(id);
    gale.api().post("/api/v1/source_definitions/get_for_workspace", Map.of("sourceDefinitionId", id, "workspaceId", other)).expectError(404);

    JsonNode privateForOther = gale.api().post("/api/v1/source_definitions/list_private", Map.of("workspaceId", other)).expect(200);
    assertThat(find(privateForOther.path("sourceDefinitions"), id).path("granted").asBoolean()).isFalse();

    JsonNode granted = gale.api().post("/api/v1/source_definitions/grant_definition", Map.of("sourceDefinitionId", id, "workspaceId", other)).expect(200);
    assertThat(granted.path("granted").asBoolean()).isTrue();
    assertThat(visibleTo(other)).contains(id);
    assertThat(gale.api().post("/api/v1/source_definitions/get_for_workspace", Map.of("sourceDefinitionId", id, "workspaceId", other))
        .expect(200).path("name").asText()).isEqualTo("Pinned Faker");

    gale.api().post("/api/v1/source_definitions/revoke_definition", Map.of("sourceDefinitionId", id, "workspaceId", other)).expect(204);
    assertThat(visibleTo(other)).doesNotContain(id);
  }

  @Test
  void customDefinitionsMustNameAConnectorGaleRuns() {
    String workspace = newWorkspace("Images");
    JsonNode error = gale.api().post("/api/v1/source_definitions/create_custom", Map.of("workspaceId", workspace,
        "sourceDefinition", Map.of("name", "Mystery", "dockerRepository", "someone/source-mystery", "dockerImageTag", "1.0",
            "documentationUrl", "https://example.com"))).expectError(422);
    assertThat(error.path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("sourceDefinition.dockerRepository");
    // a destination image is no source
    gale.api().post("/api/v1/source_definitions/create_custom", Map.of("workspaceId", workspace, "sourceDefinition", Map.of(
        "name", "Wrong kind", "dockerRepository", "airbyte/destination-dev-null", "dockerImageTag", "1.0",
        "documentationUrl", "https://example.com"))).expectError(422);
    JsonNode missing = gale.api().post("/api/v1/source_definitions/create_custom", Map.of("workspaceId", workspace,
        "sourceDefinition", Map.of("name", "No tag", "dockerRepository", "airbyte/source-faker", "documentationUrl", "x"))).expectError(422);
    assertThat(missing.path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("sourceDefinition.dockerImageTag");
    gale.api().post("/api/v1/source_definitions/create_custom", Map.of("workspaceId", UUID.randomUUID().toString(),
        "sourceDefinition", fakerImage("x", "1"))).expectError(404);
  }

  @Test
  void updateMovesACustomDefinitionToAnotherTagButNotABuiltIn() {
    String workspace = newWorkspace("Versions");
    String id = gale.api().post("/api/v1/destination_definitions/create_custom", Map.of("workspaceId", workspace,
        "destinationDefinition", Map.of("name", "My null", "dockerRepository", "airbyte/destination-dev-null",
            "dockerImageTag", "0.7.0", "documentationUrl", "https://example.com"))).expect(200)
        .path("destinationDefinitionId").asText();
    // Airbyte's document misspells this required property as "dockerImageag"; it is sent too so the gate can check the rest.
    JsonNode updated = gale.api().post("/api/v1/destination_definitions/update", Map.of("destinationDefinitionId", id,
        "dockerImageTag", "0.8.0", "dockerImageag", "0.8.0")).expect(200);
    assertThat(updated.path("dockerImageTag").asText()).isEqualTo("0.8.0");

    JsonNode builtIn = gale.api().post("/api/v1/source_definitions/get", Map.of("sourceDefinitionId", FAKER)).expect(200);
    gale.api().post("/api/v1/source_definitions/update", Map.of("sourceDefinitionId", FAKER, "dockerImageTag", "0.0.1")).expectError(422);
    JsonNode sameTag = gale.api().post("/api/v1/source_definitions/update", Map.of("sourceDefinitionId", FAKER,
        "dockerImageTag", builtIn.path("dockerImageTag").asText(),
        "resourceRequirements", Map.of("default", Map.of("memory_limit", "1Gi")))).expect(200);
    assertThat(sameTag.at("/resourceRequirements/default/memory_limit").asText()).isEqualTo("1Gi");
  }

  @Test
  void deleteRemovesADefinition() {
    String workspace = newWorkspace("Deletes");
    String id = gale.api().post("/api/v1/source_definitions/create_custom", Map.of("workspaceId", workspace,
        "sourceDefinition", fakerImage("Short-lived", "1.0.0"))).expect(200).path("sourceDefinitionId").asText();
    gale.api().post("/api/v1/source_definitions/delete", Map.of("sourceDefinitionId", id)).expect(204);
    gale.api().post("/api/v1/source_definitions/get", Map.of("sourceDefinitionId", id)).expectError(404);
    assertThat(visibleTo(workspace)).doesNotContain(id);
    gale.api().post("/api/v1/source_definitions/delete", Map.of("sourceDefinitionId", id)).expectError(404);
  }

  private static java.util.List<String> visibleTo(String workspaceId) {
    return gale.api().post("/api/v1/source_definitions/list_for_workspace", Map.of("workspaceId", workspaceId)).expect(200)
        .path("sourceDefinitions").findValuesAsText("sourceDefinitionId");
  }

  private static JsonNode find(JsonNode list, String field, String id) {
    for (JsonNode item : list) {
      if (item.path(field).asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError(id + " not in " + list);
  }

  private static JsonNode find(JsonNode privateList, String id) {
    for (JsonNode item : privateList) {
      if (item.path("sourceDefinition").path("sourceDefinitionId").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError(id + " not in " + privateList);
  }
}
