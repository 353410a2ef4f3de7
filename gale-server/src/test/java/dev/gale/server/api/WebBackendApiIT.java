package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static dev.gale.server.api.ConnectionFixtures.connectionId;
import static dev.gale.server.api.ConnectionFixtures.createRequest;
import static dev.gale.server.api.JobCalls.awaitEnd;
import static dev.gale.server.api.JobCalls.body;
import static dev.gale.server.api.JobCalls.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.files.LocalCsvDestination;
import dev.gale.connectors.postgres.source.PostgresSource;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code web_backend/*}: connections shaped for Airbyte's UI (with their source, destination, operations, latest
 * sync and schema changes), their creation and update with operations and resets, and the UI's small questions.
 */
class WebBackendApiIT {
  private static final String WB = "/api/v1/web_backend/";
  private static final String SAMPLE = "{\"count\": 200, \"seed\": 5, \"always_updated\": false}";

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
    workspaceId = fixtures.newWorkspace("web backend " + UUID.randomUUID());
  }

  @Test
  void listShowsEachLiveConnectionWithItsSourceDestinationAndLatestSync() {
    Actor faker = fixtures.source(workspaceId, "Faker");
    Actor other = fixtures.source(workspaceId, "Other faker");
    Actor nowhere = fixtures.destination(workspaceId, "Nowhere");
    Actor elsewhere = fixtures.destination(workspaceId, "Elsewhere");
    String first = create(faker, nowhere, "first");
    String second = create(other, elsewhere, "second");
    String third = create(faker, elsewhere, "third");
    api.post("/api/v1/connections/delete", body(create(other, nowhere, "deleted"))).expect(204);

    JsonNode all = list(workspaceId, null, null);
    assertThat(ConnectionFixtures.names(all)).containsExactly("first", "second", "third");
    JsonNode item = all.at("/connections/0");
    assertThat(item.path("connectionId").asText()).isEqualTo(first);
    assertThat(item.path("status").asText()).isEqualTo("active");
    assertThat(item.path("scheduleType").asText()).isEqualTo("manual");
    assertThat(item.path("isSyncing").asBoolean()).isFalse();
    assertThat(item.path("schemaChange").asText()).isEqualTo("no_change");
    assertThat(item.has("latestSyncJobStatus")).isFalse();
    JsonNode source = api.post("/api/v1/sources/get", Json.object().put("sourceId", faker.id().toString())).expect(200);
    assertThat(item.path("source")).isEqualTo(snippet(source, "source"));
    JsonNode destination = api.post("/api/v1/destinations/get", Json.object().put("destinationId", nowhere.id().toString()))
        .expect(200);
    assertThat(item.path("destination")).isEqualTo(snippet(destination, "destination"));

    assertThat(ConnectionFixtures.names(list(workspaceId, List.of(faker.id()), null))).containsExactly("first", "third");
    assertThat(ConnectionFixtures.names(list(workspaceId, null, List.of(elsewhere.id())))).containsExactly("second", "third");
    assertThat(ConnectionFixtures.names(list(workspaceId, List.of(faker.id()), List.of(elsewhere.id())))).containsExactly("third");
    assertThat(ConnectionFixtures.names(list(workspaceId, List.of(), List.of()))).hasSize(3);
    assertThat(ConnectionFixtures.names(list(workspaceId, List.of(UUID.randomUUID()), null))).isEmpty();

    JsonNode synced = JobCalls.syncToEnd(api, first);
    JsonNode afterSync = list(workspaceId, null, null).at("/connections/0");
    assertThat(afterSync.path("latestSyncJobStatus").asText()).isEqualTo("succeeded");
    assertThat(afterSync.path("latestSyncJobCreatedAt").asLong()).isEqualTo(synced.at("/job/createdAt").asLong());
    assertThat(list(workspaceId, null, null).at("/connections/1").has("latestSyncJobStatus")).isFalse();
    assertThat(second).isNotEqualTo(third);
  }

  @Test
  void getBundlesTheConnectionWithItsSourceDestinationAndOperations() {
    Actor source = fixtures.source(workspaceId, "Faker");
    Actor destination = fixtures.destination(workspaceId, "Nowhere");
    JsonNode operation = fixtures.newWebhookOperation(workspaceId, "dbt job");
    ObjectNode request = createRequest(source, destination).put("name", "bundled");
    request.putArray("operationIds").add(operation.path("operationId").asText());
    JsonNode connection = fixtures.createConnection(request);

    JsonNode read = get(connection.path("connectionId").asText(), false);

    assertThat(read.path("name").asText()).isEqualTo("bundled");
    assertThat(read.path("syncCatalog")).as("no discovered catalog to add streams from").isEqualTo(connection.path("syncCatalog"));
    assertThat(read.path("source")).isEqualTo(api.post("/api/v1/sources/get",
        Json.object().put("sourceId", source.id().toString())).expect(200));
    assertThat(read.path("destination")).isEqualTo(api.post("/api/v1/destinations/get",
        Json.object().put("destinationId", destination.id().toString())).expect(200));
    assertThat(read.path("operations")).containsExactly(operation);
    assertThat(read.path("operationIds")).isEqualTo(connection.path("operationIds"));
    assertThat(read.path("isSyncing").asBoolean()).isFalse();
    assertThat(read.path("schemaChange").asText()).isEqualTo("no_change");
    assertThat(read.path("notifySchemaChanges").asBoolean()).isTrue();
    assertThat(read.path("nonBreakingChangesPreference").asText()).isEqualTo("ignore");
    assertThat(read.path("geography").asText()).isEqualTo("eu");
    assertThat(read.path("createdAt").asLong()).isEqualTo(connection.path("created_at").asLong());
    assertThat(read.has("catalogDiff")).isFalse();
    assertThat(read.has("catalogId")).isFalse();

    api.post("/api/v1/connections/delete", connectionId(connection)).expect(204);
    assertThat(get(connection.path("connectionId").asText(), false).path("status").asText())
        .as("a deleted connection still reads").isEqualTo("deprecated");
  }

  @Test
  void aRefreshedCatalogShowsWhatChangedInTheSourceAndAnUpdateSavesIt() throws SQLException {
    Database.Settings database = TestingPostgres.shared().newDatabase();
    execute(database, """
        CREATE TABLE items (id bigint PRIMARY KEY, name text, updated_at timestamptz);
        CREATE TABLE other (code text);""");
    String sourceId = postgresSource(database);
    JsonNode discovered = api.post("/api/v1/sources/discover_schema", Map.of("sourceId", sourceId)).expect(200);
    String originalCatalogId = discovered.path("catalogId").asText();
    ObjectNode request = Json.object().put("sourceId", sourceId)
        .put("destinationId", fixtures.destination(workspaceId, "Nowhere").id().toString()).put("status", "active")
        .put("sourceCatalogId", originalCatalogId);
    request.putObject("syncCatalog").putArray("streams").add(stream(discovered.path("catalog"), "items"));
    JsonNode created = api.post(WB + "connections/create", request).expect(200);
    String connection = created.path("connectionId").asText();

    assertThat(streamNames(created, true)).containsExactly("items");
    assertThat(streamNames(created, false)).as("the discovered stream it does not sync").containsExactly("other");
    assertThat(created.path("catalogId").asText()).isEqualTo(originalCatalogId);
    assertThat(created.path("schemaChange").asText()).isEqualTo("no_change");

    execute(database, "ALTER TABLE items ADD COLUMN note text");
    assertThat(get(connection, false).path("schemaChange").asText()).as("not discovered since").isEqualTo("no_change");
    JsonNode refreshed = get(connection, true);

    assertThat(refreshed.path("catalogDiff")).isEqualTo(Json.parse("""
        {"transforms": [{"transformType": "update_stream", "streamDescriptor": {"name": "items", "namespace": "public"},
          "updateStream": [{"transformType": "add_field", "fieldName": ["note"], "breaking": false,
            "addField": {"schema": {"type": "string"}}}]}]}"""));
    assertThat(refreshed.path("schemaChange").asText()).isEqualTo("non_breaking");
    assertThat(refreshed.path("catalogId").asText()).isNotEqualTo(originalCatalogId);
    JsonNode items = stream(refreshed.path("syncCatalog"), "items");
    assertThat(items.at("/stream/jsonSchema/properties").has("note")).isTrue();
    assertThat(items.path("config")).as("its configuration carried over").isEqualTo(stream(created.path("syncCatalog"), "items").path("config"));
    assertThat(list(workspaceId, null, null).at("/connections/0/schemaChange").asText()).isEqualTo("non_breaking");
    assertThat(get(connection, false).path("syncCatalog")).as("a refresh saves nothing").isEqualTo(created.path("syncCatalog"));

    // Saving the refreshed catalog, as the UI does, resets the changed stream: the connection has no state yet, so
    // Airbyte resets every stream it syncs.
    ObjectNode save = Json.object().put("connectionId", connection).put("sourceCatalogId", refreshed.path("catalogId").asText());
    save.set("syncCatalog", refreshed.path("syncCatalog"));
    JsonNode saved = api.post(WB + "connections/update", save).expect(200);

    assertThat(saved.path("schemaChange").asText()).isEqualTo("no_change");
    assertThat(saved.path("catalogId").asText()).isEqualTo(refreshed.path("catalogId").asText());
    assertThat(stream(saved.path("syncCatalog"), "items").at("/stream/jsonSchema/properties").has("note")).isTrue();
    assertThat(saved.path("latestSyncJobStatus").asText()).isIn("pending", "running", "succeeded");
    JsonNode reset = latestJob(connection);
    assertThat(reset.path("configType").asText()).isEqualTo("reset_connection");
    assertThat(reset.at("/resetConfig/streamsToReset")).isEqualTo(Json.parse("[{\"name\": \"items\", \"namespace\": \"public\"}]"));
    assertThat(JobCalls.status(awaitEnd(api, reset.path("id").asLong()))).isEqualTo("succeeded");

    // Dropping the primary key breaks the stream as the connection syncs it.
    execute(database, "ALTER TABLE items DROP COLUMN id");
    JsonNode broken = get(connection, true);
    assertThat(broken.path("schemaChange").asText()).isEqualTo("breaking");
    JsonNode removal = broken.at("/catalogDiff/transforms/0/updateStream/0");
    assertThat(removal.path("transformType").asText()).isEqualTo("remove_field");
    assertThat(removal.path("fieldName")).isEqualTo(Json.parse("[\"id\"]"));
    assertThat(removal.path("breaking").asBoolean()).isTrue();
  }

  @Test
  void createAndUpdateManageTheConnectionsOperations() {
    Actor source = fixtures.source(workspaceId, "Faker");
    Actor destination = fixtures.destination(workspaceId, "Nowhere");
    ObjectNode request = createRequest(source, destination).put("name", "with operations");
    request.putArray("operations").add(operation(null, "first"));
    JsonNode created = api.post(WB + "connections/create", request).expect(200);

    assertThat(created.path("operations")).hasSize(1);
    String first = created.at("/operations/0/operationId").asText();
    assertThat(created.path("operationIds")).isEqualTo(Json.parse("[\"" + first + "\"]"));
    assertThat(api.post("/api/v1/operations/get", Json.object().put("operationId", first)).expect(200).path("name").asText())
        .isEqualTo("first");
    String connection = created.path("connectionId").asText();

    ObjectNode patch = Json.object().put("connectionId", connection).put("name", "renamed").put("skipReset", true);
    patch.putArray("operations").add(operation(first, "first renamed")).add(operation(null, "second"));
    JsonNode updated = api.post(WB + "connections/update", patch).expect(200);

    assertThat(updated.path("name").asText()).isEqualTo("renamed");
    assertThat(updated.path("operations").findValuesAsText("name")).containsExactly("first renamed", "second");
    assertThat(updated.at("/operations/0/operationId").asText()).isEqualTo(first);
    String second = updated.at("/operations/1/operationId").asText();

    // Operations left out are taken off and deleted, unless another connection runs them too.
    ObjectNode sharing = createRequest(fixtures.source(workspaceId, "Faker 2"), destination).put("name", "sharing");
    sharing.putArray("operationIds").add(second);
    String other = fixtures.createConnection(sharing).path("connectionId").asText();
    ObjectNode replace = Json.object().put("connectionId", connection);
    replace.putArray("operations").add(operation(null, "third"));
    JsonNode replaced = api.post(WB + "connections/update", replace).expect(200);

    assertThat(replaced.path("operations").findValuesAsText("name")).containsExactly("third");
    api.post("/api/v1/operations/get", Json.object().put("operationId", first)).expectError(404);
    assertThat(api.post("/api/v1/operations/get", Json.object().put("operationId", second)).expect(200).path("name").asText())
        .isEqualTo("second");
    assertThat(get(other, false).path("operationIds")).isEqualTo(Json.parse("[\"" + second + "\"]"));

    // What the UI does: read, change a field, send the whole read back.
    ObjectNode roundTrip = ((ObjectNode) get(connection, false).deepCopy()).put("name", "round trip").put("skipReset", true);
    JsonNode back = api.post(WB + "connections/update", roundTrip).expect(200);
    assertThat(back.path("name").asText()).isEqualTo("round trip");
    assertThat(back.path("operations")).isEqualTo(replaced.path("operations"));
    assertThat(back.path("syncCatalog")).isEqualTo(replaced.path("syncCatalog"));

    JsonNode renamedOnly = api.post(WB + "connections/update", Json.object().put("connectionId", connection).put("name", "n"))
        .expect(200);
    assertThat(renamedOnly.path("operations")).as("absent operations stay").isEqualTo(replaced.path("operations"));
    assertThat(jobCount(connection)).as("nothing to reset: the catalog never changed").isZero();
  }

  @Test
  void aFailedCreateLeavesNoOperationBehind() {
    Actor source = fixtures.source(workspaceId, "Faker");
    ObjectNode request = createRequest(source, fixtures.destination(workspaceId, "Nowhere"));
    request.put("destinationId", UUID.randomUUID().toString());
    request.putArray("operations").add(operation(null, "orphan?"));

    api.post(WB + "connections/create", request).expectError(404);

    assertThat(fixtures.store.operations.listByWorkspace(workspaceId)).isEmpty();
    List<Boolean> tombstones = fixtures.store.database.jdbi().withHandle(handle -> handle
        .createQuery("SELECT tombstone FROM operation WHERE workspace_id = :workspaceId")
        .bind("workspaceId", workspaceId).mapTo(Boolean.class).list());
    assertThat(tombstones).as("created, then deleted again").containsExactly(true);
  }

  @Test
  void anUpdateResetsOnlyTheStreamsItChangesUnlessSkipped() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "incremental", "append");
    JobCalls.syncToEnd(api, connection);
    assertThat(stateType(connection)).isEqualTo("stream");

    api.post(WB + "connections/update", catalogUpdate(connection, "products", "overwrite").put("skipReset", true)).expect(200);
    assertThat(jobCount(connection)).as("skipReset").isEqualTo(1);

    JsonNode updated = api.post(WB + "connections/update", catalogUpdate(connection, "purchases", "overwrite")).expect(200);
    assertThat(stream(updated.path("syncCatalog"), "purchases").at("/config/destinationSyncMode").asText()).isEqualTo("overwrite");
    JsonNode reset = latestJob(connection);
    assertThat(reset.path("configType").asText()).isEqualTo("reset_connection");
    assertThat(reset.at("/resetConfig/streamsToReset")).isEqualTo(Json.parse("[{\"name\": \"purchases\"}]"));
    assertThat(JobCalls.status(awaitEnd(api, reset.path("id").asLong()))).isEqualTo("succeeded");
    assertThat(streamsWithState(connection)).containsExactlyInAnyOrder("users", "products");

    // A stream no longer synced loses its state; no job is needed for that.
    ObjectNode deselect = Json.object().put("connectionId", connection);
    ObjectNode catalog = get(connection, false).path("syncCatalog").deepCopy();
    ((ObjectNode) stream(catalog, "users").path("config")).put("selected", false);
    deselect.set("syncCatalog", catalog);
    api.post(WB + "connections/update", deselect).expect(200);
    assertThat(streamsWithState(connection)).containsExactly("products");
    assertThat(jobCount(connection)).isEqualTo(2);
  }

  @Test
  void withoutStateAnUpdateResetsEveryStreamAndSupersedesARunningSync() {
    // One slice as large as the run: the sync commits no state before it is superseded, so the connection has none.
    String connection = JobCalls.sampleConnection(fixtures,
        "{\"count\": 2000000000, \"seed\": 1, \"records_per_slice\": 2000000000}", "full_refresh", "overwrite");
    long sync = JobCalls.id(JobCalls.sync(api, connection));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
        () -> JobCalls.get(api, sync), info -> info.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong() > 0);
    String workspace = get(connection, false).at("/source/workspaceId").asText();
    assertThat(get(connection, false).path("isSyncing").asBoolean()).isTrue();
    assertThat(list(UUID.fromString(workspace), null, null).at("/connections/0/isSyncing").asBoolean()).isTrue();
    assertThat(stateType(connection)).isEqualTo("not_set");

    api.post(WB + "connections/update", catalogUpdate(connection, "users", "append")).expect(200);

    assertThat(JobCalls.status(awaitEnd(api, sync))).isEqualTo("cancelled");
    JsonNode reset = latestJob(connection);
    assertThat(reset.path("configType").asText()).isEqualTo("reset_connection");
    assertThat(reset.at("/resetConfig/streamsToReset").findValuesAsText("name")).containsExactly("users", "products", "purchases");
    assertThat(JobCalls.status(awaitEnd(api, reset.path("id").asLong()))).isEqualTo("succeeded");
    JsonNode after = list(UUID.fromString(workspace), null, null).at("/connections/0");
    assertThat(after.path("isSyncing").asBoolean()).isFalse();
    assertThat(after.path("latestSyncJobStatus").asText()).isEqualTo("succeeded");
  }

  @Test
  void stateTypeFollowsTheConnectionsState() {
    String connection = fixtures.newConnection(workspaceId, "stateful").path("connectionId").asText();
    assertThat(stateType(connection)).isEqualTo("not_set");

    ObjectNode write = Json.object().put("connectionId", connection);
    ObjectNode state = write.putObject("connectionState").put("stateType", "global").put("connectionId", connection);
    ObjectNode global = state.putObject("globalState");
    global.putObject("shared_state").put("lsn", 42);
    global.putArray("streamStates").addObject().set("streamDescriptor", Json.object().put("name", "users"));
    api.post("/api/v1/state/create_or_update", write).expect(200);

    assertThat(stateType(connection)).isEqualTo("global");
    api.post(WB + "state/get_type", body(UUID.randomUUID().toString())).expectError(404);
  }

  @Test
  void workspaceStateSaysWhatTheWorkspaceHas() {
    assertThat(workspaceState(workspaceId)).isEqualTo(Json.parse(
        "{\"hasConnections\": false, \"hasSources\": false, \"hasDestinations\": false}"));
    Actor source = fixtures.source(workspaceId, "Faker");
    assertThat(workspaceState(workspaceId).path("hasSources").asBoolean()).isTrue();
    Actor destination = fixtures.destination(workspaceId, "Nowhere");
    assertThat(workspaceState(workspaceId).path("hasDestinations").asBoolean()).isTrue();
    JsonNode connection = fixtures.createConnection(createRequest(source, destination));
    assertThat(workspaceState(workspaceId)).isEqualTo(Json.parse(
        "{\"hasConnections\": true, \"hasSources\": true, \"hasDestinations\": true}"));

    api.post("/api/v1/connections/delete", connectionId(connection)).expect(204);
    assertThat(workspaceState(workspaceId).path("hasConnections").asBoolean()).as("deleted ones do not count").isFalse();
    api.post(WB + "workspace/state", Json.object().put("workspaceId", UUID.randomUUID().toString())).expectError(404);
  }

  @Test
  void checkUpdatesCountsDefinitionsBehindTheVersionGaleShips() {
    assertThat(api.send("POST", WB + "check_updates", null, null).expect(200))
        .as("built-ins run the version this Gale ships").isEqualTo(Json.parse("{\"destinationDefinitions\": 0, \"sourceDefinitions\": 0}"));

    DefinitionWithVersion csv = fixtures.store.definitions.findWithDefaultVersion(LocalCsvDestination.DEFINITION_ID).orElseThrow();
    ActorDefinitionVersion shipped = csv.version();
    ActorDefinitionVersion older = new ActorDefinitionVersion(UUID.randomUUID(), shipped.actorDefinitionId(),
        shipped.dockerRepository(), "0.0.1", shipped.documentationUrl(), shipped.spec(), shipped.protocolVersion(),
        shipped.releaseStage(), shipped.releaseDate(), shipped.supportLevel(), Instant.now());
    fixtures.store.definitions.insertVersion(older);
    fixtures.store.definitions.setDefaultVersion(csv.definition().id(), older.id());
    try {
      assertThat(api.send("POST", WB + "check_updates", null, null).expect(200))
          .isEqualTo(Json.parse("{\"destinationDefinitions\": 1, \"sourceDefinitions\": 0}"));
    } finally {
      fixtures.store.definitions.setDefaultVersion(csv.definition().id(), shipped.id());
    }
  }

  @Test
  void geographiesAreAirbyteOssOnes() {
    assertThat(api.send("POST", WB + "geographies/list", null, null).expect(200))
        .isEqualTo(Json.parse("{\"geographies\": [\"auto\"]}"));
  }

  @Test
  void wrongRequestsAreClientErrorsInTheConfigApisShapes() {
    String unknown = UUID.randomUUID().toString();
    JsonNode notFound = api.post(WB + "connections/get", Json.object().put("connectionId", unknown)).expectError(404);
    assertThat(notFound.path("message").asText()).contains(unknown);
    api.post(WB + "connections/update", Json.object().put("connectionId", unknown).put("name", "x")).expectError(404);
    api.post(WB + "connections/list", Json.object().put("workspaceId", unknown)).expectError(404);

    api.send("POST", WB + "connections/get", "{\"connectionId\": ", "application/json").expectError(400);
    assertInvalid(api.post(WB + "connections/get", "{\"connectionId\": 12}"), "connectionId");
    assertInvalid(api.post(WB + "connections/get", Json.object().put("connectionId", unknown).put("withRefreshedCatalog", "yes")),
        "withRefreshedCatalog");
    assertInvalid(api.post(WB + "connections/list", "{\"workspaceId\": \"" + workspaceId + "\", \"sourceId\": \"one\"}"),
        "sourceId");
    assertInvalid(api.post(WB + "connections/list", Json.object()), "workspaceId");
    assertInvalid(api.post(WB + "workspace/state", Json.object()), "workspaceId");

    Actor source = fixtures.source(workspaceId, "Faker");
    Actor destination = fixtures.destination(workspaceId, "Nowhere");
    ObjectNode badOperation = createRequest(source, destination);
    ObjectNode operator = badOperation.putArray("operations").addObject().put("workspaceId", workspaceId.toString())
        .put("name", "no dbt");
    operator.putObject("operatorConfiguration").put("operatorType", "dbt");
    assertInvalid(api.post(WB + "connections/create", badOperation), "operations[0].operatorConfiguration.dbt");

    ObjectNode unreachable = Json.object().put("host", "localhost").put("port", 1).put("database", "none")
        .put("username", "nobody");
    unreachable.putObject("ssl_mode").put("mode", "disable");
    String pgSource = api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId.toString(), "name", "unreachable",
        "sourceDefinitionId", PostgresSource.DEFINITION_ID.toString(), "connectionConfiguration", unreachable))
        .expect(200).path("sourceId").asText();
    ObjectNode withoutStreams = Json.object().put("sourceId", pgSource).put("destinationId", destination.id().toString())
        .put("status", "active");
    String undiscoverable = fixtures.createConnection(withoutStreams).path("connectionId").asText();
    JsonNode failed = api.post(WB + "connections/get", Json.object().put("connectionId", undiscoverable)
        .put("withRefreshedCatalog", true)).expectError(422);
    assertThat(failed.path("message").asText()).startsWith("The source's streams could not be discovered again");

    JsonNode connection = fixtures.createConnection(createRequest(source, destination));
    ObjectNode nullOperation = Json.object().put("connectionId", connection.path("connectionId").asText());
    nullOperation.putArray("operations").addNull();
    assertInvalid(api.post(WB + "connections/update", nullOperation), "operations[0]");
    api.post("/api/v1/connections/delete", connectionId(connection)).expect(204);
    api.post(WB + "connections/update", connectionId(connection)).expectError(409);
  }

  private String create(Actor source, Actor destination, String name) {
    return fixtures.createConnection(createRequest(source, destination).put("name", name)).path("connectionId").asText();
  }

  private static JsonNode list(UUID workspaceId, List<UUID> sources, List<UUID> destinations) {
    ObjectNode request = Json.object().put("workspaceId", workspaceId.toString());
    if (sources != null) {
      ArrayNode ids = request.putArray("sourceId");
      sources.forEach(id -> ids.add(id.toString()));
    }
    if (destinations != null) {
      ArrayNode ids = request.putArray("destinationId");
      destinations.forEach(id -> ids.add(id.toString()));
    }
    return api.post(WB + "connections/list", request).expect(200);
  }

  private static JsonNode get(String connectionId, boolean withRefreshedCatalog) {
    return api.post(WB + "connections/get", Json.object().put("connectionId", connectionId)
        .put("withRefreshedCatalog", withRefreshedCatalog)).expect(200);
  }

  private static String stateType(String connectionId) {
    return api.post(WB + "state/get_type", body(connectionId)).expect(200).asText();
  }

  private static JsonNode workspaceState(UUID workspaceId) {
    return api.post(WB + "workspace/state", Json.object().put("workspaceId", workspaceId.toString())).expect(200);
  }

  /** A source or destination read reduced to the snippet the list shows. */
  private static JsonNode snippet(JsonNode read, String kind) {
    ObjectNode snippet = Json.object();
    for (String field : List.of(kind + "Id", "name", kind + "DefinitionId", kind + "Name", "icon")) {
      if (read.has(field)) {
        snippet.set(field, read.get(field));
      }
    }
    return snippet;
  }

  /** An update setting one stream's destination sync mode, the rest of the catalog as it is. */
  private static ObjectNode catalogUpdate(String connectionId, String streamName, String destinationSyncMode) {
    ObjectNode catalog = get(connectionId, false).path("syncCatalog").deepCopy();
    ((ObjectNode) stream(catalog, streamName).path("config")).put("destinationSyncMode", destinationSyncMode);
    ObjectNode update = Json.object().put("connectionId", connectionId);
    update.set("syncCatalog", catalog);
    return update;
  }

  private ObjectNode operation(String operationId, String name) {
    ObjectNode operation = Json.object().put("workspaceId", workspaceId.toString()).put("name", name);
    if (operationId != null) {
      operation.put("operationId", operationId);
    }
    operation.set("operatorConfiguration", fixtures.webhookOperator(workspaceId));
    return operation;
  }

  private static JsonNode stream(JsonNode catalog, String name) {
    for (JsonNode entry : catalog.path("streams")) {
      if (entry.at("/stream/name").asText().equals(name)) {
        return entry;
      }
    }
    throw new AssertionError("no stream " + name + " in " + catalog);
  }

  private static List<String> streamNames(JsonNode read, boolean selected) {
    List<String> names = new ArrayList<>();
    read.at("/syncCatalog/streams").forEach(entry -> {
      if (entry.at("/config/selected").asBoolean() == selected) {
        names.add(entry.at("/stream/name").asText());
      }
    });
    return names;
  }

  private static JsonNode latestJob(String connectionId) {
    return api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [\"sync\", \"reset_connection\"], \"configId\": \""
        + connectionId + "\"}")).expect(200).at("/jobs/0/job");
  }

  private static long jobCount(String connectionId) {
    return api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [\"sync\", \"reset_connection\"], \"configId\": \""
        + connectionId + "\"}")).expect(200).path("totalJobCount").asLong();
  }

  private static List<String> streamsWithState(String connectionId) {
    return state(api, connectionId).path("streamState").findValues("streamDescriptor").stream()
        .map(d -> d.path("name").asText()).toList();
  }

  private String postgresSource(Database.Settings database) {
    String name = database.url().replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
    ObjectNode config = Json.object().put("host", "localhost").put("port", TestingPostgres.shared().port())
        .put("database", name).put("username", database.user());
    config.putObject("ssl_mode").put("mode", "disable");
    config.putArray("schemas").add("public");
    config.putObject("replication_method").put("method", "Standard");
    return api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId.toString(), "name", "pg",
        "sourceDefinitionId", PostgresSource.DEFINITION_ID.toString(), "connectionConfiguration", config))
        .expect(200).path("sourceId").asText();
  }

  private static void execute(Database.Settings database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
