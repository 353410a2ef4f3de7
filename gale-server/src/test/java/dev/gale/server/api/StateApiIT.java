package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StateApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  private String connectionId;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @BeforeEach
  void newConnection() {
    connectionId = fixtures.newConnection(fixtures.newWorkspace("state " + UUID.randomUUID()), "stateful")
        .path("connectionId").asText();
  }

  @Test
  void aConnectionWithoutStateIsNotSet() {
    assertThat(get()).isEqualTo(Json.parse("{\"stateType\": \"not_set\", \"connectionId\": \"" + connectionId + "\"}"));
  }

  @Test
  void aStreamStateReadsBackAsWritten() {
    ObjectNode state = state("stream");
    state.putArray("streamState").add(stream("users", null, "2024-01-01")).add(stream("users", "crm", "2024-02-02"));

    for (JsonNode read : List.of(write(state).expect(200), get())) {
      assertThat(read.path("stateType")).isEqualTo(state.path("stateType"));
      assertThat(read.path("connectionId")).isEqualTo(state.path("connectionId"));
      assertThat(read.path("streamState")).as("in any order").containsExactlyInAnyOrderElementsOf(state.path("streamState"));
    }
  }

  @Test
  void aGlobalStateKeepsItsSharedStateUnderItsSnakeCaseName() {
    ObjectNode state = state("global");
    ObjectNode global = state.putObject("globalState");
    global.putObject("shared_state").put("lsn", 12345);
    global.putArray("streamStates").add(stream("purchases", "shop", "2024-03-03"));

    assertThat(write(state).expect(200)).isEqualTo(state);
    assertThat(get().at("/globalState/shared_state/lsn").asLong()).isEqualTo(12345);
  }

  @Test
  void aLegacyStateReadsBackAsWritten() {
    ObjectNode state = state("legacy");
    state.putObject("state").put("cursor", "2024-04-04").putArray("seen").add(1).add(2);

    assertThat(write(state).expect(200)).isEqualTo(state);
    assertThat(get()).isEqualTo(state);
  }

  @Test
  void aWriteReplacesTheWholeState() {
    ObjectNode global = state("global");
    global.putObject("globalState").putArray("streamStates").add(stream("users", null, "a")).add(stream("products", null, "b"));
    global.with("globalState").putObject("shared_state").put("lsn", 1);
    write(global).expect(200);

    ObjectNode streams = state("stream");
    streams.putArray("streamState").add(stream("purchases", null, "c"));
    write(streams).expect(200);

    assertThat(get()).isEqualTo(streams);
  }

  @Test
  void notSetClearsTheState() {
    ObjectNode legacy = state("legacy");
    legacy.putObject("state").put("cursor", 1);
    write(legacy).expect(200);

    assertThat(write(state("not_set")).expect(200).path("stateType").asText()).isEqualTo("not_set");
    assertThat(get().path("stateType").asText()).isEqualTo("not_set");
  }

  @Test
  void theShapeMustMatchTheStateType() {
    ObjectNode streamWithGlobal = state("stream");
    streamWithGlobal.putArray("streamState");
    streamWithGlobal.putObject("globalState").putArray("streamStates");
    assertInvalid(write(streamWithGlobal), "connectionState.globalState");
    assertInvalid(write(state("stream")), "connectionState.streamState");
    assertInvalid(write(state("global")), "connectionState.globalState");
    assertInvalid(write(state("legacy")), "connectionState.state");
    ObjectNode notSetWithState = state("not_set");
    notSetWithState.putObject("state");
    assertInvalid(write(notSetWithState), "connectionState.state");

    ObjectNode twice = state("stream");
    twice.putArray("streamState").add(stream("users", null, "a")).add(stream("users", null, "b"));
    assertInvalid(write(twice), "connectionState.streamState[1]");
    ObjectNode twiceInGlobal = state("global");
    twiceInGlobal.putObject("globalState").putArray("streamStates").add(stream("users", "x", "a")).add(stream("users", "x", "b"));
    assertInvalid(write(twiceInGlobal), "connectionState.globalState.streamStates[1]");

    assertThat(get().path("stateType").asText()).as("nothing was written").isEqualTo("not_set");
  }

  @Test
  void malformedStatesAre422() {
    ObjectNode notAnObject = state("legacy").put("state", "cursor=5");
    assertInvalid(write(notAnObject), "connectionState.state");
    ObjectNode unnamed = state("stream");
    unnamed.putArray("streamState").addObject().putObject("streamDescriptor").put("namespace", "crm");
    assertInvalid(write(unnamed), "connectionState.streamState[0].streamDescriptor.name");
    assertInvalid(write(state("paused")), "connectionState.stateType");
    ObjectNode otherConnection = state("legacy").put("connectionId", UUID.randomUUID().toString());
    otherConnection.putObject("state");
    assertInvalid(write(otherConnection), "connectionState.connectionId");
    assertInvalid(api.post("/api/v1/state/create_or_update", Json.object().put("connectionId", connectionId)), "connectionState");
  }

  @Test
  void unknownConnectionsAre404() {
    String unknown = UUID.randomUUID().toString();
    api.post("/api/v1/state/get", Json.object().put("connectionId", unknown)).expectError(404);
    ObjectNode state = state("legacy").put("connectionId", unknown);
    state.putObject("state");
    ObjectNode request = Json.object().put("connectionId", unknown);
    request.set("connectionState", state);
    api.post("/api/v1/state/create_or_update", request).expectError(404);
  }

  @Test
  void concurrentWritersReplaceWholeStatesAndReadersNeverSeeAMix() throws Exception {
    List<Future<Set<String>>> readers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int writer = 0; writer < 8; writer++) {
        String tag = "writer-" + writer;
        ObjectNode state = state("stream");
        state.putArray("streamState").add(stream("users", null, tag)).add(stream("products", null, tag))
            .add(stream("purchases", null, tag));
        threads.submit(() -> write(state).expect(200));
        readers.add(threads.submit(() -> cursors(get())));
      }
    }
    for (Future<Set<String>> reader : readers) {
      assertThat(reader.get().size()).as("cursors one read saw: %s", reader.get()).isLessThanOrEqualTo(1);
    }
    JsonNode last = get();
    assertThat(last.path("streamState")).hasSize(3);
    assertThat(cursors(last)).hasSize(1);
  }

  private ObjectNode state(String type) {
    return Json.object().put("stateType", type).put("connectionId", connectionId);
  }

  private static ObjectNode stream(String name, String namespace, String cursor) {
    ObjectNode stream = Json.object();
    ObjectNode descriptor = stream.putObject("streamDescriptor").put("name", name);
    if (namespace != null) {
      descriptor.put("namespace", namespace);
    }
    stream.putObject("streamState").put("cursor", cursor);
    return stream;
  }

  @Test
  void theSafeReplaceWaitsForTheConnectionsJobToEnd() {
    String running = JobCalls.sampleConnection(fixtures, "{\"count\": 2000000000, \"seed\": 1}", "full_refresh",
        "overwrite");
    long sync = JobCalls.id(JobCalls.sync(api, running));
    ObjectNode request = Json.object().put("connectionId", running);
    request.set("connectionState", Json.object().put("stateType", "not_set").put("connectionId", running));

    // Newer than Airbyte's 2023 document; PyAirbyte replaces states through it.
    ApiResponse locked = api.beyondAirbyteDocument().post("/api/v1/state/create_or_update_safe", request);
    locked.expectError(423);
    assertThat(locked.rawBody()).contains("job " + sync);

    api.post("/api/v1/jobs/cancel", Json.object().put("id", sync)).expect(200);
    JobCalls.awaitEnd(api, sync);
    assertThat(api.beyondAirbyteDocument().post("/api/v1/state/create_or_update_safe", request).expect(200)
        .path("stateType").asText()).isEqualTo("not_set");
  }

  private ApiResponse write(ObjectNode state) {
    ObjectNode request = Json.object().put("connectionId", connectionId);
    request.set("connectionState", state);
    return api.post("/api/v1/state/create_or_update", request);
  }

  private JsonNode get() {
    return api.post("/api/v1/state/get", Json.object().put("connectionId", connectionId)).expect(200);
  }

  private static Set<String> cursors(JsonNode state) {
    Set<String> cursors = new HashSet<>();
    state.path("streamState").forEach(stream -> cursors.add(stream.at("/streamState/cursor").asText()));
    return cursors;
  }
}
