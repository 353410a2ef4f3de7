package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static dev.gale.server.api.JobCalls.awaitEnd;
import static dev.gale.server.api.JobCalls.body;
import static dev.gale.server.api.JobCalls.id;
import static dev.gale.server.api.JobCalls.state;
import static dev.gale.server.api.JobCalls.status;
import static dev.gale.server.api.JobCalls.syncToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.store.StreamGenerationRepository;
import dev.gale.server.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code connections/clear} and {@code connections/clear/stream}, newer Airbyte's names for a reset: a {@code clear}
 * job empties the streams in the destination and clears their state. And {@code jobs/get} shows each attempt with
 * its stats and log lines. These endpoints are newer than Airbyte's 2023 document.
 */
class ClearApiIT {
  private static final String SAMPLE = "{\"count\": 200, \"seed\": 5, \"always_updated\": false}";

  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = fixtures.api.beyondAirbyteDocument();
  }

  @Test
  void aClearEmptiesEveryStreamAndTheNextSyncReadsEverythingAgain() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "incremental", "append");
    syncToEnd(api, connection);
    assertThat(state(api, connection).path("streamState")).hasSize(3);

    JsonNode queued = api.post("/api/v1/connections/clear", body(connection)).expect(200);
    // Config API clients of Airbyte's 2023 document know no "clear": they read it as the reset it is.
    assertThat(queued.at("/job/configType").asText()).isEqualTo("reset_connection");
    assertThat(names(queued.at("/job/resetConfig/streamsToReset"))).containsExactly("users", "products", "purchases");
    JsonNode clear = awaitEnd(api, id(queued));

    assertThat(status(clear)).as("%s", clear).isEqualTo("succeeded");
    assertThat(clear.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong()).isZero();
    assertThat(clear.at("/attempts/0/logs/logLines").toString()).contains("overwrite, generation 1",
        "Cleared the state of the connection");
    assertThat(state(api, connection).path("stateType").asText()).isEqualTo("not_set");
    assertThat(new StreamGenerationRepository(fixtures.store.database).current(UUID.fromString(connection)))
        .containsEntry(StreamDescriptor.of("purchases"), 1L).hasSize(3);
    assertThat(api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [\"clear\"], \"configId\": \"" + connection + "\"}"))
        .expect(200).path("jobs").findValues("job")).extracting(job -> job.path("id").asLong()).containsExactly(id(queued));
    assertThat(api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [\"reset_connection\"], \"configId\": \"" + connection + "\"}"))
        .expect(200).path("jobs").findValues("job")).extracting(job -> job.path("id").asLong()).containsExactly(id(queued));

    JsonNode again = syncToEnd(api, connection);
    assertThat(again.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).isEqualTo(500);
  }

  @Test
  void aStreamClearEmptiesOnlyThatStream() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "incremental", "append");
    syncToEnd(api, connection);

    JsonNode clear = awaitEnd(api, id(api.post("/api/v1/connections/clear/stream", streams(connection, "purchases"))
        .expect(200)));

    assertThat(status(clear)).isEqualTo("succeeded");
    assertThat(clear.at("/job/configType").asText()).isEqualTo("reset_connection");
    assertThat(names(clear.at("/job/resetConfig/streamsToReset"))).containsExactly("purchases");
    assertThat(state(api, connection).path("streamState").findValues("streamDescriptor").stream()
        .map(d -> d.path("name").asText()).toList()).containsExactlyInAnyOrder("users", "products");
    JsonNode next = syncToEnd(api, connection);
    assertThat(next.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).as("only purchases again").isEqualTo(200);
  }

  @Test
  void aClearNamesStreamsTheConnectionSyncsOfAConnectionThatExists() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "incremental", "append");

    assertInvalid(api.post("/api/v1/connections/clear/stream", streams(connection, "users", "invoices")), "streams[1]");
    assertInvalid(api.post("/api/v1/connections/clear/stream", streams(connection)), "streams");
    api.post("/api/v1/connections/clear", body(UUID.randomUUID().toString())).expectError(404);
    api.post("/api/v1/connections/clear/stream", streams(UUID.randomUUID().toString(), "users")).expectError(404);
    api.post("/api/v1/connections/clear", "{\"connectionId\": ").expectError(400);
    assertThat(api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [], \"configId\": \"" + connection + "\"}"))
        .expect(200).path("totalJobCount").asLong()).isZero();
  }

  @Test
  void jobsGetShowsEachAttemptWithItsStatsAndLogLines() {
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "full_refresh", "overwrite");
    long jobId = id(syncToEnd(api, connection));

    JsonNode job = fixtures.api.post("/api/v1/jobs/get", Json.object().put("id", jobId)).expect(200);

    assertThat(job.path("attempts")).hasSize(1);
    JsonNode attempt = job.at("/attempts/0/attempt");
    assertThat(attempt.at("/totalStats/recordsCommitted").asLong()).isEqualTo(500);
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

  private static ObjectNode streams(String connection, String... names) {
    ObjectNode request = body(connection);
    var array = request.putArray("streams");
    for (String name : names) {
      array.addObject().put("streamName", name);
    }
    return request;
  }

  private static List<String> names(JsonNode descriptors) {
    List<String> names = new ArrayList<>();
    descriptors.forEach(d -> names.add(d.path("name").asText()));
    return names;
  }
}
