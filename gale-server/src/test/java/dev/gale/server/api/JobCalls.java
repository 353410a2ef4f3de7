package dev.gale.server.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import java.time.Duration;
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
    UUID workspace = fixtures.newWorkspace("jobs " + UUID.randomUUID());
    var source = fixtures.actor(workspace, ConnectionFixtures.SAMPLE_DATA, dev.gale.server.domain.ActorType.SOURCE,
        "sample", sampleConfig);
    ObjectNode request = ConnectionFixtures.createRequest(source, fixtures.destination(workspace, "nowhere"));
    request.get("syncCatalog").get("streams").forEach(entry -> ((ObjectNode) entry.get("config"))
        .put("syncMode", syncMode).put("destinationSyncMode", destinationSyncMode));
    return fixtures.createConnection(request).path("connectionId").asText();
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
