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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code connections/reset} and {@code connections/reset/stream}, and their newer names {@code connections/clear} and
 * {@code connections/clear/stream}: the job empties the streams in the destination (an overwrite with nothing, in a
 * new generation) and clears their state, so the next sync starts from the beginning. The Config API shows both as
 * {@code reset_connection}, which its clients of every era read.
 */
class ResetApiIT {
  private static final String SAMPLE = "{\"count\": 200, \"seed\": 5, \"always_updated\": false}";

  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();

  @ParameterizedTest
  @ValueSource(strings = {"reset", "clear"})
  void aResetClearsEveryStreamsStateAndTheNextSyncReadsEverythingAgain(String verb) {
    ApiClient api = client(verb);
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "incremental", "append");
    syncToEnd(api, connection);
    assertThat(state(api, connection).path("streamState")).hasSize(3);

    JsonNode queued = api.post("/api/v1/connections/" + verb, body(connection)).expect(200);
    assertThat(queued.at("/job/configType").asText()).isEqualTo("reset_connection");
    assertThat(names(queued.at("/job/resetConfig/streamsToReset"))).containsExactly("users", "products", "purchases");
    JsonNode reset = awaitEnd(api, id(queued));

    assertThat(status(reset)).as("%s", reset).isEqualTo("succeeded");
    assertThat(reset.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong()).isZero();
    assertThat(reset.at("/attempts/0/logs/logLines").toString())
        .contains("(reset)", "overwrite, generation 1", "Cleared the state of the connection");
    assertThat(state(api, connection).path("stateType").asText()).isEqualTo("not_set");
    assertThat(new StreamGenerationRepository(fixtures.store.database).current(UUID.fromString(connection)))
        .containsEntry(StreamDescriptor.of("users"), 1L).hasSize(3);
    assertThat(jobIds(api, connection, "reset_connection")).containsExactly(id(queued));

    JsonNode again = syncToEnd(api, connection);
    assertThat(again.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).isEqualTo(500);
    assertThat(again.at("/attempts/0/logs/logLines").toString()).contains("generation 1");
  }

  @Test
  void aClearIsFoundAmongClearsAndResetsButAResetOnlyAmongResets() {
    ApiClient api = client("clear");
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "incremental", "append");
    long clear = id(awaitEnd(api, id(api.post("/api/v1/connections/clear", body(connection)).expect(200))));
    long reset = id(awaitEnd(api, id(api.post("/api/v1/connections/reset", body(connection)).expect(200))));

    // "clear" is newer than Airbyte's 2023 document; newer clients search by it.
    assertThat(jobIds(api, connection, "clear")).containsExactly(clear);
    assertThat(jobIds(api, connection, "reset_connection")).containsExactlyInAnyOrder(clear, reset);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reset", "clear"})
  void aStreamResetClearsOnlyThatStream(String verb) {
    ApiClient api = client(verb);
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "incremental", "append");
    syncToEnd(api, connection);

    JsonNode reset = awaitEnd(api, id(api.post("/api/v1/connections/" + verb + "/stream", streams(connection, "purchases"))
        .expect(200)));

    assertThat(status(reset)).isEqualTo("succeeded");
    assertThat(reset.at("/job/configType").asText()).isEqualTo("reset_connection");
    assertThat(names(reset.at("/job/resetConfig/streamsToReset"))).containsExactly("purchases");
    JsonNode state = state(api, connection);
    assertThat(names(state.path("streamState").findValues("streamDescriptor"))).containsExactlyInAnyOrder("users", "products");
    JsonNode next = syncToEnd(api, connection);
    assertThat(next.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).as("only purchases again").isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reset", "clear"})
  void aResetNamesStreamsTheConnectionSyncsOfAConnectionThatExists(String verb) {
    ApiClient api = client(verb);
    String connection = JobCalls.sampleConnection(fixtures, SAMPLE, "incremental", "append");
    String path = "/api/v1/connections/" + verb;

    assertInvalid(api.post(path + "/stream", streams(connection, "users", "invoices")), "streams[1]");
    assertInvalid(api.post(path + "/stream", streams(connection)), "streams");
    api.post(path, body(UUID.randomUUID().toString())).expectError(404);
    api.post(path + "/stream", streams(UUID.randomUUID().toString(), "users")).expectError(404);
    api.post(path, "{\"connectionId\": ").expectError(400);
    assertThat(api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [], \"configId\": \"" + connection + "\"}"))
        .expect(200).path("totalJobCount").asLong()).isZero();
  }

  /** The clear endpoints are newer than Airbyte's 2023 document: their exchanges are checked against Gale's alone. */
  private static ApiClient client(String verb) {
    return verb.equals("clear") ? fixtures.api.beyondAirbyteDocument() : fixtures.api;
  }

  private static List<Long> jobIds(ApiClient api, String connection, String configType) {
    JsonNode jobs = api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [\"" + configType + "\"], \"configId\": \""
        + connection + "\"}")).expect(200).path("jobs");
    return jobs.findValues("job").stream().map(job -> job.path("id").asLong()).toList();
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

  private static List<String> names(List<JsonNode> descriptors) {
    return descriptors.stream().map(d -> d.path("name").asText()).toList();
  }
}
