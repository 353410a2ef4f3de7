package dev.gale.server.api.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.api.ConnectionFixtures;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.testing.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Public API's jobs: {@code POST /jobs} starts a sync, reset or clear; {@code GET /jobs/{jobId}} shows its status
 * and what the destination committed; {@code DELETE /jobs/{jobId}} cancels it; {@code GET /jobs} lists jobs with
 * filters, an order and pages. Connections are made through the Config API.
 */
class JobsPublicApiIT {
  private static final String JOBS = "/api/public/v1/jobs";
  private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");

  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @Test
  void aSyncStartedWithPostSucceedsAndShowsWhatTheDestinationCommitted() {
    String connection = quickConnection(fixtures.newWorkspace("sync " + UUID.randomUUID()));

    JsonNode started = api.post(JOBS, start(connection, "sync")).expect(200);
    assertThat(started.path("jobType").asText()).isEqualTo("sync");
    assertThat(started.path("connectionId").asText()).isEqualTo(connection);
    assertThat(started.path("status").asText()).isIn("pending", "running");
    long jobId = started.path("jobId").asLong();
    JsonNode done = awaitEnd(jobId);

    assertThat(done.path("status").asText()).as("%s", done).isEqualTo("succeeded");
    JsonNode config = api.post("/api/v1/jobs/get", Json.object().put("id", jobId)).expect(200);
    long committedRecords = config.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong();
    assertThat(committedRecords).isPositive();
    assertThat(done.path("rowsSynced").asLong()).isEqualTo(committedRecords)
        .isEqualTo(config.at("/job/aggregatedStats/recordsCommitted").asLong());
    assertThat(done.path("bytesSynced").asLong()).isPositive()
        .isEqualTo(config.at("/attempts/0/attempt/totalStats/bytesCommitted").asLong());
    Instant startTime = Instant.parse(done.path("startTime").asText());
    Instant lastUpdatedAt = Instant.parse(done.path("lastUpdatedAt").asText());
    assertThat(startTime.getEpochSecond()).isEqualTo(config.at("/job/createdAt").asLong());
    assertThat(Duration.parse(done.path("duration").asText())).as("ISO-8601, the time between the times shown")
        .isEqualTo(Duration.between(startTime, lastUpdatedAt));
    assertThat(done.path("duration").asText()).matches("PT(\\d+H)?(\\d+M)?\\d+S");

    assertThat(api.delete(JOBS + "/" + jobId).expectProblem(409).path("detail").asText()).contains("already succeeded");
  }

  @Test
  void aConnectionRunsOneJobAtATimeAndDeleteCancelsTheRunningOne() {
    String connection = longConnection(fixtures.newWorkspace("cancel " + UUID.randomUUID()));
    long jobId = api.post(JOBS, start(connection, "sync")).expect(200).path("jobId").asLong();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> job(jobId).path("status").asText().equals("running"));

    JsonNode conflict = api.post(JOBS, start(connection, "sync")).expectProblem(409);
    assertThat(conflict.path("detail").asText()).startsWith("A sync is already running").contains(Long.toString(jobId));
    api.post(JOBS, start(connection, "reset")).expectProblem(409);
    api.post(JOBS, start(connection, "clear")).expectProblem(409);

    JsonNode cancelled = api.delete(JOBS + "/" + jobId).expect(200);
    assertThat(cancelled.path("jobId").asLong()).isEqualTo(jobId);
    assertThat(cancelled.path("jobType").asText()).isEqualTo("sync");
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
        .until(() -> job(jobId).path("status").asText().equals("cancelled"));
    assertThat(api.delete(JOBS + "/" + jobId).expect(200).path("status").asText())
        .as("cancelling again changes nothing").isEqualTo("cancelled");
    assertThat(job(jobId).path("rowsSynced").asLong()).as("what was committed before the cancel").isNotNegative();

    long next = api.post(JOBS, start(connection, "sync")).expect(200).path("jobId").asLong();
    assertThat(api.delete(JOBS + "/" + next).expect(200).path("jobId").asLong()).isEqualTo(next);
    assertThat(awaitEnd(next).path("status").asText()).isEqualTo("cancelled");
  }

  @Test
  void everyFilterOrderAndPageOfTheListDoesItsPart() {
    UUID workspace = fixtures.newWorkspace("list " + UUID.randomUUID());
    String quick = quickConnection(workspace);
    String slow = longConnection(workspace);
    // A long sync L, then a quick sync Q that ends while L runs, then L cancelled, then a clear C: L was created
    // first but changed last before C, so the two orders differ.
    long longSync = api.post(JOBS, start(slow, "sync")).expect(200).path("jobId").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() -> job(longSync).path("status").asText().equals("running"));
    Instant afterLongCreated = Instant.now();
    long quickSync = api.post(JOBS, start(quick, "sync")).expect(200).path("jobId").asLong();
    assertThat(awaitEnd(quickSync).path("status").asText()).isEqualTo("succeeded");
    Instant afterQuickEnded = Instant.now();
    api.delete(JOBS + "/" + longSync).expect(200);
    assertThat(awaitEnd(longSync).path("status").asText()).isEqualTo("cancelled");
    Instant afterLongEnded = Instant.now();
    long clear = api.post(JOBS, start(quick, "clear")).expect(200).path("jobId").asLong();
    assertThat(awaitEnd(clear).path("status").asText()).isEqualTo("succeeded");
    String in = "?workspaceIds=" + workspace;

    assertThat(ids(in)).as("Airbyte's default order: oldest first").containsExactly(longSync, quickSync, clear);
    assertThat(ids(in + "&orderBy=createdAt%7CDESC")).containsExactly(clear, quickSync, longSync);
    assertThat(ids(in + "&orderBy=updatedAt%7CASC")).containsExactly(quickSync, longSync, clear);
    assertThat(ids(in + "&orderBy=updatedAt%7CDESC")).containsExactly(clear, longSync, quickSync);

    assertThat(ids(in + "&jobType=sync")).containsExactly(longSync, quickSync);
    assertThat(ids(in + "&jobType=clear")).containsExactly(clear);
    assertThat(ids(in + "&jobType=reset")).isEmpty();
    assertThat(ids(in + "&status=cancelled")).containsExactly(longSync);
    assertThat(ids(in + "&status=succeeded")).containsExactly(quickSync, clear);
    assertThat(ids(in + "&status=queued")).isEmpty();
    assertThat(ids("?connectionId=" + quick)).containsExactly(quickSync, clear);
    assertThat(ids("?connectionId=" + slow + "&status=cancelled&jobType=sync")).containsExactly(longSync);
    assertThat(ids("?connectionId=" + slow + "&workspaceIds=" + fixtures.newWorkspace("other"))).isEmpty();

    assertThat(ids(in + "&createdAtStart=" + afterLongCreated)).containsExactly(quickSync, clear);
    assertThat(ids(in + "&createdAtEnd=" + afterLongCreated)).containsExactly(longSync);
    assertThat(idsBeyondDocument(in + "&createdAtStart=" + afterLongCreated + "&createdAtEnd=" + afterQuickEnded.toEpochMilli()))
        .as("ISO-8601 and epoch milliseconds").containsExactly(quickSync);
    assertThat(ids(in + "&updatedAtEnd=" + afterQuickEnded)).containsExactly(quickSync);
    assertThat(idsBeyondDocument(in + "&updatedAtStart=" + afterQuickEnded.toEpochMilli() + "&updatedAtEnd=" + afterLongEnded))
        .containsExactly(longSync);
    assertThat(ids(in + "&createdAtStart=" + afterLongCreated + "&updatedAtStart=" + afterLongEnded))
        .as("every filter must hold").containsExactly(clear);

    UUID otherWorkspace = fixtures.newWorkspace("list other " + UUID.randomUUID());
    long elsewhere = api.post(JOBS, start(quickConnection(otherWorkspace), "sync")).expect(200).path("jobId").asLong();
    awaitEnd(elsewhere);
    assertThat(ids(in)).doesNotContain(elsewhere);
    assertThat(ids(in + "&workspaceIds=" + otherWorkspace)).containsExactly(longSync, quickSync, clear, elsewhere);
    assertThat(ids(api.unchecked().get(JOBS + in + "," + otherWorkspace).expect(200))).as("comma-separated").containsExactly(longSync, quickSync, clear, elsewhere);

    JsonNode first = api.get(JOBS + in + "&jobType=sync&limit=1").expect(200);
    assertThat(ids(first)).containsExactly(longSync);
    assertThat(first.has("previous")).isFalse();
    String next = first.path("next").asText();
    assertThat(next).startsWith("http://").contains("workspaceIds=" + workspace, "jobType=sync", "limit=1", "offset=1");
    JsonNode second = api.get(relative(next)).expect(200);
    assertThat(ids(second)).containsExactly(quickSync);
    assertThat(second.has("next")).isFalse();
    assertThat(second.path("previous").asText()).contains("offset=0");
    assertThat(ids(api.get(relative(second.path("previous").asText())).expect(200))).containsExactly(longSync);
  }

  @Test
  void resetAndClearBothEmptyTheStreamsEachUnderItsOwnType() {
    String connection = quickConnection(fixtures.newWorkspace("reset " + UUID.randomUUID()));
    awaitEnd(api.post(JOBS, start(connection, "sync")).expect(200).path("jobId").asLong());

    JsonNode reset = api.post(JOBS, start(connection, "reset")).expect(200);
    assertThat(reset.path("jobType").asText()).isEqualTo("reset");
    assertThat(awaitEnd(reset.path("jobId").asLong()).path("status").asText()).isEqualTo("succeeded");
    JsonNode clear = api.post(JOBS, start(connection, "clear")).expect(200);
    assertThat(clear.path("jobType").asText()).isEqualTo("clear");
    JsonNode cleared = awaitEnd(clear.path("jobId").asLong());
    assertThat(cleared.path("status").asText()).isEqualTo("succeeded");
    assertThat(cleared.path("rowsSynced").asLong()).as("a clear writes no record").isZero();

    // The Config API shows a clear as the reset it is: its 2023-era clients know no "clear".
    assertThat(api.post("/api/v1/jobs/get", Json.object().put("id", clear.path("jobId").asLong()))
        .expect(200).at("/job/configType").asText()).isEqualTo("reset_connection");
    assertThat(api.post("/api/v1/state/get", Json.object().put("connectionId", connection)).expect(200)
        .path("stateType").asText()).isEqualTo("not_set");
  }

  @Test
  void airbytesJavaSdk0SeesClearsAsResetsAndFindsThemAmongResets() {
    UUID workspace = fixtures.newWorkspace("old sdk " + UUID.randomUUID());
    String connection = quickConnection(workspace);
    long clear = api.post(JOBS, start(connection, "clear")).expect(200).path("jobId").asLong();
    awaitEnd(clear);
    ApiClient oldSdk = api.withUserAgent(PublicFixtures.JAVA_SDK_0_16);
    String in = "?workspaceIds=" + workspace;

    assertThat(oldSdk.get(JOBS + "/" + clear).expect(200).path("jobType").asText()).isEqualTo("reset");
    assertThat(oldSdk.get(JOBS + in).expect(200).findValuesAsText("jobType")).containsExactly("reset");
    assertThat(ids(oldSdk.get(JOBS + in + "&jobType=reset").expect(200))).containsExactly(clear);
    assertThat(ids(oldSdk.get(JOBS + in + "&jobType=clear").expect(200))).containsExactly(clear);

    for (ApiClient current : List.of(api, api.withUserAgent(PublicFixtures.PYTHON_SDK))) {
      assertThat(current.get(JOBS + "/" + clear).expect(200).path("jobType").asText()).isEqualTo("clear");
      assertThat(ids(current.get(JOBS + in + "&jobType=reset").expect(200))).isEmpty();
    }
  }

  @Test
  void wrongInputIsAProblem() {
    String connection = quickConnection(fixtures.newWorkspace("errors " + UUID.randomUUID()));

    assertThat(api.post(JOBS, start(connection, "teleport")).expectProblem(400).path("detail").asText())
        .contains("sync", "reset", "clear");
    assertThat(api.post(JOBS, start(connection, "refresh")).expectProblem(422).path("detail").asText())
        .contains("refresh");
    api.post(JOBS, start(UUID.randomUUID().toString(), "sync")).expectProblem(404);
    api.post(JOBS, Map.of("connectionId", "not-a-uuid", "jobType", "sync")).expectProblem(422);
    api.post(JOBS, Map.of("connectionId", connection)).expectProblem(422);
    api.send("POST", JOBS, "{\"connectionId\": ", "application/json").expectProblem(400);

    for (String id : List.of("123456789012", "not-a-number", "99999999999999999999999", "1.5")) {
      api.get(JOBS + "/" + id).expectProblem(404);
      api.delete(JOBS + "/" + id).expectProblem(404);
    }
    long check = fixtures.store.jobs.create(JobConfigType.CHECK_CONNECTION_SOURCE, UUID.randomUUID().toString(), null).id();
    assertThat(api.get(JOBS + "/" + check).expectProblem(404).path("detail").asText()).contains("check_connection_source");
    api.delete(JOBS + "/" + check).expectProblem(404);

    for (String query : List.of("jobType=teleport", "status=exploded", "orderBy=name%7CASC", "orderBy=createdAt%7CUP",
        "orderBy=createdAt", "createdAtStart=yesterday", "updatedAtEnd=2024-13-01T00:00:00Z", "connectionId=42",
        "workspaceIds=nope", "limit=0", "limit=101", "offset=-1")) {
      assertThat(api.get(JOBS + "?" + query).expectProblem(400).path("detail").asText()).as(query)
          .contains(query.substring(0, query.indexOf('=')));
    }
    assertThat(idsBeyondDocument("?createdAtStart=999999999999999999")).as("a bound beyond any timestamp column").isEmpty();
    assertThat(idsBeyondDocument("?connectionId=" + connection + "&updatedAtStart=-999999999-01-01T00:00:00Z")).isEmpty();
    api.get(JOBS + "?createdAtStart=9999999999999999999").expectProblem(400);
    api.get(JOBS + "?connectionId=" + UUID.randomUUID()).expectProblem(404);
    api.get(JOBS + "?workspaceIds=" + UUID.randomUUID()).expectProblem(404);
  }

  /** A manual connection from a Sample Data source of 10 users to Dev Null. */
  private static String quickConnection(UUID workspace) {
    return connection(workspace, ConnectionFixtures.SAMPLE_CONFIG);
  }

  /** A connection whose sync runs until it is cancelled. */
  private static String longConnection(UUID workspace) {
    return connection(workspace, "{\"count\": 2000000000, \"seed\": 1}");
  }

  private static String connection(UUID workspace, String sampleConfig) {
    var source = fixtures.actor(workspace, ConnectionFixtures.SAMPLE_DATA, ActorType.SOURCE, "sample", sampleConfig);
    ObjectNode request = ConnectionFixtures.createRequest(source, fixtures.destination(workspace, "nowhere"));
    return fixtures.createConnection(request).path("connectionId").asText();
  }

  private static Map<String, String> start(String connectionId, String jobType) {
    return Map.of("connectionId", connectionId, "jobType", jobType);
  }

  private static JsonNode job(long jobId) {
    return api.get(JOBS + "/" + jobId).expect(200);
  }

  private static JsonNode awaitEnd(long jobId) {
    return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
        .until(() -> job(jobId), job -> ENDED.contains(job.path("status").asText()));
  }

  private static List<Long> ids(String query) {
    return ids(api.get(JOBS + query).expect(200));
  }

  /** Airbyte's document types the time bounds as date-times, yet its examples are epoch milliseconds: Gale reads both. */
  private static List<Long> idsBeyondDocument(String query) {
    return ids(api.beyondAirbyteDocument().get(JOBS + query).expect(200));
  }

  private static List<Long> ids(JsonNode jobsResponse) {
    List<Long> ids = new ArrayList<>();
    jobsResponse.path("data").forEach(job -> ids.add(job.path("jobId").asLong()));
    return ids;
  }

  private static String relative(String absoluteLink) {
    return absoluteLink.replaceFirst("^https?://[^/]+", "");
  }
}
