package dev.gale.server.api;

import static dev.gale.server.api.DeclarativeFixtures.PUBLIC;
import static dev.gale.server.api.DeclarativeFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.TestManifests;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingItemsApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector catalog folder in Airbyte's layout, loaded at start: its manifest-only source is a public definition
 * under the id, name, image and documentation its metadata gives, runs in process with the configuration Airbyte's
 * image takes, and a script finds it by name; a broken folder is logged and skipped, and a built-in keeps its id.
 */
class ConnectorCatalogApiIT {
  static final String ITEMS_ID = "0b4f6f57-6a1d-4d4e-9f7a-3c1b7b2f0e11";
  private static final String BROKEN_ID = "5d3c9a40-1e0f-4b9b-8f5e-2a6d7c8e9f01";
  private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";

  @TempDir
  static Path catalog;
  private static TestingGaleServer gale;
  private static ApiClient api;
  private static TestingItemsApi items;

  @BeforeAll
  static void start() throws IOException {
    items = new TestingItemsApi();
    for (int id = 1; id <= 5; id++) {
      items.add(id, "item " + id, "2024-01-0" + id + "T00:00:00Z");
    }
    writeConnector("source-gale-items", metadata(ITEMS_ID, "Gale Items", "airbyte/source-gale-items", "1.2.3"),
        TestManifests.yaml("/items", "catalog", ""));
    Files.writeString(catalog.resolve("source-gale-items").resolve("icon.svg"), SVG);
    writeConnector("source-broken", metadata(BROKEN_ID, "Broken", "airbyte/source-broken", "0.0.1"),
        TestManifests.yaml("/items", "broken", "").replace("PageIncrement,", "PageIncrements,"));
    writeConnector("source-faker-lookalike", metadata(SampleDataSource.DEFINITION_ID.toString(), "Faker lookalike",
        "airbyte/source-faker-lookalike", "9.9.9"), TestManifests.yaml("/items", "lookalike", ""));
    Files.createDirectories(catalog.resolve("source-python-only"));
    Files.writeString(catalog.resolve("source-python-only").resolve("metadata.yaml"),
        metadata("7e1c1c4a-9b0e-4c8e-a6a4-0f5a1d2e3b4c", "Python only", "airbyte/source-python-only", "1.0.0"));
    gale = TestingGaleServer.start(config -> config.withConnectors(catalog));
    api = gale.client();
  }

  @AfterAll
  static void stop() {
    gale.close();
    items.close();
  }

  @Test
  void theCatalogsSourceIsListedBesideTheBuiltInsUnderItsAirbyteIdentity() {
    JsonNode definitions = api.send("POST", "/api/v1/source_definitions/list", null, null).expect(200)
        .path("sourceDefinitions");

    // As a script looks a connector up: by a word of its name.
    List<JsonNode> found = StreamSupport.stream(definitions.spliterator(), false)
        .filter(definition -> definition.path("name").asText().toLowerCase().contains("gale items")).toList();
    assertThat(found).hasSize(1);
    JsonNode items = found.getFirst();
    assertThat(items.path("sourceDefinitionId").asText()).isEqualTo(ITEMS_ID);
    assertThat(items.path("dockerRepository").asText()).isEqualTo("airbyte/source-gale-items");
    assertThat(items.path("dockerImageTag").asText()).isEqualTo("1.2.3");
    assertThat(items.path("documentationUrl").asText()).isEqualTo("https://docs.airbyte.com/integrations/sources/gale-items");
    assertThat(items.path("releaseStage").asText()).isEqualTo("beta");
    assertThat(items.path("supportLevel").asText()).isEqualTo("community");
    assertThat(items.path("sourceType").asText()).isEqualTo("api");
    assertThat(items.path("custom").asBoolean()).isFalse();
    assertThat(items.path("icon").asText()).isEqualTo(SVG);
    assertThat(definitions.findValuesAsText("sourceDefinitionId")).doesNotContain(BROKEN_ID)
        .contains(SampleDataSource.DEFINITION_ID.toString());
    assertThat(definitions.findValuesAsText("name")).doesNotContain("Broken", "Faker lookalike", "Python only");
    assertThat(api.send("POST", "/api/v1/source_definitions/list_latest", null, null).expect(200)
        .path("sourceDefinitions").findValuesAsText("sourceDefinitionId")).contains(ITEMS_ID);
    assertThat(api.get(PUBLIC + "/connector_definitions?type=source").expect(200).path("data")
        .findValuesAsText("id")).contains(ITEMS_ID);

    String workspace = api.send("POST", "/api/v1/workspaces/list", null, null).expect(200)
        .at("/workspaces/0/workspaceId").asText();
    JsonNode spec = api.post("/api/v1/source_definition_specifications/get", Map.of("sourceDefinitionId", ITEMS_ID,
        "workspaceId", workspace)).expect(200);
    assertThat(spec.at("/connectionSpecification/properties/api_key/airbyte_secret").asBoolean()).isTrue();
  }

  @Test
  void theCatalogsSourceChecksDiscoversAndSyncsInProcess() {
    DeclarativeFixtures fixtures = new DeclarativeFixtures(api);
    String workspace = fixtures.workspace("catalog");
    // The Public API names the connector by its image, as Airbyte's SDKs send sourceType.
    JsonNode configuration = config(items, items.apiKey()).put("sourceType", "gale-items");
    JsonNode created = api.post(PUBLIC + "/sources", Map.of("workspaceId", workspace, "name", "items",
        "configuration", configuration)).expect(200);
    assertThat(created.path("definitionId").asText()).isEqualTo(ITEMS_ID);
    String source = created.path("sourceId").asText();

    JsonNode check = api.post("/api/v1/sources/check_connection", Map.of("sourceId", source)).expect(200);
    assertThat(check.path("status").asText()).as(check.toString()).isEqualTo("succeeded");
    String connection = fixtures.connection(source, fixtures.devNullDestination(workspace), Set.of("items"),
        "incremental", "append");
    JsonNode sync = JobCalls.syncToEnd(api, connection);

    assertThat(JobCalls.status(sync)).as(sync.toString()).isEqualTo("succeeded");
    assertThat(sync.at("/job/aggregatedStats/recordsCommitted").asLong()).isEqualTo(5);
    assertThat(JobCalls.state(api, connection).at("/streamState/0/streamState/updated_at").asText())
        .isEqualTo("2024-01-05T00:00:00Z");
  }

  @Test
  void aFolderThatDoesNotLoadIsLoggedWithItsPathAndReasonAndABuiltInKeepsItsId() throws IOException {
    JsonNode faker = api.post("/api/v1/source_definitions/get", Map.of("sourceDefinitionId",
        SampleDataSource.DEFINITION_ID)).expect(200);
    assertThat(faker.path("dockerRepository").asText()).isEqualTo("airbyte/source-faker");

    String log = Files.readString(gale.dataDir().resolve("logs").resolve("server.log"));
    assertThat(log).contains(catalog.resolve("source-broken").toString())
        .contains("streams[0].retriever.paginator.pagination_strategy: unknown component type 'PageIncrements'");
    assertThat(log).contains(catalog.resolve("source-faker-lookalike").toString()).contains("which keeps it");
    assertThat(log).contains(catalog.resolve("source-python-only").toString()).contains("no manifest.yaml");
  }

  private static void writeConnector(String folder, String metadata, String manifest) throws IOException {
    Path connector = Files.createDirectories(catalog.resolve(folder));
    Files.writeString(connector.resolve("metadata.yaml"), metadata);
    Files.writeString(connector.resolve("manifest.yaml"), manifest);
  }

  /** A {@code metadata.yaml} as Airbyte's repository has them, trimmed to what a catalog reads and a little more. */
  static String metadata(String definitionId, String name, String repository, String tag) {
    String slug = repository.substring(repository.indexOf("source-") + "source-".length());
    return """
        data:
          allowedHosts:
            hosts: ["*"]
          connectorSubtype: api
          connectorType: source
          definitionId: %s
          dockerImageTag: %s
          dockerRepository: %s
          documentationUrl: https://docs.airbyte.com/integrations/sources/%s
          icon: icon.svg
          license: MIT
          name: %s
          releaseStage: beta
          supportLevel: community
          tags:
            - language:manifest-only
        metadataSpecVersion: "1.0"
        """.formatted(definitionId, tag, repository, slug, name);
  }
}
