package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static dev.gale.server.api.JobCalls.awaitEnd;
import static dev.gale.server.api.JobCalls.body;
import static dev.gale.server.api.JobCalls.id;
import static dev.gale.server.api.JobCalls.syncToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listing, reading and reporting on jobs: {@code jobs/*} and {@code attempt/*}. */
class JobsApiIT {
  private static final String SAMPLE = "{\"count\": 10, \"seed\": 1}";

  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @Test
  void normalizationStatusIsPerAttemptNeverFailedWithWhatItCommitted() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    long job = id(syncToEnd(api, connection));

    JsonNode statuses = api.post("/api/v1/jobs/get_normalization_status", Json.object().put("id", job)).expect(200)
        .path("attemptNormalizationStatuses");

    assertThat(statuses).hasSize(1);
    assertThat(statuses.at("/0/attemptNumber").asInt()).isZero();
    assertThat(statuses.at("/0/hasRecordsCommitted").asBoolean()).isTrue();
    assertThat(statuses.at("/0/recordsCommitted").asLong()).as("10 users, 100 products, 10 purchases").isEqualTo(120);
    assertThat(statuses.at("/0/hasNormalizationFailed").asBoolean()).isFalse();
    api.post("/api/v1/jobs/get_normalization_status", Json.object().put("id", Long.MAX_VALUE)).expectError(404);
  }

  @Test
  void jobsListNewestFirstFilteredByConnectionAndTypeAndPaged() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    String other = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    long sync1 = id(syncToEnd(api, connection));
    long reset = id(awaitEnd(api, id(api.post("/api/v1/connections/reset", body(connection)).expect(200))));
    long sync2 = id(syncToEnd(api, connection));
    long sync3 = id(syncToEnd(api, connection));
    syncToEnd(api, other);

    JsonNode all = list(connection, List.of("sync", "reset_connection"), null);
    assertThat(ids(all)).containsExactly(sync3, sync2, reset, sync1);
    assertThat(all.path("totalJobCount").asLong()).isEqualTo(4);
    assertThat(all.at("/jobs/0/attempts")).hasSize(1);
    assertThat(all.at("/jobs/0/attempts/0/status").asText()).isEqualTo("succeeded");
    assertThat(all.at("/jobs/0/attempts/0/totalStats/recordsCommitted").asLong()).isEqualTo(120);
    assertThat(ids(list(connection, List.of("sync"), null))).containsExactly(sync3, sync2, sync1);
    assertThat(ids(list(connection, List.of("reset_connection"), null))).containsExactly(reset);
    assertThat(ids(list(connection, List.of(), null))).as("no type named: every type").hasSize(4);

    JsonNode firstPage = list(connection, List.of("sync", "reset_connection"), page(2, 0));
    assertThat(ids(firstPage)).containsExactly(sync3, sync2);
    assertThat(firstPage.path("totalJobCount").asLong()).isEqualTo(4);
    assertThat(ids(list(connection, List.of("sync", "reset_connection"), page(2, 2)))).containsExactly(reset, sync1);
    assertThat(ids(list(connection, List.of("sync", "reset_connection"), page(2, 4)))).isEmpty();

    ObjectNode including = listRequest(connection, List.of("sync", "reset_connection"), page(1, 3)).put("includingJobId", reset);
    assertThat(ids(api.post("/api/v1/jobs/list", including).expect(200)))
        .as("pages grow to the one holding the job, from the start").containsExactly(sync3, sync2, reset);
    including.put("includingJobId", Long.MAX_VALUE);
    assertThat(ids(api.post("/api/v1/jobs/list", including).expect(200))).isEmpty();

    ObjectNode succeededOnly = listRequest(connection, List.of("sync"), null);
    succeededOnly.putArray("statuses").add("failed");
    assertThat(ids(api.post("/api/v1/jobs/list", succeededOnly).expect(200))).isEmpty();
  }

  @Test
  void jobsListRejectsPagesThatCannotBe() {
    assertInvalid(api.post("/api/v1/jobs/list", listRequest(UUID.randomUUID().toString(), List.of("sync"), page(0, 0))),
        "pagination.pageSize");
    assertInvalid(api.post("/api/v1/jobs/list", listRequest(UUID.randomUUID().toString(), List.of("sync"), page(5, -1))),
        "pagination.rowOffset");
    assertInvalid(api.post("/api/v1/jobs/list", Json.object().put("configId", "x")), "configTypes");
    assertInvalid(api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [\"everything\"], \"configId\": \"x\"}")),
        "configTypes[0]");
  }

  @Test
  void theLightAndTheLastReplicationJobLeaveAttemptsOut() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    assertThat(api.post("/api/v1/jobs/get_last_replication_job", body(connection)).expect(200).has("job")).isFalse();
    JsonNode done = syncToEnd(api, connection);

    JsonNode light = api.post("/api/v1/jobs/get_light", Json.object().put("id", id(done))).expect(200);
    assertThat(light.path("job").path("id").asLong()).isEqualTo(id(done));
    assertThat(light.path("job").path("status").asText()).isEqualTo("succeeded");
    assertThat(light.has("attempts")).isFalse();
    assertThat(light.path("job").has("aggregatedStats")).as("no attempts read, so no stats").isFalse();
    JsonNode last = api.post("/api/v1/jobs/get_last_replication_job", body(connection)).expect(200);
    assertThat(last.at("/job/id").asLong()).isEqualTo(id(done));
    api.post("/api/v1/jobs/get_last_replication_job", body(UUID.randomUUID().toString())).expectError(404);
  }

  @Test
  void unknownJobsAndConnectionsAreNotFoundAndEndedJobsCannotBeCancelled() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    long done = id(syncToEnd(api, connection));
    ObjectNode unknown = Json.object().put("id", Long.MAX_VALUE);

    for (String path : List.of("/api/v1/jobs/get", "/api/v1/jobs/get_light", "/api/v1/jobs/cancel", "/api/v1/jobs/get_debug_info")) {
      assertThat(api.post(path, unknown).expectError(404).path("message").asText()).as(path).contains("job");
    }
    api.post("/api/v1/connections/sync", body(UUID.randomUUID().toString())).expectError(404);
    assertInvalid(api.post("/api/v1/jobs/get", Json.object()), "id");
    assertThat(api.post("/api/v1/jobs/cancel", Json.object().put("id", done)).expectError(409).path("message").asText())
        .contains("already succeeded");
  }

  @Test
  void aDeletedConnectionOrOneWithoutStreamsDoesNotSync() {
    String deleted = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    api.post("/api/v1/connections/delete", body(deleted)).expect(204);
    api.post("/api/v1/connections/sync", body(deleted)).expectError(409);

    String empty = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    JsonNode read = api.post("/api/v1/connections/get", body(empty)).expect(200);
    ObjectNode update = body(empty);
    update.set("syncCatalog", read.path("syncCatalog").deepCopy());
    update.get("syncCatalog").get("streams").forEach(s -> ((ObjectNode) s.get("config")).put("selected", false));
    api.post("/api/v1/connections/update", update).expect(200);
    assertInvalid(api.post("/api/v1/connections/sync", body(empty)), "connectionId");
  }

  @Test
  void workersReportOnAttemptsThroughTheAttemptEndpoints() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    long jobId = id(syncToEnd(api, connection));

    ObjectNode stats = Json.object().put("jobId", jobId).put("attemptNumber", 0);
    stats.putObject("stats").put("recordsEmitted", 7).put("bytesEmitted", 70).put("recordsCommitted", 5);
    stats.putArray("streamStats").addObject().put("streamName", "users").putObject("stats").put("recordsEmitted", 7);
    assertThat(api.post("/api/v1/attempt/save_stats", stats).expect(200).path("succeeded").asBoolean()).isTrue();
    JsonNode attempt = JobCalls.get(api, jobId).at("/attempts/0/attempt");
    assertThat(attempt.at("/totalStats/recordsEmitted").asLong()).isEqualTo(7);
    assertThat(attempt.at("/totalStats/recordsCommitted").asLong()).isEqualTo(5);
    assertThat(attempt.path("streamStats")).hasSize(1);

    ObjectNode workflow = Json.object().put("jobId", jobId).put("attemptNumber", 0).put("workflowId", "sync_" + jobId)
        .put("processingTaskQueue", "SYNC");
    assertThat(api.post("/api/v1/attempt/set_workflow_in_attempt", workflow).expect(200).path("succeeded").asBoolean()).isTrue();
    assertThat(fixtures.store.jobs.findWorkflow(fixtures.store.jobs.findAttempt(jobId, 0).orElseThrow().id()))
        .contains("sync_" + jobId);

    ObjectNode syncConfig = Json.object().put("jobId", jobId).put("attemptNumber", 0);
    syncConfig.putObject("syncConfig").putObject("sourceConfiguration").put("count", 10);
    ((ObjectNode) syncConfig.get("syncConfig")).putObject("destinationConfiguration");
    assertThat(api.post("/api/v1/attempt/save_sync_config", syncConfig).expect(200).path("succeeded").asBoolean()).isTrue();
    assertThat(fixtures.store.jobs.findAttempt(jobId, 0).orElseThrow().syncConfig().at("/sourceConfiguration/count").asInt())
        .isEqualTo(10);

    stats.put("attemptNumber", 9);
    api.post("/api/v1/attempt/save_stats", stats).expectError(404);
    ((ObjectNode) stats.put("attemptNumber", 0).get("stats")).put("bytesEmitted", -1);
    assertInvalid(api.post("/api/v1/attempt/save_stats", stats), "stats.bytesEmitted");
    workflow.put("jobId", Long.MAX_VALUE);
    api.post("/api/v1/attempt/set_workflow_in_attempt", workflow).expectError(404);
  }

  private static JsonNode list(String connection, List<String> types, ObjectNode pagination) {
    return api.post("/api/v1/jobs/list", listRequest(connection, types, pagination)).expect(200);
  }

  private static ObjectNode listRequest(String connection, List<String> types, ObjectNode pagination) {
    ObjectNode request = Json.object().put("configId", connection);
    types.forEach(request.putArray("configTypes")::add);
    if (pagination != null) {
      request.set("pagination", pagination);
    }
    return request;
  }

  private static ObjectNode page(int size, int offset) {
    return Json.object().put("pageSize", size).put("rowOffset", offset);
  }

  private static List<Long> ids(JsonNode jobReadList) {
    List<Long> ids = new ArrayList<>();
    jobReadList.path("jobs").forEach(job -> ids.add(job.at("/job/id").asLong()));
    return ids;
  }

  @Test
  void jobsGetShowsEachAttemptWithItsStatsAndLogLines() {
    String connection = JobCalls.sampleConnection(fixtures, "{\"count\": 200, \"seed\": 5}", "full_refresh", "overwrite");
    long jobId = id(syncToEnd(api, connection));

    JsonNode job = api.post("/api/v1/jobs/get", Json.object().put("id", jobId)).expect(200);

    assertThat(job.path("attempts")).hasSize(1);
    JsonNode attempt = job.at("/attempts/0/attempt");
    assertThat(attempt.at("/totalStats/recordsCommitted").asLong()).as("200 users, 100 products, 200 purchases")
        .isEqualTo(500);
    assertThat(attempt.at("/totalStats/bytesCommitted").asLong()).isPositive();
    assertThat(attempt.path("recordsSynced").asLong()).isEqualTo(500);
    assertThat(attempt.path("streamStats").findValuesAsText("streamName")).containsExactly("products", "purchases", "users");
    assertThat(attempt.path("streamStats").findValues("stats").stream().mapToLong(s -> s.path("recordsCommitted").asLong())
        .sum()).isEqualTo(500);
    assertThat(job.at("/attempts/0/logType").asText()).as("how newer clients read the logs").isEqualTo("formatted");
    JsonNode lines = job.at("/attempts/0/logs/logLines");
    assertThat(lines.size()).isGreaterThan(3);
    assertThat(lines.toString()).contains("Attempt 0 of job " + jobId, "succeeded");
  }

}
