package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static dev.gale.server.api.ConnectionFixtures.createRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules a connection's sync catalog follows, on the Sample Data source's catalog: users, products, purchases,
 * each with a source-defined cursor ({@code updated_at}) and primary key ({@code id}), into a Dev Null destination
 * that supports overwrite, append and append_dedup.
 */
class ConnectionCatalogApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  private Actor source;
  private Actor destination;
  private ObjectNode request;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @BeforeEach
  void newRequest() {
    UUID workspaceId = fixtures.newWorkspace("catalogs " + UUID.randomUUID());
    source = fixtures.source(workspaceId, "Faker");
    destination = fixtures.destination(workspaceId, "Nowhere");
    request = createRequest(source, destination);
  }

  @Test
  void incrementalDedupWithTheSourcesCursorAndKeyIsAccepted() {
    config(2).put("syncMode", "incremental").put("destinationSyncMode", "append_dedup");

    JsonNode purchases = create().expect(200).at("/syncCatalog/streams/2/config");

    assertThat(purchases.path("cursorField")).isEqualTo(Json.parse("[\"updated_at\"]"));
    assertThat(purchases.path("primaryKey")).isEqualTo(Json.parse("[[\"id\"]]"));
  }

  @Test
  void streamsNamedOnlyByNameGetTheRestFromDiscovery() {
    ArrayNode streams = Json.mapper().createArrayNode();
    ObjectNode users = streams.addObject();
    users.putObject("stream").put("name", "users");
    users.putObject("config").put("syncMode", "incremental").put("destinationSyncMode", "append_dedup");
    streams.addObject().putObject("stream").put("name", "products");
    request.putObject("syncCatalog").set("streams", streams);

    JsonNode catalog = galeOnly().expect(200).path("syncCatalog").path("streams");

    assertThat(catalog.get(0).at("/stream/jsonSchema/properties").has("email")).isTrue();
    assertThat(catalog.get(0).at("/stream/supportedSyncModes").toString()).contains("incremental");
    assertThat(catalog.get(0).at("/config/cursorField")).isEqualTo(Json.parse("[\"updated_at\"]"));
    assertThat(catalog.get(0).at("/config/primaryKey")).isEqualTo(Json.parse("[[\"id\"]]"));
    assertThat(catalog.get(1).at("/stream/jsonSchema/properties").has("make")).isTrue();
    assertThat(catalog.get(1).at("/config/syncMode").asText()).isEqualTo("full_refresh");

    ArrayNode unknown = Json.mapper().createArrayNode();
    unknown.addObject().putObject("stream").put("name", "no_such_stream");
    request.putObject("syncCatalog").set("streams", unknown);
    assertThat(galeOnly().expectError(422).path("validationErrors").get(0).path("propertyPath").asText())
        .startsWith("syncCatalog.streams[0]");
  }

  @Test
  void aUserCursorAndKeyMustNameFieldsOfTheStream() {
    stream(2).put("sourceDefinedCursor", false).remove("defaultCursorField");
    stream(2).remove("sourceDefinedPrimaryKey");
    config(2).put("syncMode", "incremental").put("destinationSyncMode", "append_dedup");
    config(2).putArray("cursorField").add("purchased_at");
    config(2).putArray("primaryKey").addArray().add("id");
    assertThat(create().expect(200).at("/syncCatalog/streams/2/config/cursorField/0").asText()).isEqualTo("purchased_at");

    config(2).putArray("cursorField").add("paid_at");
    config(2).putArray("primaryKey").addArray().add("user_id").add("nope");
    JsonNode error = create().expectError(422);
    assertThat(error.path("validationErrors").findValuesAsText("propertyPath"))
        .containsExactly("syncCatalog.streams[2].config.cursorField", "syncCatalog.streams[2].config.primaryKey[0]");
  }

  @Test
  void incrementalWithoutAnyCursorIs422() {
    stream(2).put("sourceDefinedCursor", false).remove("defaultCursorField");
    config(2).put("syncMode", "incremental");

    assertInvalid(create(), "syncCatalog.streams[2].config.cursorField");
  }

  @Test
  void dedupWithoutAnyPrimaryKeyIs422() {
    stream(1).remove("sourceDefinedPrimaryKey");
    config(1).put("destinationSyncMode", "append_dedup");

    assertInvalid(create(), "syncCatalog.streams[1].config.primaryKey");
  }

  @Test
  void theSyncModeMustBeOneTheStreamSupports() {
    stream(0).putArray("supportedSyncModes").add("full_refresh");
    config(0).put("syncMode", "incremental");

    assertInvalid(create(), "syncCatalog.streams[0].config.syncMode");
  }

  @Test
  void theDestinationSyncModeMustBeOneTheDestinationSupports() {
    config(1).put("destinationSyncMode", "soft_delete");
    assertInvalid(create(), "syncCatalog.streams[1].config.destinationSyncMode");

    config(1).put("destinationSyncMode", "overwrite_dedup");
    assertInvalid(create(), "syncCatalog.streams[1].config.destinationSyncMode");

    request = createRequest(source, fixtures.destinationSupporting(source.workspaceId(), "append"));
    for (int i = 0; i < 3; i++) {
      config(i).put("destinationSyncMode", "append");
    }
    create().expect(200);
    config(1).put("destinationSyncMode", "overwrite");
    assertInvalid(create(), "syncCatalog.streams[1].config.destinationSyncMode");
  }

  @Test
  void aDestinationThatListsNoSyncModesTakesAny() {
    request = createRequest(source, fixtures.destinationSupporting(source.workspaceId()));
    config(0).put("destinationSyncMode", "append");
    config(1).put("destinationSyncMode", "append_dedup");

    JsonNode created = create().expect(200);

    assertThat(created.at("/syncCatalog/streams/1/config/destinationSyncMode").asText()).isEqualTo("append_dedup");
  }

  @Test
  void anUnselectedStreamIsStoredButNotChecked() {
    stream(0).putArray("supportedSyncModes").add("full_refresh");
    stream(0).remove("sourceDefinedPrimaryKey");
    config(0).put("syncMode", "incremental").put("destinationSyncMode", "append_dedup").put("selected", false);

    JsonNode users = create().expect(200).at("/syncCatalog/streams/0");

    assertThat(users.at("/config/selected").asBoolean()).isFalse();
    assertThat(users.at("/config/syncMode").asText()).isEqualTo("incremental");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    stream(0).putArray("supportedSyncModes").add("full_refresh");
    config(0).put("syncMode", "incremental");
    config(1).put("destinationSyncMode", "update");
    stream(2).remove("sourceDefinedPrimaryKey");
    config(2).put("destinationSyncMode", "append_dedup");

    JsonNode error = create().expectError(422);

    assertThat(error.path("validationErrors").findValuesAsText("propertyPath")).containsExactly(
        "syncCatalog.streams[0].config.syncMode", "syncCatalog.streams[1].config.destinationSyncMode",
        "syncCatalog.streams[2].config.primaryKey");
    assertThat(error.path("message").asText()).contains("and 2 more problems");
  }

  @Test
  void aStreamNeedsItsPartsAndAUniqueName() {
    ((ObjectNode) streams().get(1)).put("stream", (String) null);
    assertInvalid(create(), "syncCatalog.streams[1].stream");

    request = createRequest(source, destination);
    stream(1).put("name", "users");
    assertInvalid(create(), "syncCatalog.streams[1].stream.name");

    // A stream the source does not offer is refused for that, not for the schema discovery could not complete.
    request = createRequest(source, destination);
    stream(2).put("name", "not_offered").remove("jsonSchema");
    assertInvalid(galeOnly(), "syncCatalog.streams[2].stream.name");

    request = createRequest(source, destination);
    config(0).remove("destinationSyncMode");
    assertInvalid(create(), "syncCatalog.streams[0].config.destinationSyncMode");

    request = createRequest(source, destination);
    config(0).put("syncMode", "sometimes");
    assertInvalid(create(), "syncCatalog.streams[0].config.syncMode");
  }

  @Test
  void streamsOfTheSameNameInTwoNamespacesAreTwoStreams() {
    stream(0).put("namespace", "shop");
    stream(1).put("name", "users").put("namespace", "crm");
    // The source must have both: as a database source does, it last reported a users table in each schema.
    ObjectNode discovered = Json.object();
    ArrayNode tables = discovered.putArray("streams");
    for (int i = 0; i < streams().size(); i++) {
      tables.add(Json.object().set("stream", stream(i)));
    }
    fixtures.api.post("/api/v1/sources/write_discover_catalog_result",
        Map.of("sourceId", source.id().toString(), "catalog", discovered)).expect(200);

    assertThat(create().expect(200).at("/syncCatalog/streams/1/stream/namespace").asText()).isEqualTo("crm");
  }

  @Test
  void fieldSelectionKeepsTheFieldsTheSyncNeeds() {
    config(0).put("fieldSelectionEnabled", true).put("syncMode", "incremental").put("destinationSyncMode", "append_dedup");
    ArrayNode selected = config(0).putArray("selectedFields");
    selected.addObject().putArray("fieldPath").add("id");
    selected.addObject().putArray("fieldPath").add("updated_at");
    selected.addObject().putArray("fieldPath").add("address").add("city");
    assertThat(create().expect(200).at("/syncCatalog/streams/0/config/selectedFields")).hasSize(3);

    selected.remove(1);
    assertInvalid(create(), "syncCatalog.streams[0].config.selectedFields");

    selected.addObject().putArray("fieldPath").add("updated_at");
    selected.addObject().putArray("fieldPath").add("address").add("planet");
    assertInvalid(create(), "syncCatalog.streams[0].config.selectedFields[3].fieldPath");

    config(0).remove("selectedFields");
    assertInvalid(create(), "syncCatalog.streams[0].config.selectedFields");
  }

  /** Creates with streams that Airbyte's 2023 document would not accept (it requires each stream's schema). */
  private ApiResponse galeOnly() {
    return api.beyondAirbyteDocument().post("/api/v1/connections/create", request);
  }

  private ApiResponse create() {
    return api.post("/api/v1/connections/create", request);
  }

  private ArrayNode streams() {
    return (ArrayNode) request.at("/syncCatalog/streams");
  }

  private ObjectNode stream(int index) {
    return (ObjectNode) streams().get(index).get("stream");
  }

  private ObjectNode config(int index) {
    return (ObjectNode) streams().get(index).get("config");
  }
}
