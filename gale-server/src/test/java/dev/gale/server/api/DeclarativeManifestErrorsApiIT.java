package dev.gale.server.api;

import static dev.gale.server.api.DeclarativeFixtures.PUBLIC;
import static dev.gale.server.api.DeclarativeFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.store.DeclarativeSourceRepository;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.SpecValidator;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.TestManifests;
import dev.gale.server.testing.TestingItemsApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Manifests that cannot run are refused when they are saved, through every API that saves one, with a 422 in
 * Airbyte's error shape whose property path is the place in the manifest; one that got into the store anyway (from
 * before Gale checked manifests whole) fails checks, discoveries and syncs with the same reason, never a 500.
 */
class DeclarativeManifestErrorsApiIT {
  private static final String UNKNOWN_TYPE_PATH = "streams[0].retriever.paginator.pagination_strategy";
  private static final String BAD_REF_PATH = "streams[0].retriever.requester.$ref";

  /** The builder's endpoints are newer than Airbyte's 2023 document: their exchanges are checked against today's. */
  private static final Optional<SpecValidator> CURRENT_AIRBYTE_DOCUMENT = SpecValidator.airbyteCurrentConfigSpec();

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  private ApiClient api;
  /** The client for the builder's and the declarative definitions' endpoints. */
  private ApiClient builder;
  private DeclarativeFixtures fixtures;
  private TestingItemsApi items;

  @BeforeEach
  void setUp() {
    api = gale.api();
    builder = api.alsoCheckedBy(CURRENT_AIRBYTE_DOCUMENT);
    fixtures = new DeclarativeFixtures(api);
    items = new TestingItemsApi().add(1, "item 1", "2024-01-01T00:00:00Z");
  }

  @AfterEach
  void closeApi() {
    items.close();
  }

  @Test
  void thePublicApiRefusesAManifestThatCannotRunNamingThePlace() {
    String workspace = fixtures.workspace("manifest errors public");
    String declaratives = PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources";

    JsonNode unknown = api.post(declaratives, Map.of("workspaceId", workspace, "name", "Unknown type",
        "manifest", unknownComponent())).expectProblem(422);
    assertThat(unknown.path("detail").asText()).contains("manifest." + UNKNOWN_TYPE_PATH, "PageIncrements");
    JsonNode badRef = api.post(declaratives, Map.of("workspaceId", workspace, "name", "Bad ref",
        "manifest", badReference())).expectProblem(422);
    assertThat(badRef.path("detail").asText()).contains("manifest." + BAD_REF_PATH, "#/definitions/nowhere");
    assertThat(api.get(declaratives).expect(200).path("data")).isEmpty();

    String id = api.post(declaratives, Map.of("workspaceId", workspace, "name", "Good",
        "manifest", TestManifests.items("/items", "v1"))).expect(200).path("id").asText();
    api.put(declaratives + "/" + id, Map.of("manifest", unknownComponent())).expectProblem(422);
    assertThat(api.get(declaratives + "/" + id).expect(200).path("version").asLong()).isEqualTo(1);
  }

  @Test
  void theConfigApiRefusesAManifestThatCannotRunNamingThePlace() {
    String workspace = fixtures.workspace("manifest errors config");
    String project = builder.post("/api/v1/connector_builder_projects/create", Map.of("workspaceId", workspace,
        "builderProject", Map.of("name", "Errors"))).expect(201).path("builderProjectId").asText();

    JsonNode publish = builder.post("/api/v1/connector_builder_projects/publish", Map.of("workspaceId", workspace,
        "builderProjectId", project, "name", "Errors", "initialDeclarativeManifest", Map.of("manifest",
            unknownComponent(), "version", 1))).expectError(422);
    assertThat(publish.at("/validationErrors/0/propertyPath").asText())
        .isEqualTo("initialDeclarativeManifest.manifest." + UNKNOWN_TYPE_PATH);
    assertThat(publish.path("message").asText()).contains("PageIncrements");

    JsonNode read = builder.post("/api/v1/connector_builder_projects/read_stream", Map.of("workspaceId", workspace,
        "builderProjectId", project, "manifest", badReference(), "streamName", "items")).expectError(422);
    assertThat(read.at("/validationErrors/0/propertyPath").asText()).isEqualTo("manifest." + BAD_REF_PATH);

    String definition = builder.post("/api/v1/connector_builder_projects/publish", Map.of("workspaceId", workspace,
        "builderProjectId", project, "name", "Errors", "initialDeclarativeManifest", Map.of("manifest",
            TestManifests.items("/items", "v1"), "version", 1, "description", "", "spec", Map.of())))
        .expect(200).path("sourceDefinitionId").asText();
    JsonNode version = builder.post("/api/v1/declarative_source_definitions/create_manifest", createManifest(workspace,
        definition, 2, badReference())).expectError(422);
    assertThat(version.at("/validationErrors/0/propertyPath").asText())
        .isEqualTo("declarativeManifest.manifest." + BAD_REF_PATH);
    assertThat(manifestVersions(workspace, definition)).isEqualTo(1);

    builder.post("/api/v1/declarative_source_definitions/create_manifest", createManifest(workspace, definition, 1,
        TestManifests.items("/v2/items", "v2"))).expectError(409);
    builder.post("/api/v1/declarative_source_definitions/create_manifest", createManifest(workspace, definition, 0,
        TestManifests.items("/v2/items", "v2"))).expectError(422);
    builder.post("/api/v1/declarative_source_definitions/update_active_manifest", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition, "version", 9)).expectError(404);
    builder.post("/api/v1/declarative_source_definitions/list_manifests", Map.of("workspaceId", workspace,
        "sourceDefinitionId", SampleDataSource.DEFINITION_ID)).expectError(400);
    builder.post("/api/v1/declarative_source_definitions/list_manifests", Map.of("workspaceId", workspace,
        "sourceDefinitionId", UUID.randomUUID())).expectError(404);
    builder.post("/api/v1/declarative_source_definitions/list_manifests", Map.of("workspaceId",
        fixtures.workspace("manifest errors stranger"), "sourceDefinitionId", definition)).expectError(404);
    ObjectNode python = createManifest(workspace, definition, 3, TestManifests.items("/v2/items", "v2"));
    python.put("componentsFileContent", "import os");
    builder.post("/api/v1/declarative_source_definitions/create_manifest", python).expectError(422);
    assertThat(manifestVersions(workspace, definition)).isEqualTo(1);
  }

  @Test
  void aStoredManifestThatNoLongerLoadsFailsChecksDiscoveriesAndSyncsWithItsReason() {
    String workspace = fixtures.workspace("manifest errors stored");
    String definition = api.post(PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources",
        Map.of("workspaceId", workspace, "name", "Soon broken", "manifest", TestManifests.items("/items", "v1")))
        .expect(200).path("id").asText();
    String source = fixtures.source(workspace, definition, config(items, items.apiKey()));
    String connection = fixtures.connection(source, fixtures.devNullDestination(workspace), Set.of("items"),
        "full_refresh", "overwrite");
    storeUnloadableVersion(UUID.fromString(definition));

    JsonNode check = api.post("/api/v1/sources/check_connection", Map.of("sourceId", source)).expect(200);
    assertThat(check.path("status").asText()).isEqualTo("failed");
    assertThat(check.path("message").asText()).contains("version 2", UNKNOWN_TYPE_PATH);
    JsonNode discovered = api.post("/api/v1/sources/discover_schema", Map.of("sourceId", source,
        "disable_cache", true)).expect(200);
    assertThat(discovered.at("/jobInfo/succeeded").asBoolean()).isFalse();
    JsonNode sync = JobCalls.syncToEnd(api, connection);
    assertThat(JobCalls.status(sync)).isEqualTo("failed");
    assertThat(sync.toString()).contains(UNKNOWN_TYPE_PATH);
    JsonNode refused = api.post("/api/v1/sources/create", Map.of("workspaceId", workspace, "name", "another",
        "sourceDefinitionId", definition, "connectionConfiguration", config(items, items.apiKey()))).expectError(422);
    assertThat(refused.path("message").asText()).contains(UNKNOWN_TYPE_PATH);
  }

  /** A version 2 written straight into the store, as a Gale that checked only a manifest's top level kept it. */
  private static void storeUnloadableVersion(UUID definition) {
    DeclarativeSourceRepository store = new DeclarativeSourceRepository(gale.server().database());
    ObjectNode broken = unknownComponent();
    Instant now = Instant.now();
    DeclarativeManifest manifest = new DeclarativeManifest(definition, 2, broken, now);
    store.addVersion(new ActorDefinitionVersion(UUID.nameUUIDFromBytes(
            (definition + "@2").getBytes(StandardCharsets.UTF_8)), definition,
        "airbyte/source-declarative-manifest", "2", null, Json.parse(
            "{\"connectionSpecification\": " + Json.write(broken.at("/spec/connection_specification")) + "}"),
        "0.2.0", ReleaseStage.CUSTOM, null, SupportLevel.NONE, now), manifest);
  }

  private int manifestVersions(String workspace, String definition) {
    return builder.post("/api/v1/declarative_source_definitions/list_manifests", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition)).expect(200).path("manifestVersions").size();
  }

  private static ObjectNode createManifest(String workspace, String definition, long version, ObjectNode manifest) {
    ObjectNode request = Json.object().put("workspaceId", workspace).put("sourceDefinitionId", definition)
        .put("setAsActiveManifest", true);
    ObjectNode declarative = request.putObject("declarativeManifest").put("version", version).put("description", "");
    declarative.set("manifest", manifest);
    declarative.putObject("spec");
    return request;
  }

  /** The items manifest with a pagination strategy of a type no manifest schema has. */
  private static ObjectNode unknownComponent() {
    return TestManifests.parse(TestManifests.yaml("/items", "v1", "").replace("PageIncrement,", "PageIncrements,"));
  }

  /** The items manifest whose stream refers to a definition that does not exist. */
  private static ObjectNode badReference() {
    return TestManifests.parse(TestManifests.yaml("/items", "v1", "")
        .replace("{$ref: \"#/definitions/requester\"}", "{$ref: \"#/definitions/nowhere\"}"));
  }
}
