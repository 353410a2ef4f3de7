package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorCatalogFetchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A connection's streams, cursors and primary keys must be ones its source has, as its latest discovered catalog
 * says: both APIs refuse the rest with a 422 naming where in the request they are, when the connection is saved
 * rather than at its first sync. Sample Data (users, products, purchases) to Dev Null.
 */
class UnknownStreamsApiIT {
  private static final String PUBLIC = "/api/public/v1";

  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  static UUID workspace;
  static Actor destination;

  @BeforeAll
  static void workspace() {
    workspace = fixtures.newWorkspace("unknown streams");
    destination = fixtures.destination(workspace, "dev null");
  }

  @Test
  void theConfigApiRefusesAStreamTheSourceLacksOnCreateAndUpdate() {
    Actor source = fixtures.source(workspace, "config api");
    ObjectNode request = ConnectionFixtures.createRequest(source, destination);
    ObjectNode customers = (ObjectNode) streams(request).get(2).deepCopy();
    ((ObjectNode) customers.get("stream")).put("name", "customers");
    streams(request).set(2, customers);

    JsonNode error = fixtures.api.post("/api/v1/connections/create", request).expectError(422);

    JsonNode problem = error.path("validationErrors").get(0);
    assertThat(problem.path("propertyPath").asText()).isEqualTo("syncCatalog.streams[2].stream.name");
    assertThat(problem.path("invalidValue").asText()).isEqualTo("customers");
    assertThat(problem.path("message").asText()).contains("no stream 'customers'", "users", "products", "purchases");
    assertThat(error.path("validationErrors")).hasSize(1);

    JsonNode created = fixtures.createConnection(ConnectionFixtures.createRequest(source, destination));
    ObjectNode update = Json.object().put("connectionId", created.path("connectionId").asText());
    update.set("syncCatalog", request.get("syncCatalog"));
    assertInvalid(fixtures.api.post("/api/v1/connections/update", update), "syncCatalog.streams[2].stream.name");
    // Unselected, it is still a stream the client named that the source does not have.
    ((ObjectNode) customers.get("config")).put("selected", false);
    assertInvalid(fixtures.api.post("/api/v1/connections/update", update), "syncCatalog.streams[2].stream.name");
    // The catalog stored is untouched.
    assertThat(names(fixtures.api.post("/api/v1/connections/get", ConnectionFixtures.connectionId(created)).expect(200)
        .path("syncCatalog").path("streams"), "/stream/name")).containsExactly("users", "products", "purchases");
  }

  @Test
  void aStreamIsTheSourcesOnlyInItsNamespace() {
    Actor source = fixtures.source(workspace, "namespaced");
    ObjectNode request = ConnectionFixtures.createRequest(source, destination);
    ((ObjectNode) streams(request).get(0).get("stream")).put("namespace", "crm");

    JsonNode error = fixtures.api.post("/api/v1/connections/create", request).expectError(422);

    assertThat(error.path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("syncCatalog.streams[0].stream.name");
    assertThat(error.path("validationErrors").get(0).path("message").asText()).contains("'crm.users'", "another namespace");
  }

  @Test
  void theWebBackendRefusesAStreamTheSourceLacksOnCreateAndUpdate() {
    Actor source = fixtures.source(workspace, "web backend");
    ObjectNode request = ConnectionFixtures.createRequest(source, destination);
    ((ObjectNode) streams(request).get(1).get("stream")).put("name", "orders");

    assertInvalid(fixtures.api.post("/api/v1/web_backend/connections/create", request), "syncCatalog.streams[1].stream.name");

    JsonNode created = fixtures.api.post("/api/v1/web_backend/connections/create",
        ConnectionFixtures.createRequest(source, destination)).expect(200);
    ObjectNode update = Json.object().put("connectionId", created.path("connectionId").asText()).put("skipReset", true);
    update.set("syncCatalog", request.get("syncCatalog"));
    assertInvalid(fixtures.api.post("/api/v1/web_backend/connections/update", update), "syncCatalog.streams[1].stream.name");
  }

  @Test
  void cursorAndPrimaryKeyFieldsMustBeInTheDiscoveredSchema() {
    Actor source = fixtures.source(workspace, "fields");
    ObjectNode request = ConnectionFixtures.createRequest(source, destination);
    // users: incremental on a nested cursor the schema does not have, deduplicated on a key field it does not have.
    ObjectNode users = (ObjectNode) streams(request).get(0);
    ((ObjectNode) users.get("config")).put("syncMode", "incremental").put("destinationSyncMode", "append_dedup");
    ((ObjectNode) users.get("config")).putArray("cursorField").add("address").add("moved_at");
    ((ObjectNode) users.get("config")).putArray("primaryKey").addArray().add("login");
    // The request's own schema claims both fields: the discovered one is the reference.
    ObjectNode properties = (ObjectNode) users.at("/stream/jsonSchema/properties");
    properties.putObject("login").put("type", "string");
    ((ObjectNode) properties.get("address").get("properties")).putObject("moved_at").put("type", "string");

    JsonNode error = fixtures.api.post("/api/v1/connections/create", request).expectError(422);

    assertThat(error.path("validationErrors").findValuesAsText("propertyPath"))
        .containsExactly("syncCatalog.streams[0].config.cursorField", "syncCatalog.streams[0].config.primaryKey[0]");
    assertThat(error.path("validationErrors").findValuesAsText("invalidValue")).containsExactly("address.moved_at", "login");

    // A nested cursor the schema has, the source's own cursor sent back, and an edited schema are all accepted.
    ((ObjectNode) users.get("config")).putArray("cursorField").add("address").add("city");
    ((ObjectNode) users.get("config")).putArray("primaryKey").addArray().add("id");
    ObjectNode purchases = (ObjectNode) streams(request).get(2);
    ((ObjectNode) purchases.get("config")).put("syncMode", "incremental").putArray("cursorField").add("updated_at");
    JsonNode created = fixtures.createConnection(request);
    assertThat(created.at("/syncCatalog/streams/0/config/cursorField")).isEqualTo(Json.parse("[\"address\", \"city\"]"));
  }

  @Test
  void aSourceNeverDiscoveredIsDiscoveredOnceAndItsCatalogKept() {
    Actor source = fixtures.source(workspace, "never discovered");
    assertThat(fixtures.store.catalogs.findLatest(source.id())).isEmpty();

    fixtures.createConnection(ConnectionFixtures.createRequest(source, destination));

    ActorCatalogFetchEvent fetch = fixtures.store.catalogs.findLatestFetch(source.id()).orElseThrow();
    JsonNode stored = fixtures.store.catalogs.find(fetch.actorCatalogId()).orElseThrow().catalog();
    assertThat(names(stored.path("streams"), "/name")).containsExactly("users", "products", "purchases");
    // A second connection is checked against the stored catalog: no new discovery.
    fixtures.createConnection(ConnectionFixtures.createRequest(source, destination));
    assertThat(fixtures.store.catalogs.findLatestFetch(source.id()).orElseThrow().id()).isEqualTo(fetch.id());
  }

  @Test
  void theReferenceIsTheLatestDiscoveredCatalog() {
    Actor source = fixtures.source(workspace, "latest catalog");
    // The source last reported only users (a worker wrote its discovery): products and purchases are gone.
    ObjectNode latest = Json.object();
    latest.putArray("streams").addObject()
        .set("stream", streams(ConnectionFixtures.createRequest(source, destination)).get(0).get("stream"));
    fixtures.api.post("/api/v1/sources/write_discover_catalog_result",
        Map.of("sourceId", source.id().toString(), "catalog", latest)).expect(200);

    JsonNode error = fixtures.api.post("/api/v1/connections/create", ConnectionFixtures.createRequest(source, destination))
        .expectError(422);

    assertThat(error.path("validationErrors").findValuesAsText("propertyPath"))
        .containsExactly("syncCatalog.streams[1].stream.name", "syncCatalog.streams[2].stream.name");
    assertThat(error.path("validationErrors").get(0).path("message").asText()).contains("its streams are [users]");
  }

  @Test
  void thePublicApiRefusesUnknownStreamsAndFieldsOnCreateAndPatch() {
    UUID source = fixtures.source(workspace, "public api").id();
    ObjectNode request = publicRequest(source);
    request.withArray("/configurations/streams").addObject().put("name", "users");
    request.withArray("/configurations/streams").addObject().put("name", "customers");

    String detail = fixtures.api.post(PUBLIC + "/connections", request).expectProblem(422).path("detail").asText();

    assertThat(detail).contains("configurations.streams[1].name", "no stream 'customers'", "users", "purchases");

    ObjectNode fields = publicRequest(source);
    fields.withArray("/configurations/streams").addObject().put("name", "products").put("syncMode", "incremental_deduped_history")
        .set("primaryKey", Json.parse("[[\"id\"], [\"sku\"]]"));
    fields.withArray("/configurations/streams").addObject().put("name", "purchases").put("syncMode", "incremental_append")
        .set("cursorField", Json.parse("[\"paid_at\"]"));
    detail = fixtures.api.post(PUBLIC + "/connections", fields).expectProblem(422).path("detail").asText();
    assertThat(detail).contains("configurations.streams[0].primaryKey[1]", "[sku]",
        "configurations.streams[1].cursorField", "[paid_at]");

    JsonNode created = fixtures.api.post(PUBLIC + "/connections", publicRequest(source)).expect(200);
    String path = PUBLIC + "/connections/" + created.path("connectionId").asText();
    ObjectNode patch = Json.object();
    patch.withArray("/configurations/streams").addObject().put("name", "products");
    patch.withArray("/configurations/streams").addObject().put("name", "orders");
    detail = fixtures.api.send("PATCH", path, Json.write(patch), "application/json").expectProblem(422).path("detail").asText();
    assertThat(detail).contains("configurations.streams[1].name", "no stream 'orders'");

    // A valid patch still applies.
    patch.withArray("/configurations/streams").remove(1);
    JsonNode patched = fixtures.api.send("PATCH", path, Json.write(patch), "application/json").expect(200);
    assertThat(names(patched.path("configurations").path("streams"), "/name")).containsExactly("products");
  }

  private static List<String> names(JsonNode streams, String pointer) {
    List<String> names = new ArrayList<>();
    streams.forEach(stream -> names.add(stream.at(pointer).asText()));
    return names;
  }

  private static ObjectNode publicRequest(UUID source) {
    return Json.object().put("sourceId", source.toString()).put("destinationId", destination.id().toString());
  }

  private static ArrayNode streams(ObjectNode request) {
    return (ArrayNode) request.get("syncCatalog").get("streams");
  }
}
