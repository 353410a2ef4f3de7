package dev.gale.server.api;

import static dev.gale.server.api.DeclarativeFixtures.PUBLIC;
import static dev.gale.server.api.DeclarativeFixtures.config;
import static dev.gale.server.api.DeclarativeFixtures.takeRequests;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.SpecValidator;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.TestManifests;
import dev.gale.server.testing.TestingItemsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Airbyte's connector builder projects: a draft edited, test-read with the project's testing values, published as a
 * definition; the calls PyAirbyte makes on a definition published through the Public API; and testing values, whose
 * secrets are stored encrypted and never answered.
 */
class ConnectorBuilderApiIT {
  private static final String PROJECTS = "/api/v1/connector_builder_projects/";
  private static final String MASK = "**********";

  /** The builder's endpoints are newer than Airbyte's 2023 document: their exchanges are checked against today's. */
  private static final Optional<SpecValidator> CURRENT_AIRBYTE_DOCUMENT = SpecValidator.airbyteCurrentConfigSpec();

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  private ApiClient api;
  /** The client for the builder's endpoints. */
  private ApiClient builder;
  private DeclarativeFixtures fixtures;
  private TestingItemsApi items;

  @BeforeEach
  void setUp() {
    api = gale.api();
    builder = api.alsoCheckedBy(CURRENT_AIRBYTE_DOCUMENT);
    fixtures = new DeclarativeFixtures(api);
    items = new TestingItemsApi();
    for (int id = 1; id <= 5; id++) {
      items.add(id, "item " + id, "2024-01-0" + id + "T00:00:00Z");
    }
  }

  @AfterEach
  void closeApi() {
    items.close();
  }

  @Test
  void aProjectGoesFromDraftToPublishedDefinitionAndIsDeletedWithoutIt() {
    String workspace = fixtures.workspace("builder lifecycle");
    ObjectNode draft = TestManifests.items("/items", "draft");
    JsonNode created = builder.post(PROJECTS + "create", Map.of("workspaceId", workspace,
        "builderProject", Map.of("name", "Items", "draftManifest", draft))).expect(201);
    String project = created.path("builderProjectId").asText();
    assertThat(created.path("workspaceId").asText()).isEqualTo(workspace);

    JsonNode listed = builder.post(PROJECTS + "list", Map.of("workspaceId", workspace)).expect(200).path("projects");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("builderProjectId").asText()).isEqualTo(project);
    assertThat(listed.get(0).path("hasDraft").asBoolean()).isTrue();
    assertThat(listed.get(0).has("sourceDefinitionId")).isFalse();
    assertThat(listed.get(0).path("updatedAt").asLong()).isGreaterThan(1_700_000_000L).isLessThan(10_000_000_000L);
    JsonNode read = getWithManifest(workspace, project);
    assertThat(read.at("/declarativeManifest/isDraft").asBoolean()).isTrue();
    assertThat(read.at("/declarativeManifest/manifest")).isEqualTo(draft);
    assertThat(read.has("testingValues")).isFalse();

    // The builder's YAML editor sends the draft as text.
    String yaml = TestManifests.yaml("/v2/items", "yaml draft", "");
    builder.post(PROJECTS + "update", Map.of("workspaceId", workspace, "builderProjectId", project,
        "builderProject", Map.of("name", "Items renamed", "yamlManifest", yaml))).expect(204);
    read = getWithManifest(workspace, project);
    assertThat(read.at("/builderProject/name").asText()).isEqualTo("Items renamed");
    assertThat(read.at("/declarativeManifest/manifest")).isEqualTo(TestManifests.parse(yaml));

    String definition = builder.post(PROJECTS + "publish", Map.of("workspaceId", workspace, "builderProjectId", project,
        "name", "Items renamed", "initialDeclarativeManifest", Map.of("manifest", TestManifests.items("/items", "v1"),
            "spec", Map.of(), "version", 1, "description", "first"))).expect(200).path("sourceDefinitionId").asText();
    read = getWithManifest(workspace, project);
    assertThat(read.at("/builderProject/hasDraft").asBoolean()).isFalse();
    assertThat(read.at("/builderProject/sourceDefinitionId").asText()).isEqualTo(definition);
    assertThat(read.at("/builderProject/activeDeclarativeManifestVersion").asLong()).isEqualTo(1);
    assertThat(read.path("declarativeManifest")).isEqualTo(Json.parse("{\"isDraft\": false, \"version\": 1, "
        + "\"description\": \"first\", \"manifest\": " + Json.write(TestManifests.items("/items", "v1")) + "}"));
    JsonNode asDefinition = api.post("/api/v1/source_definitions/get_for_workspace", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition)).expect(200);
    assertThat(asDefinition.path("dockerRepository").asText()).isEqualTo("airbyte/source-declarative-manifest");
    assertThat(asDefinition.path("dockerImageTag").asText()).isEqualTo("1");
    assertThat(asDefinition.path("custom").asBoolean()).isTrue();
    assertThat(forDefinition(workspace, definition)).isEqualTo(Json.object().put("builderProjectId", project)
        .put("workspaceId", workspace));
    JsonNode again = builder.post(PROJECTS + "publish", Map.of("workspaceId", workspace, "builderProjectId", project,
        "name", "Twice", "initialDeclarativeManifest", Map.of("manifest", TestManifests.items("/items", "v1"),
            "version", 1))).expectError(409);
    assertThat(again.path("message").asText()).contains("create_manifest");

    // A published project's name is its definition's.
    builder.post(PROJECTS + "update", Map.of("workspaceId", workspace, "builderProjectId", project,
        "builderProject", Map.of("name", "Items final", "draftManifest", draft))).expect(204);
    assertThat(api.post("/api/v1/source_definitions/get", Map.of("sourceDefinitionId", definition)).expect(200)
        .path("name").asText()).isEqualTo("Items final");
    assertThat(getWithManifest(workspace, project).at("/declarativeManifest/isDraft").asBoolean()).isTrue();
    JsonNode published = builder.post(PROJECTS + "get_with_manifest", Map.of("workspaceId", workspace,
        "builderProjectId", project, "version", 1)).expect(200);
    assertThat(published.at("/declarativeManifest/manifest")).isEqualTo(TestManifests.items("/items", "v1"));
    builder.post(PROJECTS + "get_with_manifest", Map.of("workspaceId", workspace, "builderProjectId", project,
        "version", 7)).expectError(404);

    builder.post(PROJECTS + "delete", Map.of("workspaceId", workspace, "builderProjectId", project)).expect(204);
    builder.post(PROJECTS + "get_with_manifest", Map.of("workspaceId", workspace, "builderProjectId", project)).expectError(404);
    builder.post(PROJECTS + "delete", Map.of("workspaceId", workspace, "builderProjectId", project)).expectError(404);
    assertThat(builder.post(PROJECTS + "list", Map.of("workspaceId", workspace)).expect(200).path("projects")).isEmpty();
    assertThat(forDefinition(workspace, definition)).isEqualTo(Json.parse(
        "{\"builderProjectId\": null, \"workspaceId\": null}"));
    api.post("/api/v1/source_definitions/get", Map.of("sourceDefinitionId", definition)).expect(200);
  }

  @Test
  void anotherWorkspacesProjectIsNotFoundAndWrongInputIsRefused() {
    String workspace = fixtures.workspace("builder mine");
    String stranger = fixtures.workspace("builder stranger");
    String project = newProject(workspace);

    builder.post(PROJECTS + "get_with_manifest", Map.of("workspaceId", stranger, "builderProjectId", project)).expectError(404);
    builder.post(PROJECTS + "update", Map.of("workspaceId", stranger, "builderProjectId", project,
        "builderProject", Map.of("name", "Taken"))).expectError(404);
    builder.post(PROJECTS + "delete", Map.of("workspaceId", stranger, "builderProjectId", project)).expectError(404);
    builder.post(PROJECTS + "list", Map.of("workspaceId", UUID.randomUUID())).expectError(404);
    builder.post(PROJECTS + "create", Map.of("workspaceId", workspace, "builderProject", Map.of())).expectError(422);
    builder.post(PROJECTS + "create", Map.of("workspaceId", workspace, "builderProject", Map.of("name", "Not an object",
        "draftManifest", List.of(1, 2)))).expectError(422);
    JsonNode python = builder.post(PROJECTS + "create", Map.of("workspaceId", workspace, "builderProject", Map.of(
        "name", "Python", "componentsFileContent", "class Custom: pass"))).expectError(422);
    assertThat(python.at("/validationErrors/0/propertyPath").asText()).isEqualTo("builderProject.componentsFileContent");
    JsonNode badYaml = builder.post(PROJECTS + "create", Map.of("workspaceId", workspace, "builderProject", Map.of(
        "name", "Bad YAML", "yamlManifest", "streams: [unclosed"))).expectError(422);
    assertThat(badYaml.path("message").asText()).contains("builderProject.yamlManifest", "YAML");
    assertThat(builder.post(PROJECTS + "list", Map.of("workspaceId", workspace)).expect(200).path("projects")).hasSize(1);
  }

  @Test
  void testingValuesAreStoredEncryptedAndNeverAnswered() {
    String workspace = fixtures.workspace("builder testing values");
    String project = newProject(workspace);
    ObjectNode spec = (ObjectNode) TestManifests.items("/items", "v1").at("/spec/connection_specification");

    // The builder sends the connection specification itself.
    JsonNode saved = builder.post(PROJECTS + "update_testing_values", Map.of("workspaceId", workspace,
        "builderProjectId", project, "spec", spec, "testingValues", config(items, items.apiKey()))).expect(200);
    assertThat(saved).isEqualTo(config(items, MASK));
    assertThat(getWithManifest(workspace, project).path("testingValues")).isEqualTo(config(items, MASK));
    String stored = gale.server().database().jdbi().withHandle(handle -> handle.createQuery(
            "SELECT testing_values FROM connector_builder_project WHERE id = :id")
        .bind("id", UUID.fromString(project)).mapTo(String.class).one());
    assertThat(stored).doesNotContain(items.apiKey()).contains(items.baseUrl());

    // PyAirbyte sends a connector specification; a secret sent back masked keeps its value.
    ObjectNode update = config(items, MASK).put("start_date", "2024-01-03T00:00:00Z");
    builder.post(PROJECTS + "update_testing_values", Map.of("workspaceId", workspace, "builderProjectId", project,
        "spec", Map.of("connectionSpecification", spec, "documentationUrl", "https://example.com/docs/items"),
        "testingValues", update)).expect(200);
    JsonNode read = readStream(workspace, project, Map.of());
    assertThat(records(read)).extracting(record -> record.path("id").asInt()).containsExactly(4, 5);
    assertThat(Json.write(read)).doesNotContain(items.apiKey());

    String fresh = newProject(workspace);
    JsonNode noSecret = builder.post(PROJECTS + "update_testing_values", Map.of("workspaceId", workspace,
        "builderProjectId", fresh, "spec", spec, "testingValues", config(items, MASK))).expectError(422);
    assertThat(noSecret.at("/validationErrors/0/propertyPath").asText()).isEqualTo("testingValues.api_key");
    String log = api.send("POST", "/api/v1/logs/get", "{\"logType\": \"server\"}", "application/json").rawBody();
    assertThat(log).doesNotContain(items.apiKey());
  }

  @Test
  void aTestReadShowsRecordsPagesRequestsWithTheKeyMaskedAndTheState() {
    String workspace = fixtures.workspace("builder test read");
    String project = newProject(workspace);
    saveTestingValues(workspace, project, items.apiKey());
    takeRequests(items);

    JsonNode read = readStream(workspace, project, Map.of());

    assertThat(read.path("test_read_limit_reached").asBoolean()).isFalse();
    assertThat(read.path("slices")).hasSize(1);
    JsonNode slice = read.at("/slices/0");
    assertThat(slice.path("pages")).hasSize(3);
    assertThat(records(read)).extracting(record -> record.path("id").asInt()).containsExactly(1, 2, 3, 4, 5);
    assertThat(records(read)).allMatch(record -> record.path("source").asText().equals("v1"));
    JsonNode request = slice.at("/pages/1/request");
    assertThat(request.path("http_method").asText()).isEqualTo("GET");
    assertThat(request.path("url").asText()).startsWith(items.baseUrl() + "/items?");
    assertThat(request.path("parameters")).isEqualTo(Json.parse(
        "{\"page\": [\"2\"], \"per_page\": [\"2\"], \"since\": [\"2023-12-31T00:00:00Z\"]}"));
    assertThat(request.at("/headers/X-Api-Key").asText()).isNotBlank().doesNotContain(items.apiKey());
    assertThat(slice.at("/pages/1/response/status").asInt()).isEqualTo(200);
    assertThat(Json.parse(slice.at("/pages/1/response/body").asText()).at("/data/0/id").asInt()).isEqualTo(3);
    assertThat(slice.path("state")).isEqualTo(Json.parse("""
        [{"type": "STREAM", "stream": {"stream_descriptor": {"name": "items"},
          "stream_state": {"updated_at": "2024-01-05T00:00:00Z"}}}]"""));
    assertThat(Json.write(read)).doesNotContain(items.apiKey());
    assertThat(takeRequests(items)).hasSize(3);

    // Within limits, and from a state an earlier read answered.
    JsonNode limited = readStream(workspace, project, Map.of("pageLimit", 1));
    assertThat(limited.path("test_read_limit_reached").asBoolean()).isTrue();
    assertThat(records(limited)).hasSize(2);
    JsonNode resumed = readStream(workspace, project, Map.of("state", slice.path("state")));
    assertThat(records(resumed)).isEmpty();
    assertThat(takeRequests(items).getLast()).contains("since=2024-01-05T00:00:00Z");
  }

  @Test
  void aTestReadThatFailsSaysWhyAndWrongRequestsAre422() {
    String workspace = fixtures.workspace("builder failing read");
    String project = newProject(workspace);
    String wrongKey = "sk-wrong-" + UUID.randomUUID();
    saveTestingValues(workspace, project, wrongKey);

    JsonNode refused = readStream(workspace, project, Map.of());
    assertThat(refused.path("logs").findValuesAsText("level")).contains("ERROR");
    assertThat(refused.path("logs").toString()).contains("401");
    assertThat(Json.write(refused)).doesNotContain(wrongKey);

    String stream = PROJECTS + "read_stream";
    ObjectNode manifest = TestManifests.items("/items", "v1");
    JsonNode unknown = builder.post(stream, Map.of("workspaceId", workspace, "builderProjectId", project,
        "manifest", manifest, "streamName", "nowhere")).expectError(422);
    assertThat(unknown.at("/validationErrors/0/propertyPath").asText()).isEqualTo("streamName");
    assertThat(unknown.path("message").asText()).contains("nowhere").contains("[items]");
    builder.post(stream, Map.of("workspaceId", workspace, "builderProjectId", project, "manifest", manifest,
        "streamName", "items", "recordLimit", 0)).expectError(422);
    builder.post(stream, Map.of("workspaceId", workspace, "builderProjectId", project, "manifest", manifest,
        "streamName", "items", "sliceLimit", 21)).expectError(422);
    builder.post(stream, Map.of("workspaceId", workspace, "builderProjectId", project, "manifest", manifest,
        "streamName", "items", "customComponentsCode", "import os")).expectError(422);
    builder.post(stream, Map.of("workspaceId", workspace, "builderProjectId", project, "manifest", manifest,
        "streamName", "items", "state", List.of(Map.of("type", "STREAM")))).expectError(422);
    JsonNode missingValue = builder.post(stream, Map.of("workspaceId", workspace, "builderProjectId", newProject(workspace),
        "manifest", manifest, "streamName", "items")).expectError(422);
    assertThat(missingValue.at("/validationErrors/0/propertyPath").asText()).isEqualTo("testingValues");
    assertThat(missingValue.path("message").asText()).contains("api_key");
  }

  @Test
  void pyAirbyteFindsAndUpdatesTheProjectOfADefinitionPublishedThroughThePublicApi() {
    String workspace = fixtures.workspace("builder pyairbyte");
    String declaratives = PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources";
    ObjectNode manifest = TestManifests.items("/items", "v1");
    String definition = api.post(declaratives, Map.of("workspaceId", workspace, "name", "Items API",
        "manifest", manifest)).expect(200).path("id").asText();

    JsonNode found = forDefinition(workspace, definition);
    String project = found.path("builderProjectId").asText();
    assertThat(found.path("workspaceId").asText()).isEqualTo(workspace);
    JsonNode read = getWithManifest(workspace, project);
    assertThat(read.at("/builderProject/name").asText()).isEqualTo("Items API");
    assertThat(read.at("/builderProject/hasDraft").asBoolean()).isFalse();
    assertThat(read.at("/declarativeManifest/manifest")).isEqualTo(manifest);
    assertThat(read.at("/declarativeManifest/version").asLong()).isEqualTo(1);

    // CustomCloudSourceDefinition.set_testing_values builds the spec from the manifest this way.
    JsonNode saved = builder.post(PROJECTS + "update_testing_values", Map.of("workspaceId", workspace,
        "builderProjectId", project, "testingValues", config(items, items.apiKey()), "spec", Map.of(
            "documentationUrl", manifest.at("/spec/documentation_url").asText(),
            "connectionSpecification", manifest.at("/spec/connection_specification")))).expect(200);
    assertThat(saved.path("api_key").asText()).isEqualTo(MASK);

    api.put(declaratives + "/" + definition, Map.of("manifest", TestManifests.items("/v2/items", "v2"))).expect(200);
    assertThat(getWithManifest(workspace, project).at("/declarativeManifest/version").asLong()).isEqualTo(2);
    assertThat(records(readStream(workspace, project, Map.of()))).hasSize(5);

    api.delete(declaratives + "/" + definition).expect(200);
    assertThat(forDefinition(workspace, definition).path("builderProjectId").isNull()).isTrue();
    assertThat(forDefinition(workspace, SampleDataSource.DEFINITION_ID.toString()))
        .isEqualTo(Json.parse("{\"builderProjectId\": null, \"workspaceId\": null}"));
    builder.post(PROJECTS + "get_for_definition_id", Map.of("workspaceId", UUID.randomUUID(),
        "actorDefinitionId", definition)).expectError(404);
  }

  private String newProject(String workspace) {
    return builder.post(PROJECTS + "create", Map.of("workspaceId", workspace, "builderProject", Map.of("name", "Items")))
        .expect(201).path("builderProjectId").asText();
  }

  private void saveTestingValues(String workspace, String project, String apiKey) {
    builder.post(PROJECTS + "update_testing_values", Map.of("workspaceId", workspace, "builderProjectId", project,
        "spec", TestManifests.items("/items", "v1").at("/spec/connection_specification"),
        "testingValues", config(items, apiKey))).expect(200);
  }

  private JsonNode readStream(String workspace, String project, Map<String, Object> more) {
    ObjectNode request = Json.object().put("workspaceId", workspace).put("builderProjectId", project)
        .put("streamName", "items");
    request.set("manifest", TestManifests.items("/items", "v1"));
    more.forEach((name, value) -> request.set(name, Json.tree(value)));
    return builder.post(PROJECTS + "read_stream", request).expect(200);
  }

  private JsonNode getWithManifest(String workspace, String project) {
    return builder.post(PROJECTS + "get_with_manifest", Map.of("workspaceId", workspace, "builderProjectId", project))
        .expect(200);
  }

  private JsonNode forDefinition(String workspace, String definition) {
    return builder.post(PROJECTS + "get_for_definition_id", Map.of("workspaceId", workspace,
        "actorDefinitionId", definition)).expect(200);
  }

  private static List<JsonNode> records(JsonNode read) {
    List<JsonNode> records = new ArrayList<>();
    for (JsonNode slice : read.path("slices")) {
      for (JsonNode page : slice.path("pages")) {
        page.path("records").forEach(records::add);
      }
    }
    return records;
  }
}
