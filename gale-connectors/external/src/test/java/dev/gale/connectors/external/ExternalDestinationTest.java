package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.ValueType;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// A test whose program outlives what it checks fails here rather than waiting for the program to end by itself.
@Timeout(30)
class ExternalDestinationTest {
  static final JsonNode CONFIG = Json.parse("{\"password\":\"hunter2\"}");
  static final RecordSchema ITEMS = new RecordSchema(new StreamDescriptor("items", "shop"), List.of(
      new Column("id", ValueType.INTEGER), new Column("price", ValueType.NUMBER), new Column("day", ValueType.DATE),
      new Column("at", ValueType.TIMESTAMP_WITH_TIMEZONE), new Column("meta", ValueType.JSON),
      new Column("raw", ValueType.BINARY), new Column("name", ValueType.STRING)));
  static final ConfiguredAirbyteCatalog CATALOG = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(
      new AirbyteStream("items", Json.parse("{\"type\":\"object\"}"), List.of(SyncMode.FULL_REFRESH), null, null, null,
          "shop", null, null), SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)));

  /** Writes records to $OUT and echoes every state, as an Airbyte destination does once records are durable. */
  static final String ECHOING = """
      case "$1" in
        spec) echo '%s' ;;
        check) echo '{"type":"CONNECTION_STATUS","connectionStatus":{"status":"SUCCEEDED"}}' ;;
        write)
          while IFS= read -r line; do
            case "$line" in
              '{"type":"STATE"'*) echo "$line" ;;
              *) echo "$line" >> "$OUT" ;;
            esac
          done
          echo "input ended" >> "$OUT"
          ;;
      esac
      """.formatted(Scripts.SPEC);

  /** Takes every record but never echoes a state. */
  static final String SILENT = """
      case "$1" in
        spec) echo '%s' ;;
        write) cat > /dev/null ;;
      esac
      """.formatted(Scripts.SPEC);

  @TempDir
  Path dir;
  final List<String> logs = new ArrayList<>();

  ExternalDestination destination(String body, Duration timeout) {
    return ExternalDestination.load(Scripts.destination("script"), Scripts.script(dir, "destination.sh", body)
        .withEnvironment(Map.of("OUT", dir.resolve("out").toString())).withNoMessageTimeout(timeout));
  }

  WriteContext context() {
    return new WriteContext(1, (level, line) -> {
      synchronized (logs) {
        logs.add(level + " " + line);
      }
    });
  }

  static RecordBatch batch(long... ids) {
    RecordBatch.Builder builder = RecordBatch.builder(ITEMS, ids.length);
    for (long id : ids) {
      builder.add(new Object[] {id, new BigDecimal("9.50"), LocalDate.of(2024, 3, 1),
          OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC), "{\"a\":[1]}", new byte[] {1, 2, 3}, null});
    }
    return builder.build(Instant.ofEpochMilli(1_700_000_000_000L));
  }

  @Test
  void readsSpecCapabilitiesAndCheckFromTheProgram() {
    ExternalDestination destination = destination(ECHOING, Duration.ofSeconds(30));

    assertThat(destination.capabilities().destinationSyncModes())
        .containsExactly(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE);
    assertThat(destination.check(CONFIG).isSucceeded()).isTrue();
  }

  @Test
  void eachFlushIsAcknowledgedOnceTheDestinationEchoesItsStateAndCompleteEndsTheInput() throws Exception {
    ExternalDestination destination = destination(ECHOING, Duration.ofSeconds(30));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      assertThat(writer.acknowledgesLater()).isTrue();
      writer.write(batch(1, 2));
      writer.flush();
      awaitAcknowledged(writer, 1);
      // The echo follows the records it covers: they are in the destination's hands.
      List<String> afterFirstAcknowledgement = Files.readAllLines(dir.resolve("out"));
      writer.write(batch(3));
      writer.flush();
      writer.complete();

      assertThat(afterFirstAcknowledgement).hasSize(2);
      assertThat(writer.acknowledgedFlushes()).isEqualTo(2);
    }

    List<String> lines = Files.readAllLines(dir.resolve("out"));
    assertThat(lines).hasSize(4).last().isEqualTo("input ended");
    JsonNode first = Json.parse(lines.getFirst());
    assertThat(first.path("type").asText()).isEqualTo("RECORD");
    assertThat(first.at("/record/stream").asText()).isEqualTo("items");
    assertThat(first.at("/record/namespace").asText()).isEqualTo("shop");
    assertThat(first.at("/record/emitted_at").asLong()).isEqualTo(1_700_000_000_000L);
    assertThat(first.at("/record/data")).isEqualTo(Json.parse("{\"id\":1,\"price\":9.50,\"day\":\"2024-03-01\","
        + "\"at\":\"2024-03-01T10:00Z\",\"meta\":{\"a\":[1]},\"raw\":\"AQID\",\"name\":null}"));
  }

  @Test
  void aDestinationThatNeverEchoesAcknowledgesNothing() throws Exception {
    ExternalDestination destination = destination(SILENT, Duration.ofSeconds(30));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      writer.write(batch(1));
      writer.flush();
      writer.complete();

      assertThat(writer.acknowledgedFlushes()).isZero();
    }
  }

  @Test
  void aDestinationThatEchoesOnlyWhenItsInputEndsAcknowledgesEveryFlushThen() throws Exception {
    // As Faros does: it keeps the last state and echoes it once the input has ended.
    ExternalDestination destination = destination("""
        case "$1" in
          spec) echo '%s' ;;
          write)
            last=""
            while IFS= read -r line; do
              case "$line" in
                '{"type":"STATE"'*) last="$line" ;;
              esac
            done
            echo "$last"
            ;;
        esac
        """.formatted(Scripts.SPEC), Duration.ofSeconds(30));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      writer.write(batch(1));
      writer.flush();
      writer.write(batch(2));
      writer.flush();
      assertThat(writer.acknowledgedFlushes()).isZero();
      writer.complete();

      assertThat(writer.acknowledgedFlushes()).isEqualTo(2);
    }
  }

  @Test
  void aDestinationThatStopsAnsweringAfterItsInputEndedIsStopped() throws Exception {
    ExternalDestination destination = destination("""
        case "$1" in
          spec) echo '%s' ;;
          write) cat > /dev/null; sleep 60 ;;
        esac
        """.formatted(Scripts.SPEC), Duration.ofSeconds(1));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      writer.write(batch(1));
      writer.flush();
      assertThatThrownBy(writer::complete).isInstanceOf(ConnectorException.class)
          .hasMessageContaining("sent no message for 1 seconds");
    }
  }

  @Test
  void aDestinationWaitingForInputIsNotTakenToHang() throws Exception {
    ExternalDestination destination = destination(ECHOING, Duration.ofSeconds(1));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      // A slow source: nothing to write for longer than the no-message timeout.
      Thread.sleep(1500);
      writer.write(batch(1));
      writer.flush();
      writer.complete();
    }

    assertThat(Files.readAllLines(dir.resolve("out"))).hasSize(2);
  }

  @Test
  void aDestinationThatExitsBeforeEchoingFailsTheSyncWithItsReason() throws Exception {
    ExternalDestination destination = destination("""
        case "$1" in
          spec) echo '%s' ;;
          write) read -r line; echo "cannot reach the warehouse" >&2; exit 2 ;;
        esac
        """.formatted(Scripts.SPEC), Duration.ofSeconds(30));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      writer.write(batch(1));
      assertThatThrownBy(() -> flushAndComplete(writer)).isInstanceOf(ConnectorException.class)
          .hasMessageContaining("exited with code 2").hasMessageContaining("cannot reach the warehouse");
      assertThat(writer.acknowledgedFlushes()).isZero();
    }
  }

  @Test
  void aTraceErrorFromTheDestinationFailsTheSyncWithItsType() throws Exception {
    ExternalDestination destination = destination("""
        case "$1" in
          spec) echo '%s' ;;
          write)
            cat > /dev/null
            echo '{"type":"TRACE","trace":{"type":"ERROR","emitted_at":1,"error":{"message":"schema mismatch","failure_type":"config_error"}}}'
            ;;
        esac
        """.formatted(Scripts.SPEC), Duration.ofSeconds(30));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      writer.write(batch(1));
      assertThatThrownBy(writer::complete).isInstanceOf(ConnectorException.class).hasMessage("schema mismatch")
          .extracting(e -> ((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.CONFIG);
    }
  }

  @ParameterizedTest
  @CsvSource({"config_error, CONFIG", "transient_error, TRANSIENT", "system_error, SYSTEM"})
  void aTraceErrorOfEachFailureTypeFailsTheSyncWithThatKind(String failureType, ConnectorException.Kind kind)
      throws Exception {
    ExternalDestination destination = destination("""
        case "$1" in
          spec) echo '%s' ;;
          write)
            read -r line
            echo '{"type":"TRACE","trace":{"type":"ERROR","emitted_at":1,"error":{"message":"write refused","failure_type":"%s"}}}'
            exit 1
            ;;
        esac
        """.formatted(Scripts.SPEC, failureType), Duration.ofSeconds(30));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      writer.write(batch(1));
      assertThatThrownBy(() -> flushAndComplete(writer)).isInstanceOf(ConnectorException.class)
          .hasMessage("write refused")
          .extracting(e -> ((ConnectorException) e).kind()).isEqualTo(kind);
    }
  }

  @Test
  void textBrokenJsonAndUnknownMessagesBeforeTheEchoDoNotKeepItFromCounting() throws Exception {
    ExternalDestination destination = destination("""
        case "$1" in
          spec) echo '%s' ;;
          write)
            while IFS= read -r line; do
              case "$line" in
                '{"type":"STATE"'*)
                  echo 'flushing to the warehouse...'
                  echo '{"type":"STATE","state":'
                  echo '{"type":"SOMETHING_NEW","x":1}'
                  echo '{"type":"TRACE","trace":{"type":"ANALYTICS","emitted_at":1,"analytics":{"type":"x"}}}'
                  echo '{"type":"LOG","log":{"level":"INFO","message":"flushed"}}'
                  echo "$line"
                  ;;
                *) echo "$line" >> "$OUT" ;;
              esac
            done
            ;;
        esac
        """.formatted(Scripts.SPEC), Duration.ofSeconds(30));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      writer.write(batch(1, 2));
      writer.flush();
      awaitAcknowledged(writer, 1);
      writer.complete();
    }

    assertThat(Files.readAllLines(dir.resolve("out"))).hasSize(2);
  }

  @Test
  void closingWithoutCompleteStopsTheProgramBeforeItsInputEnds() throws Exception {
    ExternalDestination destination = destination(ECHOING, Duration.ofSeconds(30));

    try (DestinationWriter writer = destination.open(CONFIG, CATALOG, context())) {
      writer.write(batch(1));
      writer.flush();
      awaitAcknowledged(writer, 1);
    }

    // Killed, not told the input ended: an Airbyte destination then finalizes nothing.
    assertThat(Files.readAllLines(dir.resolve("out"))).hasSize(1).noneMatch(line -> line.equals("input ended"));
  }

  private static void flushAndComplete(DestinationWriter writer) throws Exception {
    writer.flush();
    writer.complete();
  }

  /** Waits for the destination's echo, which comes on its own time. */
  private static void awaitAcknowledged(DestinationWriter writer, long flushes) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (writer.acknowledgedFlushes() < flushes) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("flush " + flushes + " was not acknowledged within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
