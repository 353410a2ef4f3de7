package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.testing.SecretApiSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiscoverApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();

  private UUID workspaceId;
  private Actor source;

  @BeforeEach
  void newSource() {
    workspaceId = fixtures.newWorkspace("discover " + UUID.randomUUID());
    source = fixtures.source(workspaceId, "sample");
  }

  private JsonNode discover(Map<String, Object> body) {
    return fixtures.api.post("/api/v1/sources/discover_schema", body).expect(200);
  }

  @Test
  void discoveryAnswersTheApiCatalogWithDefaultConfigurations() {
    JsonNode read = discover(Map.of("sourceId", source.id().toString()));
    assertThat(read.at("/jobInfo/succeeded").asBoolean()).isTrue();
    assertThat(read.at("/jobInfo/configType").asText()).isEqualTo("discover_schema");
    assertThat(read.path("catalog").path("streams").findValuesAsText("name")).contains("users", "products", "purchases");
    JsonNode users = read.path("catalog").path("streams").get(0);
    assertThat(users.at("/stream/jsonSchema/properties").has("id")).isTrue();
    assertThat(users.at("/config/syncMode").asText()).isEqualTo("full_refresh");
    assertThat(users.at("/config/selected").asBoolean()).isTrue();
    assertThat(read.path("catalogId").asText()).isNotBlank();
  }

  @Test
  void theCatalogIsCachedPerConfigurationUntilTheCacheIsDisabled() {
    String first = discover(Map.of("sourceId", source.id().toString())).path("catalogId").asText();
    assertThat(discover(Map.of("sourceId", source.id().toString())).path("catalogId").asText()).isEqualTo(first);
    // Same streams rediscovered: the same stored catalog (catalogs are kept once per content).
    assertThat(discover(Map.of("sourceId", source.id().toString(), "disable_cache", true)).path("catalogId").asText()).isEqualTo(first);

    JsonNode recent = fixtures.api.post("/api/v1/sources/most_recent_source_actor_catalog", Map.of("sourceId", source.id().toString()))
        .expect(200);
    assertThat(recent.path("updatedAt").asLong()).isPositive();
    assertThat(recent.path("catalog").path("streams").findValuesAsText("name")).contains("users");
  }

  @Test
  void aConnectionGetsTheDiffBetweenItsCatalogAndTheDiscoveredOne() {
    ObjectNode request = ConnectionFixtures.createRequest(source, fixtures.destination(workspaceId, "null"));
    var streams = (com.fasterxml.jackson.databind.node.ArrayNode) request.path("syncCatalog").path("streams");
    streams.remove(2); // purchases: not in the connection, so discovery adds it
    ObjectNode users = (ObjectNode) streams.get(0).path("stream").path("jsonSchema").path("properties");
    users.remove("email"); // discovery finds it again: an added field
    users.putObject("nickname").put("type", "string"); // gone from the source: a removed field
    String connectionId = fixtures.createConnection(request).path("connectionId").asText();

    JsonNode read = discover(Map.of("sourceId", source.id().toString(), "connectionId", connectionId, "disable_cache", true));
    JsonNode transforms = read.at("/catalogDiff/transforms");
    assertThat(transforms.findValuesAsText("transformType")).contains("add_stream", "update_stream");
    JsonNode update = find(transforms, "update_stream");
    assertThat(update.at("/streamDescriptor/name").asText()).isEqualTo("users");
    assertThat(update.path("updateStream").findValuesAsText("transformType")).containsExactlyInAnyOrder("add_field", "remove_field");
    assertThat(read.path("breakingChange").asBoolean()).isFalse();
  }

  @Test
  void aSourceThatCannotBeReadIsAFailedJobNotAnError() {
    Actor broken = fixtures.actor(workspaceId, SecretApiSource.DEFINITION_ID, dev.gale.server.domain.ActorType.SOURCE, "broken",
        "{\"endpoint\": \"ftp://files.example.com\"}");
    JsonNode read = discover(Map.of("sourceId", broken.id().toString()));
    assertThat(read.at("/jobInfo/succeeded").asBoolean()).isFalse();
    assertThat(read.has("catalog")).isFalse();
    assertThat(read.at("/jobInfo/logs/logLines").toString()).contains("discovery failed");
  }

  @Test
  void unsavedConfigurationsAndWrittenCatalogs() {
    JsonNode unsaved = fixtures.api.post("/api/v1/scheduler/sources/discover_schema", Map.of("workspaceId", workspaceId.toString(),
        "sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString(), "connectionConfiguration", Map.of("count", 5))).expect(200);
    assertThat(unsaved.path("catalog").path("streams").size()).isEqualTo(3);
    fixtures.api.post("/api/v1/scheduler/sources/discover_schema", Map.of("workspaceId", workspaceId.toString(),
        "sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString(), "connectionConfiguration", Map.of("count", -1))).expectError(422);

    ObjectNode catalog = Json.object();
    catalog.putArray("streams").addObject().putObject("stream").put("name", "only_one").putObject("jsonSchema").put("type", "object");
    String catalogId = fixtures.api.post("/api/v1/sources/write_discover_catalog_result", Map.of("sourceId", source.id().toString(),
        "catalog", catalog, "connectorVersion", "9.9.9", "configurationHash", "abc")).expect(200).path("catalogId").asText();
    assertThat(catalogId).isNotBlank();
    JsonNode recent = fixtures.api.post("/api/v1/sources/most_recent_source_actor_catalog", Map.of("sourceId", source.id().toString()))
        .expect(200);
    assertThat(recent.path("catalog").path("streams").findValuesAsText("name")).isEqualTo(List.of("only_one"));
  }

  @Test
  void unknownSourcesAre404() {
    String unknown = UUID.randomUUID().toString();
    fixtures.api.post("/api/v1/sources/discover_schema", Map.of("sourceId", unknown)).expectError(404);
    fixtures.api.post("/api/v1/sources/most_recent_source_actor_catalog", Map.of("sourceId", unknown)).expectError(404);
  }

  private static JsonNode find(JsonNode transforms, String type) {
    for (JsonNode transform : transforms) {
      if (transform.path("transformType").asText().equals(type)) {
        return transform;
      }
    }
    throw new AssertionError(type + " not in " + transforms);
  }
}
