package dev.gale.server.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connector.Source;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.TestingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Shortcuts for tests that run jobs: connections to sync, and starting, waiting for and reading jobs over HTTP. */
final class JobCalls {
  static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");

  private JobCalls() {}

  /**
   * An active manual connection from a new Sample Data source with {@code sampleConfig} to a new Dev Null
   * destination, every stream selected with the given modes.
   */
  static String sampleConnection(ConnectionFixtures fixtures, String sampleConfig, String syncMode, String destinationSyncMode) {
    return connection(fixtures, ConnectionFixtures.SAMPLE_DATA, sampleConfig, syncMode, destinationSyncMode);
  }

  /**
   * An active manual connection from a new source of a built-in (or test) definition to a new Dev Null destination,
   * every stream the source discovers selected with the given modes.
   */
  static String connection(ConnectionFixtures fixtures, UUID sourceDefinitionId, String sourceConfig, String syncMode,
                           String destinationSyncMode) {
    return connection(fixtures.store, fixtures.api, sourceDefinitionId, sourceConfig, syncMode, destinationSyncMode,
        Json.object());
  }

  /**
   * As above, for tests with their own servers: the actors are written to {@code store}, the connection is created
   * through {@code api}, with {@code overrides} (a schedule, a status) applied to the create request.
   */
  static String connection(TestingStore store, ApiClient api, UUID sourceDefinitionId, String sourceConfig, String syncMode,
                           String destinationSyncMode, ObjectNode overrides) {
    UUID workspace = store.newWorkspace("jobs " + UUID.randomUUID()).id();
    Instant now = Instant.now();
    Actor source = new Actor(UUID.randomUUID(), workspace, sourceDefinitionId, ActorType.SOURCE, "source",
        Json.parse(sourceConfig), false, now, now);
    Actor destination = new Actor(UUID.randomUUID(), workspace, ConnectionFixtures.DEV_NULL, ActorType.DESTINATION,
        "nowhere", Json.parse("{\"test_destination\": {\"test_destination_type\": \"SILENT\"}}"), false, now, now);
    store.actors.insert(source);
    store.actors.insert(destination);
    ObjectNode request = ConnectionFixtures.createRequest(source, destination);
    request.set("syncCatalog", catalog(sourceDefinitionId, sourceConfig, syncMode, destinationSyncMode));
    request.setAll(overrides);
    return api.post("/api/v1/connections/create", request).expect(200).path("connectionId").asText();
  }

  /** What the source discovers with this configuration, in the API's shape, every stream selected with these modes. */
  static ObjectNode catalog(UUID sourceDefinitionId, String sourceConfig, String syncMode, String destinationSyncMode) {
    Source source = ConnectorRegistry.builtIns().findSource(sourceDefinitionId).orElseThrow();
    ObjectNode catalog = Json.object();
    ArrayNode streams = catalog.putArray("streams");
    for (AirbyteStream discovered : source.discover(Json.parse(sourceConfig)).streams()) {
      ObjectNode entry = streams.addObject();
      ObjectNode stream = entry.putObject("stream").put("name", discovered.name());
      stream.set("jsonSchema", discovered.jsonSchema());
      stream.set("supportedSyncModes", Json.tree(discovered.supportedSyncModes()));
      if (discovered.sourceDefinedCursor() != null) {
        stream.put("sourceDefinedCursor", discovered.sourceDefinedCursor());
        stream.set("defaultCursorField", Json.tree(discovered.defaultCursorField()));
      }
      if (discovered.sourceDefinedPrimaryKey() != null) {
        stream.set("sourceDefinedPrimaryKey", Json.tree(discovered.sourceDefinedPrimaryKey()));
      }
      entry.putObject("config").put("syncMode", syncMode).put("destinationSyncMode", destinationSyncMode)
          .put("selected", true);
    }
    return catalog;
  }

  static JsonNode sync(ApiClient api, String connectionId) {
    return api.post("/api/v1/connections/sync", body(connectionId)).expect(200);
  }

  static JsonNode get(ApiClient api, long jobId) {
    return api.post("/api/v1/jobs/get", Json.object().put("id", jobId)).expect(200);
  }

  /** Waits (at most a minute) for the job to end, and returns its JobInfoRead. */
  static JsonNode awaitEnd(ApiClient api, long jobId) {
    return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
        .until(() -> get(api, jobId), info -> ENDED.contains(status(info)));
  }

  /** Starts a sync and waits for it to end. */
  static JsonNode syncToEnd(ApiClient api, String connectionId) {
    return awaitEnd(api, id(sync(api, connectionId)));
  }

  static long id(JsonNode jobInfo) {
    return jobInfo.path("job").path("id").asLong();
  }

  static String status(JsonNode jobInfo) {
    return jobInfo.path("job").path("status").asText();
  }

  static JsonNode state(ApiClient api, String connectionId) {
    return api.post("/api/v1/state/get", body(connectionId)).expect(200);
  }

  static ObjectNode body(String connectionId) {
    return Json.object().put("connectionId", connectionId);
  }
}
