package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.SyncEvents;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What connectors say about a sync besides its data, with script connectors: ESTIMATE and STREAM_STATUS traces,
 * CONTROL configuration updates, and the record counts of states, in both directions.
 */
@Timeout(30)
class SyncEventMessagesTest {
  private static final String CONTROL = "echo '{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\","
      + "\"emitted_at\":1,\"connectorConfig\":{\"config\":{\"password\":\"rotated-8c1f\"}}}}'";

  @TempDir
  Path dir;

  private ExternalSource source(String read) {
    return ExternalSource.load(Scripts.source("events"), Scripts.script(dir, "source.sh", """
        case "$1" in
          spec) echo '%s' ;;
          discover) echo '%s' ;;
          read)
        %s
            ;;
        esac
        """.formatted(Scripts.SPEC, ExternalSourceTest.CATALOG, read)));
  }

  private static String trace(String type, String field, String body) {
    return "echo '{\"type\":\"TRACE\",\"trace\":{\"type\":\"" + type + "\",\"emitted_at\":1,\"" + field + "\":" + body
        + "}}'";
  }

  private static String usersState(int cursor, String stats) {
    return ExternalSourceTest.state("{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},"
        + "\"stream_state\":{\"cursor\":" + cursor + "}}" + stats + "}");
  }

  private RecordingOutput read(ExternalSource source) throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    source.read(ExternalSourceTest.CONFIG, new ExternalSourceTest().configured(source.discover(ExternalSourceTest.CONFIG)),
        List.of(), output);
    return output;
  }

  @Test
  void aSourcesEstimatesStatusesAndConfigurationUpdateReachItsOutputInOrder() throws Exception {
    ExternalSource source = source(String.join("\n",
        trace("ESTIMATE", "estimate", "{\"name\":\"users\",\"type\":\"STREAM\",\"row_estimate\":2,\"byte_estimate\":64}"),
        trace("ESTIMATE", "estimate", "{\"name\":\"all\",\"type\":\"SYNC\",\"row_estimate\":3}"),
        trace("STREAM_STATUS", "stream_status", "{\"stream_descriptor\":{\"name\":\"users\"},\"status\":\"STARTED\"}"),
        ExternalSourceTest.record("users", "{\"id\":1}"),
        CONTROL,
        ExternalSourceTest.record("users", "{\"id\":2}"),
        trace("STREAM_STATUS", "stream_status", "{\"stream_descriptor\":{\"name\":\"users\"},\"status\":\"COMPLETE\"}"),
        "echo '{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\",\"emitted_at\":1}}'",
        trace("ANALYTICS", "analytics", "{\"type\":\"cursor-used\",\"value\":\"1\"}")));

    RecordingOutput output = read(source);

    // Events pass the records still gathered into a batch: only states order batches.
    assertThat(output.events).containsExactly("estimate users 2 64", "estimate sync 3 0", "status users STARTED",
        "configuration {\"password\":\"rotated-8c1f\"}", "status users COMPLETE", "batch users 2");
    assertThat(output.logs()).contains(
        "INFO the connector sent an updated configuration (CONTROL CONNECTOR_CONFIG)",
        "WARN ignored an invalid CONTROL CONNECTOR_CONFIG message: its connectorConfig.config is not a JSON object",
        "DEBUG ignored a TRACE ANALYTICS message, which Gale does not act on yet");
    assertThat(output.logs()).noneMatch(line -> line.contains("rotated-8c1f"));
  }

  @Test
  void aStateWhoseRecordCountDiffersFromGalesIsAWarningAndPassesUnchanged() throws Exception {
    ExternalSource source = source(String.join("\n",
        ExternalSourceTest.record("users", "{\"id\":1}"),
        ExternalSourceTest.record("orders", "{\"id\":7}"),
        ExternalSourceTest.record("users", "{\"id\":2}"),
        usersState(2, ",\"sourceStats\":{\"recordCount\":2.0}"),
        ExternalSourceTest.record("users", "{\"id\":3}"),
        usersState(3, ",\"sourceStats\":{\"recordCount\":5.0}"),
        ExternalSourceTest.record("users", "{\"id\":4}"),
        usersState(4, "")));

    RecordingOutput output = read(source);

    assertThat(output.states).hasSize(3);
    assertThat(output.states.get(1).sourceStats().recordCount()).isEqualTo(5.0);
    assertThat(output.logs()).filteredOn(line -> line.startsWith("WARN")).containsExactly(
        "WARN The connector's STREAM state (stream users) says it covers 5 records, but Gale received 1 since the "
            + "previous state; the state is kept as sent");
  }

  /** Echoes each state with destinationStats counting the records before it, less $LOSE; sends events first. */
  private static final String COUNTING = """
      case "$1" in
        spec) echo '%s' ;;
        write)
          echo '{"type":"TRACE","trace":{"type":"STREAM_STATUS","emitted_at":1,"stream_status":{"stream_descriptor":{"name":"items","namespace":"shop"},"status":"RUNNING"}}}'
          %s
          n=0
          while IFS= read -r line; do
            case "$line" in
              '{"type":"STATE"'*) echo "$line" | sed "s/}}\\$/,\\"destinationStats\\":{\\"recordCount\\":$((n - LOSE)).0}}}/"; n=0 ;;
              *) n=$((n + 1)) ;;
            esac
          done
          ;;
      esac
      """.formatted(Scripts.SPEC, CONTROL);

  private final List<String> logs = new ArrayList<>();
  private final List<String> events = new ArrayList<>();

  private DestinationWriter open(int lose) {
    ExternalDestination destination = ExternalDestination.load(Scripts.destination("counting"),
        Scripts.script(dir, "destination.sh", COUNTING).withEnvironment(Map.of("LOSE", Integer.toString(lose))));
    SyncEvents recorded = new SyncEvents() {
      @Override
      public void streamStatus(StreamDescriptor stream, StreamStatus status) {
        record("status " + stream + " " + status);
      }

      @Override
      public void configurationUpdated(JsonNode configuration) {
        record("configuration " + configuration);
      }
    };
    return destination.open(ExternalDestinationTest.CONFIG, ExternalDestinationTest.CATALOG,
        new WriteContext(1, (level, line) -> record(level + " " + line), recorded));
  }

  private void record(String line) {
    synchronized (events) {
      (line.startsWith("status") || line.startsWith("configuration") ? events : logs).add(line);
    }
  }

  @Test
  void aDestinationThatCountsWhatItWasSentAcknowledgesAndItsEventsReachTheContext() throws Exception {
    try (DestinationWriter writer = open(0)) {
      writer.write(ExternalDestinationTest.batch(1, 2, 3));
      writer.flush();
      writer.write(ExternalDestinationTest.batch(4));
      writer.flush();
      writer.complete();
    }

    synchronized (events) {
      assertThat(events).containsExactly("status shop.items RUNNING", "configuration {\"password\":\"rotated-8c1f\"}");
      assertThat(logs).noneMatch(line -> line.startsWith("WARN") || line.contains("rotated-8c1f"));
    }
  }

  @Test
  void aDestinationThatCountsFewerRecordsThanSentFailsTheSyncAsDataLossWithoutAcknowledging() throws Exception {
    try (DestinationWriter writer = open(1)) {
      writer.write(ExternalDestinationTest.batch(1, 2, 3));
      assertThatThrownBy(() -> {
        writer.flush();
        writer.complete();
      }).isInstanceOf(ConnectorException.class)
          .hasMessageContaining("acknowledged 2 of the 3 records Gale sent before its state");
      assertThat(writer.acknowledgedFlushes()).isZero();
    }
  }

  @Test
  void aDestinationThatCountsMoreIsAWarningOnly() throws Exception {
    try (DestinationWriter writer = open(-2)) {
      writer.write(ExternalDestinationTest.batch(1));
      writer.flush();
      writer.complete();
    }

    synchronized (events) {
      assertThat(logs).contains("WARN the destination counts 3 records for a state that covers 1 "
          + "(destinationStats.recordCount)");
    }
  }
}
