package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Destination;
import dev.gale.connector.Source;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.engine.EngineOptions;
import dev.gale.engine.Failure;
import dev.gale.engine.ReplicationEngine;
import dev.gale.engine.ReplicationListener;
import dev.gale.engine.ReplicationRequest;
import dev.gale.engine.ReplicationResult;
import dev.gale.engine.RunningReplication;
import dev.gale.engine.StreamMapping;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole syncs through Gale's engine with an external program on one side and a built-in connector on the other. */
// A test whose program outlives what it checks fails here rather than waiting for the program to end by itself.
@Timeout(30)
class ExternalSyncIT {
  static final JsonNode DEV_NULL = Json.parse("{\"test_destination\":{\"test_destination_type\":\"SILENT\"}}");
  static final JsonNode SAMPLE = Json.parse("{\"count\":1000,\"seed\":1,\"records_per_slice\":250}");
  static final EngineOptions FLUSH_AT_EVERY_CHECKPOINT = EngineOptions.defaults().withFlushInterval(Duration.ZERO);

  @TempDir
  Path dir;

  /** Emits 3000 users with a state after each thousand. */
  static ExternalSource countingSource(Path dir) {
    return ExternalSource.load(Scripts.source("counting"), Scripts.script(dir, "counting.sh", """
        case "$1" in
          spec) echo '%s' ;;
          read)
            for i in $(seq 1 3000); do
              echo "{\\"type\\":\\"RECORD\\",\\"record\\":{\\"stream\\":\\"users\\",\\"emitted_at\\":1,\\"data\\":{\\"id\\":$i}}}"
              if [ $((i %% 1000)) -eq 0 ]; then
                echo "{\\"type\\":\\"STATE\\",\\"state\\":{\\"type\\":\\"STREAM\\",\\"stream\\":{\\"stream_descriptor\\":{\\"name\\":\\"users\\"},\\"stream_state\\":{\\"cursor\\":$i}}}}"
              fi
            done
            ;;
        esac
        """.formatted(Scripts.SPEC)));
  }

  static ConfiguredAirbyteCatalog users() {
    return new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(
        dev.gale.protocol.AirbyteStream.of("users", Json.parse("{\"type\":\"object\",\"properties\":{\"id\":"
            + "{\"type\":\"integer\"}}}"), List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)),
        SyncMode.INCREMENTAL, DestinationSyncMode.APPEND)));
  }

  @Test
  void anExternalSourceIntoDevNullCommitsEveryStateAfterItsRecords() throws Exception {
    Recording listener = new Recording();

    ReplicationResult result = sync(new ReplicationRequest(countingSource(dir), ExternalSourceTest.CONFIG,
        new DevNullDestination(), DEV_NULL, users(), StreamMapping.identity(), List.of(), 1), listener);

    assertThat(result.status()).isEqualTo(ReplicationResult.Status.SUCCEEDED);
    assertThat(result.totals().streams().get(StreamDescriptor.of("users")).recordsCommitted()).isEqualTo(3000);
    assertThat(listener.committed()).extracting(state -> state.stream().streamState().get("cursor").asInt())
        .containsExactly(1000, 2000, 3000);
  }

  @Test
  void theSampleSourceIntoAnExternalDestinationCommitsWhatTheDestinationEchoed() throws Exception {
    ExternalDestination destination = destination(ExternalDestinationTest.ECHOING, Duration.ofSeconds(60));
    Recording listener = new Recording();

    ReplicationResult result = sync(sampleInto(destination), listener);

    assertThat(result.status()).isEqualTo(ReplicationResult.Status.SUCCEEDED);
    long records = Files.readAllLines(dir.resolve("out")).stream()
        .filter(line -> line.startsWith("{\"type\":\"RECORD\""))
        .count();
    assertThat(records).isPositive().isEqualTo(result.totals().total().recordsCommitted());
    assertThat(listener.committed()).isNotEmpty()
        .extracting(state -> state.stream().streamDescriptor().name()).contains("users", "products", "purchases");
  }

  @Test
  void anExternalSourceIntoAnExternalDestinationCommitsTheSourcesStatesOnceTheDestinationEchoedGales() throws Exception {
    ExternalDestination destination = destination(ExternalDestinationTest.ECHOING, Duration.ofSeconds(60));
    Recording listener = new Recording();

    ReplicationResult result = sync(new ReplicationRequest(countingSource(dir), ExternalSourceTest.CONFIG,
        destination, ExternalDestinationTest.CONFIG, users(), StreamMapping.identity(), List.of(), 6), listener);

    assertThat(result.failure()).isEmpty();
    assertThat(result.totals().streams().get(StreamDescriptor.of("users")).recordsCommitted()).isEqualTo(3000);
    List<String> received = Files.readAllLines(dir.resolve("out"));
    assertThat(received).filteredOn(line -> line.startsWith("{\"type\":\"RECORD\""))
        .hasSize(3000).last().satisfies(line -> assertThat(Json.parse(line).at("/record/data/id").asInt())
            .isEqualTo(3000));
    assertThat(received.getLast()).isEqualTo("input ended");
    // The source's own states went to the engine, not to the destination, and were committed in order.
    assertThat(received).noneMatch(line -> line.contains("\"cursor\""));
    assertThat(listener.committed()).extracting(state -> state.stream().streamState().get("cursor").asInt())
        .containsExactly(1000, 2000, 3000);
  }

  @Test
  void aDestinationThatEndsWellWithoutEchoingCommitsNothingAndSaysSo() throws Exception {
    // The protocol commits only echoed states: the data is written, and the next sync reads it again.
    ExternalDestination destination = destination(ExternalDestinationTest.SILENT, Duration.ofSeconds(30));
    Recording listener = new Recording();

    ReplicationResult result = sync(sampleInto(destination), listener);

    assertThat(result.failure()).isEmpty();
    assertThat(listener.committed()).isEmpty();
    assertThat(listener.logs()).anyMatch(line -> line.contains("the destination ended without acknowledging")
        && line.contains("not committed"));
  }

  @Test
  void aDestinationThatStopsAnsweringFailsTheSyncWithoutCommitting() throws Exception {
    ExternalDestination destination = destination("""
        case "$1" in
          spec) echo '%s' ;;
          write) cat > /dev/null; sleep 60 ;;
        esac
        """.formatted(Scripts.SPEC), Duration.ofSeconds(1));
    Recording listener = new Recording();

    ReplicationResult result = sync(sampleInto(destination), listener);

    assertThat(result.status()).isEqualTo(ReplicationResult.Status.FAILED);
    assertThat(result.failure().orElseThrow().origin()).isEqualTo(Failure.Origin.DESTINATION);
    assertThat(result.failure().orElseThrow().externalMessage()).contains("sent no message for 1 seconds");
    assertThat(listener.committed()).isEmpty();
  }

  @Test
  void aTraceErrorOfTheSourceBecomesTheSyncsFailureReasonWithItsType() throws Exception {
    ExternalSource source = ExternalSource.load(Scripts.source("failing"), Scripts.script(dir, "failing.sh", """
        case "$1" in
          spec) echo '%s' ;;
          read) echo '{"type":"TRACE","trace":{"type":"ERROR","emitted_at":1,"error":{"message":"API key revoked","failure_type":"config_error"}}}'; exit 1 ;;
        esac
        """.formatted(Scripts.SPEC)));

    ReplicationResult result = sync(new ReplicationRequest(source, ExternalSourceTest.CONFIG, new DevNullDestination(),
        DEV_NULL, users(), StreamMapping.identity(), List.of(), 3), new Recording());

    Failure failure = result.failure().orElseThrow();
    assertThat(failure.origin()).isEqualTo(Failure.Origin.SOURCE);
    assertThat(failure.type()).isEqualTo(Failure.Type.CONFIG_ERROR);
    assertThat(failure.externalMessage()).isEqualTo("API key revoked");
  }

  @Test
  void aSourceThatDiesMidStreamFailsTheSyncAndKeepsTheStatesCommittedBefore() throws Exception {
    ExternalSource source = ExternalSource.load(Scripts.source("dying"), Scripts.script(dir, "dying.sh", """
        case "$1" in
          spec) echo '%s' ;;
          read)
            for i in $(seq 1 1500); do
              echo "{\\"type\\":\\"RECORD\\",\\"record\\":{\\"stream\\":\\"users\\",\\"emitted_at\\":1,\\"data\\":{\\"id\\":$i}}}"
              if [ "$i" -eq 1000 ]; then
                echo '{"type":"STATE","state":{"type":"STREAM","stream":{"stream_descriptor":{"name":"users"},"stream_state":{"cursor":1000}}}}'
              fi
            done
            echo 'Killed: out of memory' >&2
            exit 137
            ;;
        esac
        """.formatted(Scripts.SPEC)));
    Recording listener = new Recording();

    ReplicationResult result = sync(new ReplicationRequest(source, ExternalSourceTest.CONFIG, new DevNullDestination(),
        DEV_NULL, users(), StreamMapping.identity(), List.of(), 8), listener);

    assertThat(result.status()).isEqualTo(ReplicationResult.Status.FAILED);
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.origin()).isEqualTo(Failure.Origin.SOURCE);
    assertThat(failure.externalMessage()).contains("exited with code 137", "Killed: out of memory");
    assertThat(listener.committed()).extracting(state -> state.stream().streamState().get("cursor").asInt())
        .containsExactly(1000);
    assertThat(result.totals().streams().get(StreamDescriptor.of("users")).recordsCommitted()).isEqualTo(1000);
  }

  @Test
  void aSourceThatHangsAfterItsRecordsIsStoppedAndTheStatesBeforeStayCommitted() throws Exception {
    Path pids = dir.resolve("pids");
    ExternalCommand command = Scripts.script(dir, "hangs.sh", """
        case "$1" in
          spec) echo '%s' ;;
          read)
            echo '{"type":"RECORD","record":{"stream":"users","emitted_at":1,"data":{"id":1}}}'
            echo '{"type":"STATE","state":{"type":"STREAM","stream":{"stream_descriptor":{"name":"users"},"stream_state":{"cursor":1}}}}'
            echo $$ >> "$PIDS"
            sleep 300 & echo $! >> "$PIDS"
            wait
            ;;
        esac
        """.formatted(Scripts.SPEC)).withEnvironment(Map.of("PIDS", pids.toString()))
        .withNoMessageTimeout(Duration.ofSeconds(2));
    Recording listener = new Recording();

    ReplicationResult result = sync(new ReplicationRequest(ExternalSource.load(Scripts.source("hangs"), command),
        ExternalSourceTest.CONFIG, new DevNullDestination(), DEV_NULL, users(), StreamMapping.identity(), List.of(),
        9), listener);

    assertThat(result.status()).isEqualTo(ReplicationResult.Status.FAILED);
    assertThat(result.failure().orElseThrow().type()).isEqualTo(Failure.Type.TRANSIENT_ERROR);
    assertThat(result.failure().orElseThrow().externalMessage()).contains("sent no message for 2 seconds");
    assertThat(listener.committed()).extracting(state -> state.stream().streamState().get("cursor").asInt())
        .containsExactly(1);
    Scripts.assertAllGone(Scripts.pids(pids, 2));
  }

  @Test
  void cancellingTheSyncStopsTheExternalSourcesProcessTree() throws Exception {
    Path pids = dir.resolve("pids");
    ExternalCommand command = Scripts.script(dir, "endless.sh", """
        case "$1" in
          spec) echo '%s' ;;
          read)
            echo $$ >> "$PIDS"
            sleep 300 & echo $! >> "$PIDS"
            wait
            ;;
        esac
        """.formatted(Scripts.SPEC)).withEnvironment(Map.of("PIDS", pids.toString()));
    ExternalSource source = ExternalSource.load(Scripts.source("endless"), command);
    RunningReplication running = new ReplicationEngine(FLUSH_AT_EVERY_CHECKPOINT).start(new ReplicationRequest(source,
        ExternalSourceTest.CONFIG, new DevNullDestination(), DEV_NULL, users(), StreamMapping.identity(), List.of(), 4),
        new Recording());
    List<Long> tree = Scripts.pids(pids, 2);

    running.cancel();

    assertThat(running.await(Duration.ofSeconds(30)).orElseThrow().status())
        .isEqualTo(ReplicationResult.Status.CANCELLED);
    Scripts.assertAllGone(tree);
  }

  private ExternalDestination destination(String body, Duration timeout) {
    return ExternalDestination.load(Scripts.destination("script"), Scripts.script(dir, "destination.sh", body)
        .withEnvironment(Map.of("OUT", dir.resolve("out").toString())).withNoMessageTimeout(timeout));
  }

  private static ReplicationRequest sampleInto(Destination destination) {
    Source sample = new SampleDataSource();
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(sample.discover(SAMPLE).streams().stream()
        .map(stream -> ConfiguredAirbyteStream.of(stream, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND))
        .toList());
    return new ReplicationRequest(sample, SAMPLE, destination, ExternalDestinationTest.CONFIG, catalog,
        StreamMapping.identity(), List.of(), 2);
  }

  private static ReplicationResult sync(ReplicationRequest request, ReplicationListener listener) throws Exception {
    return new ReplicationEngine(FLUSH_AT_EVERY_CHECKPOINT).start(request, listener).await(Duration.ofSeconds(120))
        .orElseThrow();
  }

  /** Keeps the committed states; log lines are dropped. */
  static final class Recording implements ReplicationListener {
    private final List<AirbyteStateMessage> committed = new ArrayList<>();
    private final List<String> logs = new ArrayList<>();

    @Override
    public synchronized void commitState(AirbyteStateMessage state) {
      committed.add(state);
    }

    @Override
    public synchronized void log(LogLevel level, String message) {
      logs.add(level + " " + message);
    }

    synchronized List<AirbyteStateMessage> committed() {
      return List.copyOf(committed);
    }

    synchronized List<String> logs() {
      return List.copyOf(logs);
    }
  }
}
