package dev.gale.server.api;

import static dev.gale.server.api.DeclarativeFixtures.PUBLIC;
import static dev.gale.server.api.DeclarativeFixtures.config;
import static dev.gale.server.api.DeclarativeFixtures.count;
import static dev.gale.server.api.DeclarativeFixtures.takeRequests;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.SpecValidator;
import dev.gale.server.testing.TestManifests;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingItemsApi;
import dev.gale.server.testing.TestingPostgres;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Declarative sources through the whole stack: a manifest published through the Public API or the Config API, a
 * source made from it with the configuration Airbyte's image takes, checked, discovered, and synced by a worker into a
 * real PostgreSQL from an HTTP API answered in the test JVM; then the manifest changes and the next sync runs the new
 * version, from the state the last one committed.
 */
class DeclarativeSyncApiIT {
  private static TestingGaleServer gale;
  private static ApiClient api;
  /** The client for the builder's and the declarative definitions' endpoints. */
  private static ApiClient builder;
  private static DeclarativeFixtures fixtures;
  private TestingItemsApi items;

  @BeforeAll
  static void start() {
    gale = TestingGaleServer.start(Database.Settings.h2Memory("declarative-sync-" + UUID.randomUUID()));
    api = gale.client();
    builder = api.alsoCheckedBy(SpecValidator.airbyteCurrentConfigSpec());
    fixtures = new DeclarativeFixtures(api);
  }

  @AfterAll
  static void stop() {
    gale.close();
  }

  @BeforeEach
  void api() {
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
  void aManifestPublishedThroughThePublicApiSyncsIncrementallyAndANewVersionTakesOverAtTheNextSync() throws Exception {
    String workspace = fixtures.workspace("declarative public");
    String declaratives = PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources";
    String definition = api.post(declaratives, Map.of("workspaceId", workspace, "name", "Items API", "manifest",
        TestManifests.items("/items", "v1"))).expect(200).path("id").asText();

    JsonNode created = api.post("/api/v1/sources/create", Map.of("workspaceId", workspace, "name", "items",
        "sourceDefinitionId", definition, "connectionConfiguration", config(items, items.apiKey()))).expect(200);
    String source = created.path("sourceId").asText();
    assertThat(created.at("/connectionConfiguration/api_key").asText()).isEqualTo("**********");
    JsonNode check = api.post("/api/v1/sources/check_connection", Map.of("sourceId", source)).expect(200);
    assertThat(check.path("status").asText()).as(check.toString()).isEqualTo("succeeded");
    JsonNode stream = fixtures.discover(source).at("/streams/0/stream");
    assertThat(stream.path("name").asText()).isEqualTo("items");
    assertThat(stream.path("supportedSyncModes")).extracting(JsonNode::asText).contains("incremental");
    assertThat(stream.path("defaultCursorField")).isEqualTo(Json.parse("[\"updated_at\"]"));
    assertThat(stream.path("sourceDefinedPrimaryKey")).isEqualTo(Json.parse("[[\"id\"]]"));
    assertThat(stream.at("/jsonSchema/properties/source/type").asText()).isEqualTo("string");
    takeRequests(items);

    Database.Settings warehouse = TestingPostgres.shared().newDatabase();
    String connection = fixtures.connection(source, fixtures.postgresDestination(workspace, warehouse), Set.of("items"),
        "incremental", "append_dedup");

    JsonNode first = JobCalls.syncToEnd(api, connection);
    assertThat(JobCalls.status(first)).as(first.toString()).isEqualTo("succeeded");
    assertThat(first.at("/job/aggregatedStats/recordsEmitted").asLong()).isEqualTo(5);
    assertThat(first.at("/job/aggregatedStats/recordsCommitted").asLong()).isEqualTo(5);
    assertThat(count(warehouse, "SELECT count(*) FROM public.items WHERE source = 'v1'")).isEqualTo(5);
    // Two records a page: three pages (the first without a page number, as Airbyte's paginator sends it), each from
    // the configured start, each with the key the API wants.
    assertThat(takeRequests(items)).containsExactly(
        "/items?per_page=2&since=2023-12-31T00:00:00Z",
        "/items?page=2&per_page=2&since=2023-12-31T00:00:00Z",
        "/items?page=3&per_page=2&since=2023-12-31T00:00:00Z");
    assertThat(cursor(connection)).isEqualTo("2024-01-05T00:00:00Z");

    items.add(6, "item 6", "2024-02-01T00:00:00Z").add(3, "item 3 renamed", "2024-02-02T00:00:00Z");
    JsonNode second = JobCalls.syncToEnd(api, connection);
    assertThat(JobCalls.status(second)).as(second.toString()).isEqualTo("succeeded");
    assertThat(second.at("/job/aggregatedStats/recordsEmitted").asLong()).isEqualTo(2);
    assertThat(takeRequests(items)).containsExactly("/items?per_page=2&since=2024-01-05T00:00:00Z",
        "/items?page=2&per_page=2&since=2024-01-05T00:00:00Z");
    assertThat(count(warehouse, "SELECT count(*) FROM public.items")).isEqualTo(6);
    assertThat(count(warehouse, "SELECT count(*) FROM public.items WHERE id = 3 AND name = 'item 3 renamed'")).isEqualTo(1);
    assertThat(cursor(connection)).isEqualTo("2024-02-02T00:00:00Z");

    JsonNode updated = api.put(declaratives + "/" + definition, Map.of("manifest", TestManifests.items("/v2/items", "v2")))
        .expect(200);
    assertThat(updated.path("version").asLong()).isEqualTo(2);
    items.add(7, "item 7", "2024-03-01T00:00:00Z");
    JsonNode third = JobCalls.syncToEnd(api, connection);
    assertThat(JobCalls.status(third)).as(third.toString()).isEqualTo("succeeded");
    assertThat(third.at("/job/aggregatedStats/recordsCommitted").asLong()).isEqualTo(1);
    assertThat(takeRequests(items)).containsExactly("/v2/items?per_page=2&since=2024-02-02T00:00:00Z");
    assertThat(count(warehouse, "SELECT count(*) FROM public.items WHERE source = 'v2'")).isEqualTo(1);
    assertThat(count(warehouse, "SELECT count(*) FROM public.items WHERE id = 7 AND source = 'v2'")).isEqualTo(1);
    assertThat(count(warehouse, "SELECT count(*) FROM public.items WHERE source = 'v1'")).isEqualTo(6);
  }

  @Test
  void theConfigApiAddsVersionsAndChoosesTheActiveOneForTheNextCheckDiscoveryAndSync() throws Exception {
    String workspace = fixtures.workspace("declarative config");
    String project = builder.post("/api/v1/connector_builder_projects/create", Map.of("workspaceId", workspace,
        "builderProject", Map.of("name", "Items (builder)", "draftManifest", TestManifests.items("/items", "v1"))))
        .expect(201).path("builderProjectId").asText();
    String definition = builder.post("/api/v1/connector_builder_projects/publish", Map.of("workspaceId", workspace,
        "builderProjectId", project, "name", "Items (builder)", "initialDeclarativeManifest", Map.of(
            "manifest", TestManifests.items("/items", "v1"), "spec", Map.of(), "version", 1, "description", "first")))
        .expect(200).path("sourceDefinitionId").asText();
    String source = fixtures.source(workspace, definition, config(items, items.apiKey()));
    Database.Settings warehouse = TestingPostgres.shared().newDatabase();
    String connection = fixtures.connection(source, fixtures.postgresDestination(workspace, warehouse), Set.of("items"),
        "full_refresh", "overwrite");

    builder.post("/api/v1/declarative_source_definitions/create_manifest", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition, "setAsActiveManifest", false, "declarativeManifest", Map.of(
            "manifest", TestManifests.itemsAndRecent("/v2/items", "v2"), "spec", Map.of(), "version", 2,
            "description", "adds recent_items"))).expect(201);
    assertThat(manifests(workspace, definition)).isEqualTo(Json.parse("""
        [{"version": 1, "isActive": true, "description": "first"},
         {"version": 2, "isActive": false, "description": "adds recent_items"}]"""));
    assertThat(streamNames(source)).containsExactly("items");

    builder.post("/api/v1/declarative_source_definitions/update_active_manifest", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition, "version", 2)).expect(204);
    assertThat(manifests(workspace, definition).findValues("isActive")).extracting(JsonNode::asBoolean)
        .containsExactly(false, true);
    assertThat(streamNames(source)).containsExactly("items", "recent_items");
    JsonNode sync = JobCalls.syncToEnd(api, connection);
    assertThat(JobCalls.status(sync)).as(sync.toString()).isEqualTo("succeeded");
    assertThat(sync.at("/job/aggregatedStats/recordsCommitted").asLong()).isEqualTo(5);
    assertThat(count(warehouse, "SELECT count(*) FROM public.items WHERE source = 'v2'")).isEqualTo(5);
    assertThat(takeRequests(items)).allMatch(request -> request.startsWith("/v2/items?")).hasSize(3);

    builder.post("/api/v1/declarative_source_definitions/update_active_manifest", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition, "version", 1)).expect(204);
    JsonNode check = api.post("/api/v1/sources/check_connection", Map.of("sourceId", source)).expect(200);
    assertThat(check.path("status").asText()).isEqualTo("succeeded");
    assertThat(takeRequests(items)).containsExactly("/items?per_page=2&since=2023-12-31T00:00:00Z");
    assertThat(streamNames(source)).containsExactly("items");
    assertThat(api.get(PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources/" + definition).expect(200)
        .path("version").asLong()).isEqualTo(1);
  }

  @Test
  void aCheckWithAKeyTheApiRefusesFailsWithoutShowingTheKey() {
    String workspace = fixtures.workspace("declarative refused");
    String definition = api.post(PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources",
        Map.of("workspaceId", workspace, "name", "Items API", "manifest", TestManifests.items("/items", "v1")))
        .expect(200).path("id").asText();
    String wrongKey = "sk-wrong-" + UUID.randomUUID();
    String source = fixtures.source(workspace, definition, config(items, wrongKey));

    JsonNode check = api.post("/api/v1/sources/check_connection", Map.of("sourceId", source)).expect(200);

    assertThat(check.path("status").asText()).isEqualTo("failed");
    assertThat(check.path("message").asText()).contains("401").doesNotContain(wrongKey);
    assertThat(check.toString()).doesNotContain(wrongKey);
  }

  private static String cursor(String connection) {
    return JobCalls.state(api, connection).at("/streamState/0/streamState/updated_at").asText();
  }

  private static JsonNode manifests(String workspace, String definition) {
    return builder.post("/api/v1/declarative_source_definitions/list_manifests", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition)).expect(200).path("manifestVersions");
  }

  private static List<String> streamNames(String source) {
    return fixtures.discover(source).path("streams").findValues("stream").stream()
        .map(stream -> stream.path("name").asText()).toList();
  }
}
