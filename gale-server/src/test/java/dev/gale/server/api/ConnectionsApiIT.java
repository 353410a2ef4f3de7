package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static dev.gale.server.api.ConnectionFixtures.connectionId;
import static dev.gale.server.api.ConnectionFixtures.createRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Creating, reading, changing and deleting connections. The sync catalog's rules are in {@link ConnectionCatalogApiIT},
 * search in {@link ConnectionSearchApiIT}.
 */
class ConnectionsApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  private UUID workspaceId;
  private Actor source;
  private Actor destination;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @BeforeEach
  void newWorkspace() {
    workspaceId = fixtures.newWorkspace("connections " + UUID.randomUUID());
    source = fixtures.source(workspaceId, "Faker");
    destination = fixtures.destination(workspaceId, "Nowhere");
  }

  @Test
  void createFillsInAirbytesDefaults() {
    JsonNode created = fixtures.createConnection(createRequest(source, destination));

    assertThat(created.path("name").asText()).isEqualTo("Faker <> Nowhere");
    assertThat(created.path("namespaceDefinition").asText()).isEqualTo("source");
    assertThat(created.path("geography").asText()).as("the workspace's default geography").isEqualTo("eu");
    assertThat(created.path("nonBreakingChangesPreference").asText()).isEqualTo("ignore");
    assertThat(created.path("notifySchemaChanges").asBoolean()).isTrue();
    assertThat(created.path("notifySchemaChangesByEmail").asBoolean()).isFalse();
    assertThat(created.path("backfillPreference").asText()).isEqualTo("disabled");
    assertThat(created.path("breakingChange").asBoolean()).isFalse();
    assertThat(created.path("status").asText()).isEqualTo("active");
    assertThat(created.path("scheduleType").asText()).isEqualTo("manual");
    assertThat(created.has("schedule")).isFalse();
    assertThat(created.has("scheduleData")).isFalse();
    assertThat(created.path("operationIds")).isEmpty();
    assertThat(created.path("workspaceId").asText()).isEqualTo(workspaceId.toString());
    assertThat(created.path("created_at").asLong()).isPositive();
    JsonNode users = created.at("/syncCatalog/streams/0");
    assertThat(users.at("/stream/name").asText()).isEqualTo("users");
    assertThat(users.at("/config/aliasName").asText()).isEqualTo("users");
    assertThat(users.at("/config/cursorField")).isEqualTo(Json.parse("[\"updated_at\"]"));
    assertThat(users.at("/config/primaryKey")).isEqualTo(Json.parse("[[\"id\"]]"));
    assertThat(users.at("/config/fieldSelectionEnabled").asBoolean()).isFalse();
    assertThat(created.path("syncCatalog").path("streams")).hasSize(3);

    assertThat(api.post("/api/v1/connections/get", connectionId(created)).expect(200)).isEqualTo(created);
  }

  @Test
  void createWithoutACatalogHasNoStreams() {
    ObjectNode request = createRequest(source, destination);
    request.remove("syncCatalog");

    assertThat(fixtures.createConnection(request).at("/syncCatalog/streams")).isEmpty();
  }

  @Test
  void everyFieldGivenReadsBackAsGiven() {
    String operationId = newWebhookOperation();
    String catalogId = fixtures.store.catalogs.store(Json.parse("{\"streams\":[]}")).id().toString();
    ObjectNode request = createRequest(source, destination)
        .put("name", " Faker to nowhere ")
        .put("namespaceDefinition", "customformat")
        .put("namespaceFormat", "${SOURCE_NAMESPACE}_raw")
        .put("prefix", "faker_")
        .put("scheduleType", "basic")
        .put("status", "inactive")
        .put("sourceCatalogId", catalogId)
        .put("geography", "us")
        .put("notifySchemaChanges", false)
        .put("notifySchemaChangesByEmail", true)
        .put("nonBreakingChangesPreference", "disable")
        .put("backfillPreference", "enabled");
    request.putArray("operationIds").add(operationId);
    request.set("scheduleData", Json.parse("{\"basicSchedule\": {\"timeUnit\": \"hours\", \"units\": 6}}"));
    request.set("resourceRequirements", Json.parse("{\"cpu_request\": \"1\", \"memory_limit\": \"2Gi\"}"));

    JsonNode created = fixtures.createConnection(request);

    assertThat(created.path("name").asText()).isEqualTo("Faker to nowhere");
    assertThat(created.path("namespaceDefinition").asText()).isEqualTo("customformat");
    assertThat(created.path("namespaceFormat").asText()).isEqualTo("${SOURCE_NAMESPACE}_raw");
    assertThat(created.path("prefix").asText()).isEqualTo("faker_");
    assertThat(created.path("status").asText()).isEqualTo("inactive");
    assertThat(created.path("sourceCatalogId").asText()).isEqualTo(catalogId);
    assertThat(created.path("geography").asText()).isEqualTo("us");
    assertThat(created.path("notifySchemaChanges").asBoolean()).isFalse();
    assertThat(created.path("notifySchemaChangesByEmail").asBoolean()).isTrue();
    assertThat(created.path("nonBreakingChangesPreference").asText()).isEqualTo("disable");
    assertThat(created.path("backfillPreference").asText()).isEqualTo("enabled");
    assertThat(created.path("operationIds")).isEqualTo(Json.parse("[\"" + operationId + "\"]"));
    assertThat(created.path("resourceRequirements")).isEqualTo(request.path("resourceRequirements"));
    assertThat(created.path("scheduleData")).isEqualTo(request.path("scheduleData"));
    assertThat(created.path("schedule")).as("the legacy form of a basic schedule")
        .isEqualTo(Json.parse("{\"units\": 6, \"timeUnit\": \"hours\"}"));
    assertThat(api.post("/api/v1/connections/get", connectionId(created)).expect(200)).isEqualTo(created);
  }

  @Test
  void theLegacyScheduleAloneMeansBasic() {
    ObjectNode request = createRequest(source, destination);
    request.set("schedule", Json.parse("{\"units\": 30, \"timeUnit\": \"minutes\"}"));

    JsonNode created = fixtures.createConnection(request);

    assertThat(created.path("scheduleType").asText()).isEqualTo("basic");
    assertThat(created.path("scheduleData")).isEqualTo(Json.parse("{\"basicSchedule\": {\"timeUnit\": \"minutes\", \"units\": 30}}"));
    assertThat(created.path("schedule")).isEqualTo(request.path("schedule"));
  }

  @Test
  void theLegacyScheduleMayAccompanyAScheduleTypeThatSaysTheSame() {
    ObjectNode request = createRequest(source, destination).put("scheduleType", "basic");
    request.set("schedule", Json.parse("{\"units\": 2, \"timeUnit\": \"days\"}"));
    request.set("scheduleData", Json.parse("{\"basicSchedule\": {\"timeUnit\": \"days\", \"units\": 2}}"));
    assertThat(fixtures.createConnection(request).path("scheduleType").asText()).isEqualTo("basic");

    request.set("schedule", Json.parse("{\"units\": 3, \"timeUnit\": \"days\"}"));
    assertInvalid(create(request), "schedule");
  }

  @Test
  void aCronScheduleIsCheckedAndHasNoLegacyForm() {
    ObjectNode request = createRequest(source, destination).put("scheduleType", "cron");
    request.set("scheduleData", Json.parse("{\"cron\": {\"cronExpression\": \"0 15 2 ? * MON-FRI\", \"cronTimeZone\": \"Europe/Paris\"}}"));

    JsonNode created = fixtures.createConnection(request);

    assertThat(created.path("scheduleType").asText()).isEqualTo("cron");
    assertThat(created.path("scheduleData")).isEqualTo(request.path("scheduleData"));
    assertThat(created.has("schedule")).isFalse();
  }

  @Test
  void badSchedulesAre422WithTheirPath() {
    assertInvalid(create(schedule("cron", "{\"cron\": {\"cronExpression\": \"*/5 * * *\", \"cronTimeZone\": \"UTC\"}}")),
        "scheduleData.cron.cronExpression");
    assertInvalid(create(schedule("cron", "{\"cron\": {\"cronExpression\": \"0 0 12 * * ?\", \"cronTimeZone\": \"Mars/Olympus\"}}")),
        "scheduleData.cron.cronTimeZone");
    assertInvalid(create(schedule("cron", "{\"cron\": {\"cronExpression\": \"0 0 12 * * ?\"}}")), "scheduleData.cron.cronTimeZone");
    assertInvalid(create(schedule("cron", "{\"basicSchedule\": {\"timeUnit\": \"hours\", \"units\": 1}}")), "scheduleData.cron");
    assertInvalid(create(schedule("basic", "{\"cron\": {\"cronExpression\": \"0 0 12 * * ?\", \"cronTimeZone\": \"UTC\"}}")),
        "scheduleData.basicSchedule");
    assertInvalid(create(schedule("basic", null)), "scheduleData.basicSchedule");
    assertInvalid(create(schedule("basic", "{\"basicSchedule\": {\"timeUnit\": \"hours\", \"units\": 0}}")),
        "scheduleData.basicSchedule.units");
    assertInvalid(create(schedule("basic", "{\"basicSchedule\": {\"timeUnit\": \"fortnights\", \"units\": 1}}")),
        "scheduleData.basicSchedule.timeUnit");
    assertInvalid(create(schedule("manual", "{\"basicSchedule\": {\"timeUnit\": \"hours\", \"units\": 1}}")), "scheduleData");
    assertInvalid(create(schedule(null, "{\"basicSchedule\": {\"timeUnit\": \"hours\", \"units\": 1}}")), "scheduleType");
    ObjectNode legacy = createRequest(source, destination);
    legacy.set("schedule", Json.parse("{\"units\": -1, \"timeUnit\": \"hours\"}"));
    assertInvalid(create(legacy), "schedule.units");
  }

  @Test
  void unknownSourceOrDestinationIs404() {
    ObjectNode request = createRequest(source, destination).put("sourceId", UUID.randomUUID().toString());
    assertThat(create(request).expectError(404).path("message").asText()).contains("source");

    request = createRequest(source, destination).put("destinationId", UUID.randomUUID().toString());
    assertThat(create(request).expectError(404).path("message").asText()).contains("destination");

    request = createRequest(source, destination).put("sourceId", destination.id().toString());
    assertThat(create(request).expectError(404).path("message").asText()).as("a destination is no source").contains("source");
  }

  @Test
  void deletedSourceOrDestinationAndWorkspaceMismatchAre422() {
    Actor deletedSource = fixtures.source(workspaceId, "gone");
    fixtures.store.actors.tombstone(deletedSource.id());
    assertInvalid(create(createRequest(deletedSource, destination)), "sourceId");

    Actor deletedDestination = fixtures.destination(workspaceId, "gone too");
    fixtures.store.actors.tombstone(deletedDestination.id());
    assertInvalid(create(createRequest(source, deletedDestination)), "destinationId");

    Actor elsewhere = fixtures.destination(fixtures.newWorkspace("elsewhere " + UUID.randomUUID()), "far");
    assertInvalid(create(createRequest(source, elsewhere)), "destinationId");
  }

  @Test
  void operationsMustBeLiveAndInTheConnectionsWorkspace() {
    ObjectNode request = createRequest(source, destination);
    request.putArray("operationIds").add(UUID.randomUUID().toString());
    create(request).expectError(404);

    UUID otherWorkspace = fixtures.newWorkspace("other " + UUID.randomUUID());
    request.putArray("operationIds").add(newWebhookOperation(otherWorkspace));
    assertInvalid(create(request), "operationIds[0]");

    String deleted = newWebhookOperation();
    api.post("/api/v1/operations/delete", Json.object().put("operationId", deleted)).expect(204);
    request.putArray("operationIds").add(deleted);
    assertInvalid(create(request), "operationIds[0]");

    String operation = newWebhookOperation();
    request.putArray("operationIds").add(operation).add(operation);
    assertInvalid(create(request), "operationIds[1]");
  }

  @Test
  void otherBadInputIs422() {
    assertInvalid(create(createRequest(source, destination).put("status", "deprecated")), "status");
    assertInvalid(create(createRequest(source, destination).put("name", "  ")), "name");
    assertInvalid(create(createRequest(source, destination).put("geography", "mars")), "geography");
    assertInvalid(create(createRequest(source, destination).put("sourceCatalogId", UUID.randomUUID().toString())),
        "sourceCatalogId");
    ObjectNode missing = createRequest(source, destination);
    missing.remove(List.of("sourceId", "status"));
    JsonNode error = create(missing).expectError(422);
    assertThat(error.path("validationErrors").findValuesAsText("propertyPath")).contains("sourceId", "status");
  }

  @Test
  void updateChangesOnlyWhatItGives() {
    JsonNode created = fixtures.createConnection(createRequest(source, destination).put("prefix", "keep_"));
    String operationId = newWebhookOperation();
    ObjectNode patch = Json.object().put("connectionId", created.path("connectionId").asText())
        .put("name", "renamed")
        .put("status", "inactive")
        .put("scheduleType", "cron")
        .put("breakingChange", true);
    patch.set("scheduleData", Json.parse("{\"cron\": {\"cronExpression\": \"0 0 * * * ?\", \"cronTimeZone\": \"UTC\"}}"));
    patch.putArray("operationIds").add(operationId);

    JsonNode updated = api.post("/api/v1/connections/update", patch).expect(200);

    assertThat(updated.path("name").asText()).isEqualTo("renamed");
    assertThat(updated.path("status").asText()).isEqualTo("inactive");
    assertThat(updated.path("scheduleType").asText()).isEqualTo("cron");
    assertThat(updated.path("breakingChange").asBoolean()).isTrue();
    assertThat(updated.path("operationIds")).isEqualTo(Json.parse("[\"" + operationId + "\"]"));
    assertThat(updated.path("prefix").asText()).isEqualTo("keep_");
    assertThat(updated.path("syncCatalog")).isEqualTo(created.path("syncCatalog"));
    assertThat(updated.path("created_at")).isEqualTo(created.path("created_at"));
    assertThat(api.post("/api/v1/connections/get", connectionId(created)).expect(200)).isEqualTo(updated);

    ObjectNode toManual = Json.object().put("connectionId", created.path("connectionId").asText()).put("scheduleType", "manual");
    JsonNode manual = api.post("/api/v1/connections/update", toManual).expect(200);
    assertThat(manual.has("scheduleData")).isFalse();
    assertThat(manual.path("name").asText()).isEqualTo("renamed");

    ObjectNode legacy = Json.object().put("connectionId", created.path("connectionId").asText());
    legacy.set("schedule", Json.parse("{\"units\": 12, \"timeUnit\": \"hours\"}"));
    assertThat(api.post("/api/v1/connections/update", legacy).expect(200).path("scheduleType").asText()).isEqualTo("basic");
  }

  @Test
  void updateChecksWhatItChanges() {
    JsonNode created = fixtures.createConnection(createRequest(source, destination));
    String id = created.path("connectionId").asText();

    ObjectNode catalogPatch = Json.object().put("connectionId", id);
    ObjectNode catalog = ConnectionFixtures.sampleCatalog();
    ((ObjectNode) catalog.at("/streams/1/config")).put("destinationSyncMode", "update");
    catalogPatch.set("syncCatalog", catalog);
    assertInvalid(api.post("/api/v1/connections/update", catalogPatch), "syncCatalog.streams[1].config.destinationSyncMode");

    assertInvalid(api.post("/api/v1/connections/update", Json.object().put("connectionId", id).put("name", "")), "name");
    assertInvalid(api.post("/api/v1/connections/update", Json.object().put("connectionId", id).put("scheduleType", "basic")),
        "scheduleData.basicSchedule");
    ObjectNode badOperation = Json.object().put("connectionId", id);
    badOperation.putArray("operationIds").add(newWebhookOperation(fixtures.newWorkspace("far " + UUID.randomUUID())));
    assertInvalid(api.post("/api/v1/connections/update", badOperation), "operationIds[0]");

    assertThat(api.post("/api/v1/connections/get", connectionId(created)).expect(200)).as("nothing changed").isEqualTo(created);
    api.post("/api/v1/connections/update", Json.object().put("connectionId", UUID.randomUUID().toString())).expectError(404);
  }

  @Test
  void aDeletedConnectionStillReadsButCannotChange() {
    JsonNode created = fixtures.createConnection(createRequest(source, destination));

    api.post("/api/v1/connections/delete", connectionId(created)).expect(204);

    JsonNode deleted = api.post("/api/v1/connections/get", connectionId(created)).expect(200);
    assertThat(deleted.path("status").asText()).isEqualTo("deprecated");
    assertThat(deleted.path("name")).isEqualTo(created.path("name"));
    api.post("/api/v1/connections/delete", connectionId(created)).expect(204);
    api.post("/api/v1/connections/update", Json.object().put("connectionId", created.path("connectionId").asText())
        .put("status", "active")).expectError(409);
  }

  @Test
  void unknownConnectionsAre404() {
    JsonNode unknown = Json.object().put("connectionId", UUID.randomUUID().toString());
    api.post("/api/v1/connections/get", unknown).expectError(404);
    api.post("/api/v1/connections/delete", unknown).expectError(404);
    assertInvalid(api.post("/api/v1/connections/get", Json.object().put("connectionId", "not-a-uuid")), "connectionId");
  }

  @Test
  void listLeavesDeletedConnectionsOutAndListAllKeepsThem() {
    JsonNode kept = fixtures.newConnection(workspaceId, "b kept");
    JsonNode deleted = fixtures.newConnection(workspaceId, "a deleted");
    api.post("/api/v1/connections/delete", connectionId(deleted)).expect(204);
    fixtures.newConnection(fixtures.newWorkspace("other " + UUID.randomUUID()), "elsewhere");
    JsonNode workspace = Json.object().put("workspaceId", workspaceId.toString());

    assertThat(ConnectionFixtures.names(api.post("/api/v1/connections/list", workspace).expect(200)))
        .containsExactly(kept.path("name").asText());
    assertThat(ConnectionFixtures.names(api.post("/api/v1/connections/list_all", workspace).expect(200)))
        .containsExactly(deleted.path("name").asText(), kept.path("name").asText());
  }

  @Test
  void listingAnUnknownWorkspaceIs404() {
    JsonNode unknown = Json.object().put("workspaceId", UUID.randomUUID().toString());
    api.post("/api/v1/connections/list", unknown).expectError(404);
    api.post("/api/v1/connections/list_all", unknown).expectError(404);
  }

  private ApiResponse create(ObjectNode request) {
    return api.post("/api/v1/connections/create", request);
  }

  private ObjectNode schedule(String type, String data) {
    ObjectNode request = createRequest(source, destination);
    if (type != null) {
      request.put("scheduleType", type);
    }
    if (data != null) {
      request.set("scheduleData", Json.parse(data));
    }
    return request;
  }

  private String newWebhookOperation() {
    return newWebhookOperation(workspaceId);
  }

  private static String newWebhookOperation(UUID workspaceId) {
    return fixtures.newWebhookOperation(workspaceId, "notify").path("operationId").asText();
  }
}
