package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents.Estimate;
import dev.gale.connector.data.SyncEvents.StreamStatus;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {

  @Test
  void linesThatAreNoMessagesAreText() {
    assertThat(decode("Starting connector...")).isEqualTo(new ProtocolMessage.Text("Starting connector..."));
    assertThat(decode("{\"no\":\"type\"}")).isEqualTo(new ProtocolMessage.Text("{\"no\":\"type\"}"));
    assertThat(decode("[1,2]")).isEqualTo(new ProtocolMessage.Text("[1,2]"));
    assertThat(decode("{\"type\":\"RECORD\"")).isInstanceOf(ProtocolMessage.Text.class);
  }

  @Test
  void decodesARecordWithItsStreamNamespaceAndEmissionTime() {
    ProtocolMessage message = decode("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"namespace\":\"crm\","
        + "\"emitted_at\":1700000000000,\"data\":{\"id\":1}}}");

    ProtocolMessage.Record record = (ProtocolMessage.Record) message;
    assertThat(record.stream()).isEqualTo(new StreamDescriptor("users", "crm"));
    assertThat(record.emittedAt()).isEqualTo(1_700_000_000_000L);
    assertThat(record.data().get("id").asInt()).isEqualTo(1);
  }

  @Test
  void refusesMalformedRecordsNamingTheProblem() {
    assertThatThrownBy(() -> decode("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":[1]}}"))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("invalid RECORD message: its data is not");
    assertThatThrownBy(() -> decode("{\"type\":\"RECORD\",\"record\":{\"data\":{}}}"))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("it has no stream name");
    assertThatThrownBy(() -> decode("{\"type\":\"RECORD\"}"))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("invalid RECORD");
  }

  @Test
  void decodesStreamGlobalAndLegacyStates() {
    ProtocolMessage.State stream = (ProtocolMessage.State) decode("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\","
        + "\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},\"stream_state\":{\"cursor\":5}}}}");
    ProtocolMessage.State global = (ProtocolMessage.State) decode("{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\","
        + "\"global\":{\"shared_state\":{\"lsn\":7},\"stream_states\":[]}}}");
    ProtocolMessage.State legacy =
        (ProtocolMessage.State) decode("{\"type\":\"STATE\",\"state\":{\"data\":{\"a\":1}}}");

    assertThat(stream.state().type()).isEqualTo(AirbyteStateType.STREAM);
    assertThat(global.state().global().sharedState().get("lsn").asInt()).isEqualTo(7);
    assertThat(legacy.state().type()).isEqualTo(AirbyteStateType.LEGACY);
  }

  @Test
  void refusesAStateWithoutItsPart() {
    assertThatThrownBy(() -> decode("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\"}}"))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("invalid STATE message");
  }

  @Test
  void decodesLogsTracesAndAnswers() {
    assertThat(decode("{\"type\":\"LOG\",\"log\":{\"level\":\"FATAL\",\"message\":\"gone\"}}"))
        .isEqualTo(new ProtocolMessage.Log(LogLevel.ERROR, "gone"));
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,"
        + "\"error\":{\"message\":\"bad key\","
        + "\"internal_message\":\"401\",\"failure_type\":\"config_error\"}}}"))
        .isEqualTo(new ProtocolMessage.TraceError("bad key", "401", "config_error"));
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ANALYTICS\",\"analytics\":{\"type\":\"x\"}}}"))
        .isEqualTo(new ProtocolMessage.Ignored("TRACE ANALYTICS"));
    assertThat(((ProtocolMessage.ConnectionStatus) decode("{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":"
        + "{\"status\":\"FAILED\",\"message\":\"no\"}}")).status()).isEqualTo(AirbyteConnectionStatus.failed("no"));
  }

  @Test
  void decodesEstimatesOfAStreamAndOfTheWholeSync() {
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"emitted_at\":1,\"estimate\":"
        + "{\"name\":\"users\",\"namespace\":\"crm\",\"type\":\"STREAM\",\"row_estimate\":120,\"byte_estimate\":4096}}}"))
        .isEqualTo(new ProtocolMessage.Estimate(Estimate.ofStream(new StreamDescriptor("users", "crm"), 120, 4096)));
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"estimate\":"
        + "{\"name\":\"\",\"type\":\"SYNC\",\"row_estimate\":9000}}}"))
        .isEqualTo(new ProtocolMessage.Estimate(Estimate.ofSync(9000, 0)));
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"estimate\":{}}}"))
        .isEqualTo(new ProtocolMessage.Invalid("TRACE ESTIMATE", "its type is neither STREAM nor SYNC"));
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"estimate\":"
        + "{\"name\":\"users\",\"type\":\"STREAM\",\"row_estimate\":-3}}}"))
        .isInstanceOf(ProtocolMessage.Invalid.class);
  }

  @Test
  void decodesStreamStatuses() {
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":"
        + "{\"stream_descriptor\":{\"name\":\"users\"},\"status\":\"COMPLETE\"}}}"))
        .isEqualTo(new ProtocolMessage.StreamStatus(StreamDescriptor.of("users"), StreamStatus.COMPLETE));
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"stream_status\":"
        + "{\"stream_descriptor\":{\"name\":\"users\"},\"status\":\"PAUSED\"}}}"))
        .isInstanceOf(ProtocolMessage.Invalid.class);
    assertThat(decode("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"stream_status\":"
        + "{\"status\":\"STARTED\"}}}"))
        .isInstanceOf(ProtocolMessage.Invalid.class);
  }

  @Test
  void decodesAConfigurationUpdateWithoutShowingIt() {
    ProtocolMessage update = decode("{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\","
        + "\"emitted_at\":1,\"connectorConfig\":{\"config\":{\"password\":\"rotated-s3cret\"}}}}");

    assertThat(update).isEqualTo(new ProtocolMessage.ConfigUpdate(Json.parse("{\"password\":\"rotated-s3cret\"}")));
    assertThat(update.toString()).doesNotContain("rotated-s3cret");
    assertThat(decode("{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\",\"connectorConfig\":{}}}"))
        .isEqualTo(new ProtocolMessage.Invalid("CONTROL CONNECTOR_CONFIG", "its connectorConfig.config is not a JSON object"));
  }

  @Test
  void unknownTypesAreIgnoredRatherThanFailed() {
    assertThat(decode("{\"type\":\"CONTROL\",\"control\":{}}")).isEqualTo(new ProtocolMessage.Ignored("CONTROL"));
    assertThat(decode("{\"type\":\"FUTURE_THING\"}")).isEqualTo(new ProtocolMessage.Ignored("FUTURE_THING"));
  }

  private static ProtocolMessage decode(String line) {
    byte[] bytes = (line + "trailing bytes beyond the length are not read").getBytes(StandardCharsets.UTF_8);
    return MessageDecoder.decode(bytes, line.getBytes(StandardCharsets.UTF_8).length);
  }
}
