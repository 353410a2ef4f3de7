package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.http.ErrorBodies;
import dev.gale.server.store.StoreLimits;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.ServedOperations;
import dev.gale.server.testing.ServedOperations.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store's bounded columns, held at the edge: every text property the served document bounds with
 * {@code maxLength}, at any depth of a request body, is refused one character over with a 422 naming it (never the
 * store's failure, a 500); a name at exactly the bound is kept whole. Catalogs posted as discovered are checked the
 * same way before they are stored.
 */
class FieldLimitsApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();

  private static final String PUBLIC = "/api/public/v1";
  private static final String DEV_NULL_CONFIG = "{\"test_destination\": {\"test_destination_type\": \"SILENT\"}}";

  /** One bounded text of a request body: the steps to it (property names, and 0 for an array's first item). */
  record BoundedText(List<Object> steps, int maxLength) {
    String path() {
      StringBuilder path = new StringBuilder();
      for (Object step : steps) {
        if (step instanceof Integer index) {
          path.append('[').append(index).append(']');
        } else {
          path.append(path.isEmpty() ? "" : ".").append(step);
        }
      }
      return path.toString();
    }

    /** A body holding only this text, one character too long: whatever else is missing is named with it. */
    String body() {
      JsonNode root = Json.object();
      JsonNode node = root;
      for (int i = 0; i < steps.size() - 1; i++) {
        boolean nextIsItem = steps.get(i + 1) instanceof Integer;
        node = steps.get(i) instanceof Integer
            ? ((ArrayNode) node).add(nextIsItem ? Json.mapper().createArrayNode() : Json.object()).get(0)
            : nextIsItem ? ((ObjectNode) node).putArray((String) steps.get(i)) : ((ObjectNode) node).putObject((String) steps.get(i));
      }
      String tooLong = "x".repeat(maxLength + 1);
      Object last = steps.getLast();
      if (last instanceof Integer) {
        ((ArrayNode) node).add(tooLong);
      } else {
        ((ObjectNode) node).put((String) last, tooLong);
      }
      return Json.write(root);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBoundedTextOneCharacterTooLongIsA422NamingIt() {
    JsonNode document = fixtures.api.get("/api/v1/openapi").expect(200);
    List<DynamicTest> tests = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (Operation operation : ServedOperations.of(document)) {
      JsonNode schema = operation.jsonBodySchema(document);
      if (schema.isMissingNode()) {
        continue;
      }
      List<BoundedText> texts = new ArrayList<>();
      boundedTexts(schema, document, List.of(), Set.of(), texts);
      for (BoundedText text : texts) {
        paths.add(text.path());
        tests.add(DynamicTest.dynamicTest(operation + " " + text.path(), () -> sendTooLong(operation, text)));
      }
    }
    // The walk must reach the routes of the issue (19 of them, more fields each) and texts nested in objects and lists.
    assertThat(tests).as("bounded texts in request bodies").hasSizeGreaterThan(50);
    assertThat(paths).contains("name", "namespaceFormat", "prefix", "email", "sourceDefinition.dockerRepository",
        "destinationConfiguration.name", "operations[0].name");
    return tests.stream();
  }

  private static void sendTooLong(Operation operation, BoundedText text) {
    // Required properties are left out on purpose: outside Airbyte's documents, checked against Gale's own.
    ApiClient api = fixtures.api.beyondAirbyteDocument();
    ApiResponse response = api.send(operation.method(), operation.pathWith(UUID.randomUUID().toString()), text.body(),
        "application/json");
    JsonNode error = ServedOperations.assertClientError(operation.template(), response);
    assertThat(response.status()).as("%s: %s", text.path(), response.rawBody()).isEqualTo(422);
    String named = "'%s' must be at most %d characters".formatted(text.path(), text.maxLength());
    if (ErrorBodies.problemStyle(operation.template())) {
      assertThat(error.path("detail").asText()).contains(named);
    } else {
      assertThat(error.path("validationErrors").findValuesAsText("propertyPath")).contains(text.path());
      assertThat(error.path("message").asText()).contains(named);
    }
  }

  /** Walks a request schema through references, objects and arrays; a record met again on its own path is a cycle. */
  private static void boundedTexts(JsonNode schema, JsonNode document, List<Object> steps, Set<String> refs,
                                   List<BoundedText> found) {
    Set<String> seen = refs;
    if (schema.has("$ref")) {
      if (refs.contains(schema.path("$ref").asText())) {
        return;
      }
      seen = new HashSet<>(refs);
      seen.add(schema.path("$ref").asText());
    }
    JsonNode resolved = ServedOperations.resolve(schema, document);
    if (resolved.path("type").asText().equals("string") && resolved.has("maxLength")) {
      found.add(new BoundedText(steps, resolved.path("maxLength").asInt()));
    }
    if (resolved.has("items")) {
      boundedTexts(resolved.path("items"), document, append(steps, 0), seen, found);
    }
    Set<String> finalSeen = seen;
    resolved.path("properties").fields().forEachRemaining(property ->
        boundedTexts(property.getValue(), document, append(steps, property.getKey()), finalSeen, found));
  }

  private static List<Object> append(List<Object> steps, Object step) {
    List<Object> longer = new ArrayList<>(steps);
    longer.add(step);
    return List.copyOf(longer);
  }

  @Test
  void namesAtExactlyTheLimitAreKeptWhole() {
    String name = "n".repeat(StoreLimits.TEXT);
    JsonNode workspace = fixtures.api.post("/api/v1/workspaces/create", Map.of("name", name)).expect(200);
    assertThat(workspace.path("name").asText()).isEqualTo(name);
    String workspaceId = workspace.path("workspaceId").asText();

    JsonNode source = fixtures.api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", name,
        "sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString(),
        "connectionConfiguration", Json.parse(ConnectionFixtures.SAMPLE_CONFIG))).expect(200);
    assertThat(source.path("name").asText()).isEqualTo(name);
    JsonNode destination = fixtures.api.post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId,
        "name", name, "destinationDefinitionId", ConnectionFixtures.DEV_NULL.toString(),
        "connectionConfiguration", Json.parse(DEV_NULL_CONFIG))).expect(200);
    assertThat(destination.path("name").asText()).isEqualTo(name);

    ObjectNode request = Json.object()
        .put("sourceId", source.path("sourceId").asText())
        .put("destinationId", destination.path("destinationId").asText())
        .put("status", "active")
        .put("name", name)
        .put("namespaceDefinition", "customformat")
        .put("namespaceFormat", "f".repeat(StoreLimits.TEXT))
        .put("prefix", "p".repeat(StoreLimits.TEXT));
    request.set("syncCatalog", ConnectionFixtures.sampleCatalog());
    JsonNode connection = fixtures.createConnection(request);
    assertThat(connection.path("name").asText()).isEqualTo(name);
    assertThat(connection.path("namespaceFormat").asText()).hasSize(StoreLimits.TEXT);
    assertThat(connection.path("prefix").asText()).hasSize(StoreLimits.TEXT);

    JsonNode application = fixtures.api.post(PUBLIC + "/applications", Map.of("name", name)).expect(200);
    assertThat(application.path("name").asText()).isEqualTo(name);
  }

  @Test
  void namesGaleDerivesFromNamesAtTheLimitAreCutToFit() {
    String name = "d".repeat(StoreLimits.TEXT);
    UUID workspaceId = fixtures.newWorkspace("derived names");
    JsonNode source = fixtures.api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId.toString(),
        "name", name, "sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString(),
        "connectionConfiguration", Json.parse(ConnectionFixtures.SAMPLE_CONFIG))).expect(200);
    JsonNode clone = fixtures.api.post("/api/v1/sources/clone", Map.of("sourceCloneId", source.path("sourceId").asText()))
        .expect(200);
    assertThat(clone.path("name").asText()).hasSize(StoreLimits.TEXT).endsWith(" (Copy)").startsWith("ddd");

    JsonNode destination = fixtures.api.post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId.toString(),
        "name", name, "destinationDefinitionId", ConnectionFixtures.DEV_NULL.toString(),
        "connectionConfiguration", Json.parse(DEV_NULL_CONFIG))).expect(200);
    ObjectNode request = Json.object()
        .put("sourceId", source.path("sourceId").asText())
        .put("destinationId", destination.path("destinationId").asText())
        .put("status", "inactive");
    request.set("syncCatalog", ConnectionFixtures.sampleCatalog());
    // Without a name a connection is called "<source> <> <destination>": here 516 characters, each name cut by half.
    assertThat(fixtures.createConnection(request).path("name").asText())
        .isEqualTo("d".repeat(126) + " <> " + "d".repeat(126));

    // Each ligature decomposes into three letters, so the slug would be three times the name: it is cut, and the
    // suffix that keeps a second one unique still fits.
    String ligatures = "\uFB03".repeat(StoreLimits.TEXT);
    JsonNode first = fixtures.api.post("/api/v1/workspaces/create", Map.of("name", ligatures)).expect(200);
    JsonNode second = fixtures.api.post("/api/v1/workspaces/create", Map.of("name", ligatures)).expect(200);
    assertThat(first.path("slug").asText()).hasSize(StoreLimits.TEXT).startsWith("ffiffi");
    assertThat(second.path("slug").asText()).hasSize(StoreLimits.TEXT).endsWith("-2");
  }

  @Test
  void catalogsWrittenAsDiscoveredNeedStreamsWithNamesAndSchemas() {
    Map<String, String> broken = Map.of(
        "[{}]", "catalog.streams[0].stream",
        "[null]", "catalog.streams[0]",
        "[{\"stream\": {\"name\": \"users\"}}]", "catalog.streams[0].stream.jsonSchema",
        "[{\"stream\": {}}]", "catalog.streams[0].stream.name",
        "[{\"stream\": {\"name\": \" \", \"jsonSchema\": {}}}]", "catalog.streams[0].stream.name",
        "[{\"stream\": {\"name\": \"a\", \"jsonSchema\": {}, \"supportedSyncModes\": [null]}}]",
        "catalog.streams[0].stream.supportedSyncModes[0]",
        "[{\"stream\": {\"name\": \"a\", \"jsonSchema\": {}, \"sourceDefinedPrimaryKey\": [[\"id\", null]]}}]",
        "catalog.streams[0].stream.sourceDefinedPrimaryKey[0][1]",
        "[{\"stream\": {\"name\": \"a\", \"jsonSchema\": {}}}, {\"config\": null}]", "catalog.streams[1].stream");
    // Broken on purpose: Airbyte's document cannot describe them all, Gale's answers are checked against its own.
    ApiClient api = fixtures.api.beyondAirbyteDocument();
    broken.forEach((streams, path) -> {
      JsonNode error = api.post("/api/v1/sources/write_discover_catalog_result", "{\"catalog\": {\"streams\": " + streams + "}}")
          .expectError(422);
      assertThat(error.path("validationErrors").findValuesAsText("propertyPath")).as(streams).contains(path);
    });

    JsonNode written = fixtures.api.post("/api/v1/sources/write_discover_catalog_result",
        "{\"catalog\": {\"streams\": [{\"stream\": {\"name\": \"users\", \"jsonSchema\": {\"type\": \"object\"}}}]}}")
        .expect(200);
    assertThat(written.path("catalogId").asText()).isNotBlank();
  }
}
