package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What connection, operation and state tests start from: a server for the test class (register this as a static
 * extension), and workspaces, Sample Data sources and Dev Null destinations written to the server's store (the
 * sources' and destinations' own API is built elsewhere).
 */
public final class ConnectionFixtures implements BeforeAllCallback, AfterAllCallback {
  public static final UUID SAMPLE_DATA = UUID.fromString("dfd88b22-b603-4c3d-aad7-3701784586b1");
  public static final UUID DEV_NULL = DevNullDestination.DEFINITION_ID;
  public static final String SAMPLE_CONFIG = "{\"count\": 10, \"seed\": 1}";

  private final GaleServerExtension gale = new GaleServerExtension();
  public ApiClient api;
  public TestingStore store;

  @Override
  public void beforeAll(ExtensionContext context) {
    gale.beforeAll(context);
    api = gale.api();
    store = new TestingStore(gale.server());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    gale.afterAll(context);
  }

  /** The server's data directory (store, key, attempt logs). */
  java.nio.file.Path dataDir() {
    return gale.testing().dataDir();
  }

  /** A workspace as {@link StoreSamples} makes one: default geography eu, and one webhook config. */
  public UUID newWorkspace(String name) {
    return store.newWorkspace(name).id();
  }

  public Actor source(UUID workspaceId, String name) {
    return actor(workspaceId, SAMPLE_DATA, ActorType.SOURCE, name, SAMPLE_CONFIG);
  }

  public Actor destination(UUID workspaceId, String name) {
    return actor(workspaceId, DEV_NULL, ActorType.DESTINATION, name,
        "{\"test_destination\": {\"test_destination_type\": \"SILENT\"}}");
  }

  /**
   * A destination of a new definition whose spec lists these destination sync modes (none: the spec lists nothing).
   */
  Actor destinationSupporting(UUID workspaceId, String... modes) {
    Instant now = Instant.now();
    ActorDefinition definition = StoreSamples.definition(ActorType.DESTINATION, "modes " + String.join(" ", modes), true, now);
    ActorDefinitionVersion sample = StoreSamples.version(definition, "1.0.0", now);
    ObjectNode spec = sample.spec().deepCopy();
    if (modes.length > 0) {
      spec.set("supported_destination_sync_modes", Json.tree(modes));
    }
    store.definitions.insert(definition, new ActorDefinitionVersion(sample.id(), definition.id(), sample.dockerRepository(),
        sample.dockerImageTag(), sample.documentationUrl(), spec, sample.protocolVersion(), sample.releaseStage(),
        sample.releaseDate(), sample.supportLevel(), now));
    return actor(workspaceId, definition.id(), ActorType.DESTINATION, "supports " + String.join(" ", modes), "{}");
  }

  public Actor actor(UUID workspaceId, UUID definitionId, ActorType type, String name, String config) {
    Instant now = Instant.now();
    Actor actor = new Actor(UUID.randomUUID(), workspaceId, definitionId, type, name, Json.parse(config), false, now, now);
    store.actors.insert(actor);
    return actor;
  }

  /**
   * The Sample Data source's discovered catalog (users, products, purchases) in the API's shape, every stream
   * selected for a full refresh that overwrites.
   */
  static ObjectNode sampleCatalog() {
    return JobCalls.catalog(SAMPLE_DATA, SAMPLE_CONFIG, "full_refresh", "overwrite");
  }

  /** The smallest valid create request: the sample catalog, active, everything else left to the defaults. */
  public static ObjectNode createRequest(Actor source, Actor destination) {
    ObjectNode request = Json.object()
        .put("sourceId", source.id().toString())
        .put("destinationId", destination.id().toString())
        .put("status", "active");
    request.set("syncCatalog", sampleCatalog());
    return request;
  }

  public JsonNode createConnection(ObjectNode request) {
    return api.post("/api/v1/connections/create", request).expect(200);
  }

  /** A connection between a new source and destination in the workspace. */
  JsonNode newConnection(UUID workspaceId, String name) {
    ObjectNode request = createRequest(source(workspaceId, name + " source"), destination(workspaceId, name + " destination"));
    return createConnection(request.put("name", name));
  }

  /** The id of the workspace's webhook config. */
  String webhookConfigId(UUID workspaceId) {
    return store.workspaces.find(workspaceId).orElseThrow().webhookOperationConfigs().path(0).path("id").asText();
  }

  /** A webhook operator calling a dbt Cloud job through one of the workspace's webhooks. */
  ObjectNode webhookOperator(UUID workspaceId) {
    ObjectNode operator = Json.object().put("operatorType", "webhook");
    operator.putObject("webhook").put("webhookConfigId", webhookConfigId(workspaceId)).put("webhookType", "dbtCloud")
        .putObject("dbtCloud").put("accountId", 1234).put("jobId", 5678);
    return operator;
  }

  JsonNode newWebhookOperation(UUID workspaceId, String name) {
    ObjectNode request = Json.object().put("workspaceId", workspaceId.toString()).put("name", name);
    request.set("operatorConfiguration", webhookOperator(workspaceId));
    return api.post("/api/v1/operations/create", request).expect(200);
  }

  /** The names of the connections in a ConnectionReadList, in order. */
  static List<String> names(JsonNode connectionReadList) {
    List<String> names = new ArrayList<>();
    connectionReadList.path("connections").forEach(connection -> names.add(connection.path("name").asText()));
    return names;
  }

  /** Asserts a 422 in Airbyte's shape that names the property path among its validation errors. */
  static void assertInvalid(ApiResponse response, String propertyPath) {
    JsonNode error = response.expectError(422);
    assertThat(error.path("validationErrors").findValuesAsText("propertyPath")).as("paths of %s", error).contains(propertyPath);
  }

  static JsonNode connectionId(JsonNode connection) {
    return Json.object().put("connectionId", connection.path("connectionId").asText());
  }
}
