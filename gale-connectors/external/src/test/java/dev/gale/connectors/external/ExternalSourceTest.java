package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.RecordBatch;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// A test whose program outlives what it checks fails here rather than waiting for the program to end by itself.
@Timeout(30)
class ExternalSourceTest {
  static final JsonNode CONFIG = Json.parse("{\"password\":\"hunter2\"}");
  static final String USERS_SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
      + "\"name\":{\"type\":\"string\"},\"updated_at\":{\"type\":\"string\",\"format\":\"date-time\"},"
      + "\"tags\":{\"type\":\"array\"}}}";
  static final String CATALOG = "{\"type\":\"CATALOG\",\"catalog\":{\"streams\":[{\"name\":\"users\",\"json_schema\":"
      + USERS_SCHEMA + ",\"supported_sync_modes\":[\"full_refresh\",\"incremental\"]},{\"name\":\"orders\","
      + "\"json_schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}},"
      + "\"supported_sync_modes\":[\"full_refresh\"]}]}}";

  @TempDir
  Path dir;

  /** A source script answering spec, check and discover, and reading with {@code read}. */
  ExternalSource source(String read) {
    return ExternalSource.load(Scripts.source("script"), Scripts.script(dir, "source.sh", """
        case "$1" in
          spec) echo '%s' ;;
          check) echo '{"type":"CONNECTION_STATUS","connectionStatus":{"status":"SUCCEEDED"}}' ;;
          discover) echo '%s' ;;
          read)
        %s
            ;;
        esac
        """.formatted(Scripts.SPEC, CATALOG, read)));
  }

  static String record(String stream, String data) {
    return "echo '{\"type\":\"RECORD\",\"record\":{\"stream\":\"" + stream + "\",\"emitted_at\":1700000000000,"
        + "\"data\":" + data + "}}'";
  }

  static String state(String state) {
    return "echo '{\"type\":\"STATE\",\"state\":" + state + "}'";
  }

  static final String USERS_STATE = state("{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},"
      + "\"stream_state\":{\"cursor\":2}}}");

  ConfiguredAirbyteCatalog configured(AirbyteCatalog catalog) {
    return new ConfiguredAirbyteCatalog(catalog.streams().stream()
        .map(stream -> ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)).toList());
  }

  ConfiguredAirbyteCatalog catalog(ExternalSource source) {
    return configured(source.discover(CONFIG));
  }

  @Test
  void answersSpecCheckAndDiscoverFromTheProgram() {
    ExternalSource source = source("true");

    assertThat(source.spec().connectionSpecification().at("/properties/password/airbyte_secret").asBoolean()).isTrue();
    assertThat(source.check(CONFIG)).isEqualTo(AirbyteConnectionStatus.succeeded());
    assertThat(source.discover(CONFIG).streams()).extracting(AirbyteStream::name).containsExactly("users", "orders");
  }

  @Test
  void aCheckThatFailsWithATraceErrorIsAFailedStatusWithItsMessage() {
    ExternalSource source = ExternalSource.load(Scripts.source("failing"), Scripts.script(dir, "check.sh", """
        case "$1" in
          spec) echo '%s' ;;
          check) echo '{"type":"TRACE","trace":{"type":"ERROR","emitted_at":1,"error":{"message":"API key rejected","failure_type":"config_error"}}}'; exit 1 ;;
        esac
        """.formatted(Scripts.SPEC)));

    assertThat(source.check(CONFIG)).isEqualTo(AirbyteConnectionStatus.failed("API key rejected"));
  }

  @Test
  void readsRecordsIntoTypedBatchesAndPassesStatesAfterThem() throws Exception {
    ExternalSource source = source(String.join("\n",
        "echo 'starting up (not a message)'",
        "echo '{\"type\":\"LOG\",\"log\":{\"level\":\"WARN\",\"message\":\"slow API\"}}'",
        record("users", "{\"id\":1,\"name\":\"Ada\",\"updated_at\":\"2024-03-01T10:00:00Z\","
            + "\"tags\":[\"a\"],\"extra\":1}"),
        record("orders", "{\"id\":\"17\"}"),
        record("users", "{\"id\":2,\"name\":null}"),
        "echo '{\"type\":\"SOMETHING_NEW\",\"x\":1}'",
        USERS_STATE));
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog(source), List.of(), output);

    assertThat(output.events).containsExactlyInAnyOrder("batch users 2", "batch orders 1", "state STREAM");
    assertThat(output.events.getLast()).isEqualTo("state STREAM");
    RecordBatch users = output.batches.stream().filter(b -> b.schema().stream().name().equals("users")).findFirst()
        .orElseThrow();
    assertThat(users.schema().columns()).extracting(c -> c.name()).containsExactly("id", "name", "updated_at", "tags");
    assertThat(users.rows().get(0)).containsExactly(1L, "Ada",
        OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC), "[\"a\"]");
    assertThat(users.rows().get(1)).containsExactly(2L, null, null, null);
    assertThat(users.emittedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(output.batches).filteredOn(b -> b.schema().stream().name().equals("orders"))
        .singleElement().satisfies(b -> assertThat(b.rows().getFirst()).containsExactly(17L));
    assertThat(output.states.getFirst().stream().streamState().get("cursor").asInt()).isEqualTo(2);
    assertThat(output.logs()).contains("INFO starting up (not a message)", "WARN slow API")
        .anyMatch(line -> line.startsWith("DEBUG") && line.contains("SOMETHING_NEW"));
  }

  @Test
  void batchesManyRecordsWithoutOneBatchPerRecord() throws Exception {
    ExternalSource source = source(
        "for i in $(seq 1 10000); do echo \"{\\\"type\\\":\\\"RECORD\\\",\\\"record\\\":{\\\"stream\\\":\\\"orders\\\","
            + "\\\"emitted_at\\\":1,\\\"data\\\":{\\\"id\\\":$i}}}\"; done");
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog(source), List.of(), output);

    assertThat(output.rows()).hasSize(10_000);
    assertThat(output.batches).hasSize(3).allMatch(batch -> batch.size() <= SourceReading.BATCH_ROWS);
    assertThat(output.rows().getLast()).containsExactly(10_000L);
  }

  @Test
  void aBatchOfWideRecordsGoesOutBeforeItHasManyRows() throws Exception {
    // Ten records of 1 MB each: batches are cut by weight long before the row count.
    ExternalSource source = source("big=$(head -c 1000000 /dev/zero | tr '\\0' x)\n"
        + "for i in $(seq 1 10); do echo \"{\\\"type\\\":\\\"RECORD\\\",\\\"record\\\":{\\\"stream\\\":\\\"users\\\","
        + "\\\"emitted_at\\\":1,\\\"data\\\":{\\\"id\\\":$i,\\\"name\\\":\\\"$big\\\"}}}\"; done");
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog(source), List.of(), output);

    assertThat(output.rows()).hasSize(10);
    assertThat(output.batches).hasSizeGreaterThan(1).allMatch(batch -> batch.size() <= 5);
  }

  @Test
  void aFiftyMegabyteRecordIsReadWhole() throws Exception {
    ExternalSource source = source("printf '{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"emitted_at\":1,"
        + "\"data\":{\"id\":1,\"name\":\"'\nhead -c 50000000 /dev/zero | tr '\\0' x\nprintf '\"}}}\\n'");
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog(source), List.of(), output);

    assertThat(output.rows()).singleElement().satisfies(row -> assertThat((String) row[1]).hasSize(50_000_000));
  }

  @Test
  void aStateBeforeAnyRecordIsPassedFirstAndLaterStatesFollowTheirRecords() throws Exception {
    ExternalSource source = source(String.join("\n", USERS_STATE, record("users", "{\"id\":1}"), USERS_STATE));
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog(source), List.of(), output);

    assertThat(output.events).containsExactly("state STREAM", "batch users 1", "state STREAM");
  }

  @Test
  void globalAndLegacyStatesArePassedOnAsTheyCame() throws Exception {
    ExternalSource source = source(String.join("\n",
        record("users", "{\"id\":1}"),
        state("{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"lsn\":42},"
            + "\"stream_states\":[{\"stream_descriptor\":"
            + "{\"name\":\"users\"},\"stream_state\":{\"cursor\":1}}]}}"),
        record("orders", "{\"id\":1}"),
        state("{\"type\":\"LEGACY\",\"data\":{\"users\":{\"cursor\":1}}}")));
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog(source), List.of(), output);

    assertThat(output.events).containsExactly("batch users 1", "state GLOBAL", "batch orders 1", "state LEGACY");
    assertThat(output.states.get(0).global().sharedState().get("lsn").asInt()).isEqualTo(42);
    assertThat(output.states.get(1).data().at("/users/cursor").asInt()).isEqualTo(1);
  }

  @Test
  void theCommittedStateReachesTheProgramAsItsStateFile() throws Exception {
    ExternalSource source = source("echo \"state file: $(cat \"$7\")\"");
    RecordingOutput output = new RecordingOutput();
    AirbyteStateMessage state = AirbyteStateMessage.stream(StreamDescriptor.of("users"), Json.parse("{\"cursor\":9}"));

    source.read(CONFIG, catalog(source), List.of(state), output);

    assertThat(output.logs()).anyMatch(line -> line.startsWith("INFO state file: [")
        && line.contains("\"stream_state\":{\"cursor\":9}"));
    AirbyteStateMessage legacy = new AirbyteStateMessage(AirbyteStateType.LEGACY, null, null,
        Json.parse("{\"cursor\":3}"), null, null);
    assertThat(ExternalSource.stateFile(List.of(legacy))).isEqualTo(Json.parse("{\"cursor\":3}"));
  }

  @Test
  void aRecordOfAStreamNotInTheCatalogFailsTheRead() {
    ExternalSource source = source(record("invoices", "{\"id\":1}"));

    assertThatThrownBy(() -> source.read(CONFIG, catalog(source), List.of(), new RecordingOutput()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("sent a RECORD for stream 'invoices', which the configured catalog does not hold");
  }

  @Test
  void aMalformedRecordFailsTheRead() {
    ExternalSource source = source("echo '{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":\"oops\"}}'");

    assertThatThrownBy(() -> source.read(CONFIG, catalog(source), List.of(), new RecordingOutput()))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("invalid RECORD message");
  }

  @ParameterizedTest
  @CsvSource({"config_error, CONFIG", "transient_error, TRANSIENT", "system_error, SYSTEM"})
  void aTraceErrorFailsTheReadWithItsMessageAndType(String failureType, ConnectorException.Kind kind) {
    ExternalSource source = source(String.join("\n",
        record("users", "{\"id\":1}"),
        "echo '{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,\"error\":{\"message\":"
            + "\"stream users failed\",\"failure_type\":\"" + failureType + "\"}}}'",
        "exit 1"));
    RecordingOutput output = new RecordingOutput();

    assertThatThrownBy(() -> source.read(CONFIG, catalog(source), List.of(), output))
        .isInstanceOf(ConnectorException.class).hasMessage("stream users failed")
        .extracting(e -> ((ConnectorException) e).kind()).isEqualTo(kind);
    assertThat(output.rows()).hasSize(1);
  }

  @Test
  void aTraceErrorFailsTheReadEvenWhenTheProgramExitsWell() {
    ExternalSource source = source("echo '{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,"
        + "\"error\":{\"message\":\"half the streams failed\"}}}'");

    assertThatThrownBy(() -> source.read(CONFIG, catalog(source), List.of(), new RecordingOutput()))
        .isInstanceOf(ConnectorException.class).hasMessage("half the streams failed")
        .extracting(e -> ((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.SYSTEM);
  }

  @Test
  void aProgramThatDiesMidStreamFailsWithItsReasonAfterTheRecordsBefore() {
    ExternalSource source = source(String.join("\n",
        "echo \"files in $(dirname \"$3\")\"",
        record("users", "{\"id\":1}"),
        USERS_STATE,
        "echo 'Killed: out of memory' >&2",
        "exit 137"));
    RecordingOutput output = new RecordingOutput();

    assertThatThrownBy(() -> source.read(CONFIG, catalog(source), List.of(), output))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("exited with code 137")
        .hasMessageContaining("Killed: out of memory");
    assertThat(output.events).containsExactly("batch users 1", "state STREAM");
    // The private files go whether the run succeeds or not.
    String folder = output.logs().stream().filter(line -> line.startsWith("INFO files in ")).findFirst().orElseThrow()
        .substring("INFO files in ".length());
    assertThat(Path.of(folder)).doesNotExist();
  }

  @Test
  void aProgramThatClosesItsOutputButNeverExitsIsStoppedByTheNoMessageTimeout() throws Exception {
    Path pids = dir.resolve("pids");
    ExternalCommand command = Scripts.script(dir, "lingers.sh", """
        case "$1" in
          spec) echo '%s' ;;
          discover) echo '%s' ;;
          read)
            %s
            %s
            echo $$ >> "$PIDS"
            exec >&-
            sleep 300
            ;;
        esac
        """.formatted(Scripts.SPEC, CATALOG, record("orders", "{\"id\":1}"), USERS_STATE))
        .withEnvironment(Map.of("PIDS", pids.toString())).withNoMessageTimeout(Duration.ofSeconds(1));
    ExternalSource source = ExternalSource.load(Scripts.source("lingers"), command);
    RecordingOutput output = new RecordingOutput();

    assertThatThrownBy(() -> source.read(CONFIG, catalog(source), List.of(), output))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("sent no message for 1 seconds");
    assertThat(output.events).containsExactly("batch orders 1", "state STREAM");
    Scripts.assertAllGone(Scripts.pids(pids, 1));
  }

  @Test
  void brokenJsonAndUnknownTraceTypesAreLoggedAndTheReadGoesOn() throws Exception {
    ExternalSource source = source(String.join("\n",
        "echo '{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":'",
        "echo '{\"type\":\"TRACE\",\"trace\":{\"type\":\"ANALYTICS\",\"emitted_at\":1,"
            + "\"analytics\":{\"type\":\"x\"}}}'",
        "echo '{\"type\":\"TRACE\",\"trace\":{\"type\":\"SOMETHING_LATER\",\"emitted_at\":1}}'",
        record("users", "{\"id\":7}"),
        USERS_STATE));
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog(source), List.of(), output);

    assertThat(output.events).containsExactly("batch users 1", "state STREAM");
    assertThat(output.rows().getFirst()[0]).isEqualTo(7L);
    assertThat(output.logs()).anyMatch(line -> line.startsWith("INFO {\"type\":\"RECORD\""));
  }

  @Test
  void theProgramsSecretsAreMaskedByTheSpecsDeclarations() throws Exception {
    ExternalSource source = source("echo \"my config is $(cat \"$3\")\" >&2");
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog(source), List.of(), output);

    assertThat(output.logs()).anyMatch(line -> line.contains("my config is"))
        .noneMatch(line -> line.contains("hunter2"));
  }
}
