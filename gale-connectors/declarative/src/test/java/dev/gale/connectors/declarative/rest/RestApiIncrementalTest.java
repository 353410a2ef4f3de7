package dev.gale.connectors.declarative.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Incremental reads: the state a read ends with, and the request of the next read, which asks from that state. */
class RestApiIncrementalTest {
  private static final String SCHEMA = """
      "json_schema": {"type": "object", "properties": {"id": {"type": "integer"}, "updated_at": {"type": "string"}}}""";
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private ObjectNode config(String incremental) {
    return RestApiTests.config(api, "/events", "{" + SCHEMA + ", \"incremental\": " + incremental + "}");
  }

  private static AirbyteStateMessage lastState(RecordingOutput output) {
    List<AirbyteStateMessage> states = output.checkpoints();
    assertThat(states).isNotEmpty();
    return states.getLast();
  }

  @Test
  void aDatetimeCursorEndsAtTheLatestValueAndTheNextReadAsksFromIt() throws Exception {
    ObjectNode config = config("""
        {"cursor_field": "updated_at", "start_value": "2024-01-01T00:00:00Z", "start_param": "updated_since"}""");
    api.json("""
        [{"id": 1, "updated_at": "2024-03-02T10:00:00Z"}, {"id": 2, "updated_at": "2024-03-05T08:30:00.250Z"},
         {"id": 3, "updated_at": "2024-03-04T00:00:00+02:00"}]""");

    AirbyteStateMessage state = lastState(RestApiTests.read(config, SyncMode.INCREMENTAL, List.of()));

    assertThat(api.take().getUrl().queryParameter("updated_since")).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(state.stream().streamDescriptor()).isEqualTo(StreamDescriptor.of("events"));
    assertThat(state.stream().streamState()).isEqualTo(Json.parse("{\"updated_at\": \"2024-03-05T08:30:00Z\"}"));

    api.json("[{\"id\": 2, \"updated_at\": \"2024-03-05T08:30:00.250Z\"}]");
    RecordingOutput second = RestApiTests.read(config, SyncMode.INCREMENTAL, List.of(state));

    assertThat(api.take().getUrl().queryParameter("updated_since")).isEqualTo("2024-03-05T08:30:00Z");
    assertThat(RestApiTests.values(second, "id")).containsExactly(2L);
    assertThat(lastState(second).stream().streamState()).isEqualTo(state.stream().streamState());
  }

  @Test
  void aDatetimeFormatOfTheApisOwnIsWrittenAndRead() throws Exception {
    ObjectNode config = config("""
        {"cursor_field": "updated_at", "datetime_format": "%Y-%m-%d", "start_value": "2024-01-01",
         "start_param": "from"}""");
    api.json("[{\"id\": 1, \"updated_at\": \"2024-02-03\"}]");

    AirbyteStateMessage state = lastState(RestApiTests.read(config, SyncMode.INCREMENTAL, List.of()));

    assertThat(api.take().getUrl().queryParameter("from")).isEqualTo("2024-01-01");
    assertThat(state.stream().streamState()).isEqualTo(Json.parse("{\"updated_at\": \"2024-02-03\"}"));
  }

  @Test
  void anIntegerCursorEndsAtTheHighestValueAndTheNextReadAsksFromIt() throws Exception {
    ObjectNode config = config("""
        {"cursor_field": "id", "cursor_type": "integer", "start_param": "since_id"}""");
    api.json("[{\"id\": 4}, {\"id\": 9}, {\"id\": 7}]");

    AirbyteStateMessage state = lastState(RestApiTests.read(config, SyncMode.INCREMENTAL, List.of()));

    assertThat(api.take().getUrl().queryParameter("since_id")).isEqualTo("0");
    assertThat(state.stream().streamState()).isEqualTo(Json.parse("{\"id\": 9}"));

    api.json("[{\"id\": 9}, {\"id\": 12}]");
    RecordingOutput second = RestApiTests.read(config, SyncMode.INCREMENTAL, List.of(state));

    assertThat(api.take().getUrl().queryParameter("since_id")).isEqualTo("9");
    assertThat(lastState(second).stream().streamState()).isEqualTo(Json.parse("{\"id\": 12}"));
  }

  @Test
  void withoutAStartParameterADatetimeCursorDropsWhatTheStateCovers() throws Exception {
    ObjectNode config = config("""
        {"cursor_field": "updated_at", "start_value": "2024-01-01T00:00:00Z"}""");
    AirbyteStateMessage state = AirbyteStateMessage.stream(StreamDescriptor.of("events"),
        Json.parse("{\"updated_at\": \"2024-03-01T00:00:00Z\"}"));
    api.json("""
        [{"id": 1, "updated_at": "2024-02-01T00:00:00Z"}, {"id": 2, "updated_at": "2024-03-01T00:00:00Z"},
         {"id": 3, "updated_at": "2024-03-02T00:00:00Z"}]""");

    RecordingOutput output = RestApiTests.read(config, SyncMode.INCREMENTAL, List.of(state));

    assertThat(api.take().getUrl().encodedQuery()).isNull();
    assertThat(RestApiTests.values(output, "id")).containsExactly(2L, 3L);
    assertThat(lastState(output).stream().streamState())
        .isEqualTo(Json.parse("{\"updated_at\": \"2024-03-02T00:00:00Z\"}"));
  }

  @Test
  void aFullRefreshReadsFromTheStartValueWithoutCheckpoints() throws Exception {
    ObjectNode config = config("""
        {"cursor_field": "updated_at", "start_value": "2024-01-01T00:00:00Z", "start_param": "updated_since"}""");
    api.json("[{\"id\": 1, \"updated_at\": \"2024-02-01T00:00:00Z\"}]");

    RecordingOutput output = RestApiTests.read(config, SyncMode.FULL_REFRESH, List.of());

    assertThat(api.take().getUrl().queryParameter("updated_since")).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(RestApiTests.values(output, "id")).containsExactly(1L);
    assertThat(output.checkpoints()).isEmpty();
  }
}
