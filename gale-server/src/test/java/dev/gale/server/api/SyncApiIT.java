package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.awaitEnd;
import static dev.gale.server.api.JobCalls.id;
import static dev.gale.server.api.JobCalls.state;
import static dev.gale.server.api.JobCalls.status;
import static dev.gale.server.api.JobCalls.sync;
import static dev.gale.server.api.JobCalls.syncToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Syncs started with {@code connections/sync}: Sample Data to Dev Null, state, stats, one job at a time, cancel. */
class SyncApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @Test
  void aSyncMovesEverySampleRecordAndCommitsEachStreamsState() {
    String connection = JobCalls.sampleConnection(fixtures, "{\"count\": 1000, \"seed\": 7, \"always_updated\": false}",
        "incremental", "append");

    JsonNode queued = sync(api, connection);
    assertThat(queued.at("/job/configType").asText()).isEqualTo("sync");
    assertThat(queued.at("/job/configId").asText()).isEqualTo(connection);
    assertThat(status(queued)).isIn("pending", "running");
    JsonNode done = awaitEnd(api, id(queued));

    assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
    assertThat(done.path("attempts")).hasSize(1);
    JsonNode attempt = done.at("/attempts/0/attempt");
    assertThat(attempt.path("status").asText()).isEqualTo("succeeded");
    // 1000 users, the catalogue of 100 products, and 1000 purchases (ten users make ten purchases).
    assertThat(attempt.at("/totalStats/recordsEmitted").asLong()).isEqualTo(2100);
    assertThat(attempt.at("/totalStats/recordsCommitted").asLong()).isEqualTo(2100);
    assertThat(attempt.at("/totalStats/bytesEmitted").asLong()).isPositive();
    assertThat(attempt.path("recordsSynced").asLong()).isEqualTo(2100);
    assertThat(committedByStream(attempt)).isEqualTo(Map.of("users", 1000L, "products", 100L, "purchases", 1000L));
    assertThat(attempt.path("endedAt").asLong()).isGreaterThanOrEqualTo(attempt.path("createdAt").asLong());
    assertThat(done.at("/job/aggregatedStats/recordsCommitted").asLong()).isEqualTo(2100);
    assertThat(done.at("/job/summary/recordsSynced").asLong()).isEqualTo(2100);
    assertThat(done.at("/job/streamAggregatedStats")).hasSize(3);
    assertThat(done.at("/job/startedAt").asLong()).isGreaterThanOrEqualTo(done.at("/job/createdAt").asLong());

    JsonNode state = state(api, connection);
    assertThat(state.path("stateType").asText()).isEqualTo("stream");
    Map<String, String> cursors = new HashMap<>();
    state.path("streamState").forEach(s -> cursors.put(s.at("/streamDescriptor/name").asText(),
        s.at("/streamState/updated_at").asText()));
    assertThat(cursors).containsOnlyKeys("users", "products", "purchases").doesNotContainValue("");
  }

  @Test
  void aSecondIncrementalSyncReadsOnlyWhatCameAfterTheCommittedState() {
    String connection = JobCalls.sampleConnection(fixtures, "{\"count\": 500, \"seed\": 3, \"always_updated\": false}",
        "incremental", "append");
    JsonNode first = syncToEnd(api, connection);
    assertThat(first.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).isEqualTo(1100);
    JsonNode stateAfterFirst = state(api, connection);

    JsonNode unchanged = syncToEnd(api, connection);
    assertThat(status(unchanged)).isEqualTo("succeeded");
    assertThat(unchanged.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong()).as("nothing new").isZero();
    assertThat(state(api, connection)).isEqualTo(stateAfterFirst);

    var source = fixtures.store.connections.find(java.util.UUID.fromString(connection)).orElseThrow().sourceId();
    fixtures.store.actors.update(withConfig(fixtures.store.actors.find(source).orElseThrow(),
        "{\"count\": 800, \"seed\": 3, \"always_updated\": false}"));
    JsonNode grown = syncToEnd(api, connection);
    assertThat(committedByStream(grown.at("/attempts/0/attempt")))
        .as("300 new users and their 300 purchases; the catalogue did not change")
        .isEqualTo(Map.of("users", 300L, "products", 0L, "purchases", 300L));
  }

  @Test
  void aConnectionRunsOneJobAtATimeAndACancelEndsALongSyncWithinTwoSeconds() {
    String connection = JobCalls.sampleConnection(fixtures, "{\"count\": 2000000000, \"seed\": 1}", "full_refresh",
        "overwrite");
    long jobId = id(sync(api, connection));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
        () -> JobCalls.get(api, jobId), info -> info.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong() > 0);

    JsonNode conflict = api.post("/api/v1/connections/sync", JobCalls.body(connection)).expectError(409);
    assertThat(conflict.path("message").asText()).startsWith("A sync is already running").contains(Long.toString(jobId));
    api.post("/api/v1/connections/reset", JobCalls.body(connection)).expectError(409);

    long start = System.nanoTime();
    api.post("/api/v1/jobs/cancel", Json.object().put("id", jobId)).expect(200);
    JsonNode cancelled = await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
        .until(() -> JobCalls.get(api, jobId), info -> status(info).equals("cancelled"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

    JsonNode attempt = cancelled.at("/attempts/0/attempt");
    assertThat(attempt.path("status").asText()).isEqualTo("failed");
    assertThat(attempt.at("/failureSummary/failures/0/failureType").asText()).isEqualTo("manual_cancellation");
    assertThat(attempt.at("/totalStats/recordsEmitted").asLong()).isPositive();
    assertThat(cancelled.at("/attempts/0/logs/logLines").toString()).contains("cancel");
    assertThat(api.post("/api/v1/jobs/cancel", Json.object().put("id", jobId)).expect(200).at("/job/status").asText())
        .as("cancelling again changes nothing").isEqualTo("cancelled");

    long next = id(sync(api, connection));
    api.post("/api/v1/jobs/cancel", Json.object().put("id", next)).expect(200);
    assertThat(status(awaitEnd(api, next))).isEqualTo("cancelled");
  }

  @Test
  void deletingTheSourceOfASyncingConnectionStopsItsJob() {
    String connection = JobCalls.sampleConnection(fixtures, "{\"count\": 2000000000, \"seed\": 1}", "full_refresh",
        "overwrite");
    long jobId = id(sync(api, connection));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
        () -> JobCalls.get(api, jobId), info -> info.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong() > 0);
    String sourceId = api.post("/api/v1/connections/get", JobCalls.body(connection)).expect(200).path("sourceId").asText();

    // The source goes, and with it the connection: its worker sees that at the next heartbeat, in any process.
    api.post("/api/v1/sources/delete", Json.object().put("sourceId", sourceId)).expect(204);

    JsonNode ended = awaitEnd(api, jobId);
    assertThat(status(ended)).isEqualTo("cancelled");
    assertThat(ended.at("/attempts/0/logs/logLines").toString()).contains("Cancelling: the connection was deleted");
  }

  private static Map<String, Long> committedByStream(JsonNode attempt) {
    Map<String, Long> committed = new HashMap<>();
    attempt.path("streamStats").forEach(s -> committed.put(s.path("streamName").asText(),
        s.at("/stats/recordsCommitted").asLong()));
    return committed;
  }

  private static dev.gale.server.domain.Actor withConfig(dev.gale.server.domain.Actor actor, String config) {
    return new dev.gale.server.domain.Actor(actor.id(), actor.workspaceId(), actor.actorDefinitionId(), actor.actorType(),
        actor.name(), Json.parse(config), false, actor.createdAt(), java.time.Instant.now());
  }
}
