package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Senseforce: {@code dataset}, the rows of the config's dataset, read by POSTing a filter on the timestamp to
 * {@code /api/dataset/execute/<id>} on the config's backend, in windows of 100 days from the config's
 * {@code start_date} to now (the filter's bounds in epoch milliseconds, the upper one pushed to the end of its day as
 * the manifest writes it), in offset pages of 10,000. Each row gains {@code airbyte_cursor}, its millisecond
 * {@code timestamp} in seconds, the incremental cursor (a float, which the CDK reads as epoch seconds by truncating
 * it).
 *
 * <p>What the folder lacks: no error mapping of its own (a rejected token fails by the default mapping of a 401); its
 * spec's {@code slice_range} is used nowhere. The body it sends ends in a stray {@code /}, as the manifest writes it.
 * Its end is {@code now_utc()} read back with {@code %f}: Python prints no fraction for a time on the second, so (in
 * the CDK too) a read exactly on the second could not parse its end; the test's clock has microseconds.
 */
class SenseforceManifestGate {
  private static final String SECRET = "sf-token-FAKE-e02b77c4d1a9";
  private static final String DATASET = "8f418098-ca28-4df5-9498-0df9fe78eda7";
  private static final String CONFIG = """
      {"access_token":"%s","backend_url":"https://galaxyapi.senseforce.io","dataset_id":"%s",
       "start_date":"2023-10-01"}""".formatted(SECRET, DATASET);
  private static final String PATH = "/api/dataset/execute/" + DATASET;
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-senseforce");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void nowWithMicroseconds() {
    connector.setNow(Instant.parse("2024-03-10T12:00:00.250000Z"));
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String row(String id, String thing, long timestamp) {
    return "{\"id\":\"%s\",\"thing\":\"%s\",\"timestamp\":%d}".formatted(id, thing, timestamp);
  }

  /** The filter the manifest posts for a window of epoch seconds. */
  private static String filter(long start, long end) {
    return """
        [{"clause": {"type": "timestamp", "operator": 10, "parameters":\s
            [{"value": %d },
             {"value": %d }
            ]
           \s
          }, "orderBy": 1, "columnName": "Timestamp"}]/""".formatted(start * 1000, end * 1000 + 86_399_999);
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"access_token\",\"backend_url\",\"dataset_id\",\"start_date\"]");
    AirbyteConnectionStatus noDataset = connector.check("""
        {"access_token":"%s","backend_url":"https://galaxyapi.senseforce.io","start_date":"2024-01-01"}"""
        .formatted(SECRET));
    assertThat(noDataset.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noDataset.message()).contains("dataset_id").doesNotContain(SECRET);
    AirbyteConnectionStatus withTime = connector.check(CONFIG.replace("2023-10-01", "2023-10-01T00:00:00Z"));
    assertThat(withTime.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(withTime.message()).contains("start_date", "must match");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedTokenFailsWithoutShowingIt() {
    connector.api().route("POST", PATH + "\\?limit=10000", 401, "{\"message\":\"Invalid token\"}", 1);
    connector.api().post(PATH + "\\?limit=10000", "[]");

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("dataset", "401").doesNotContain(SECRET);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("galaxyapi.senseforce.io");
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsTheDatasetAsIncrementalOnItsCursor() {
    AirbyteStream dataset = connector.discover(CONFIG).streams().getFirst();
    assertThat(dataset.name()).isEqualTo("dataset");
    assertThat(dataset.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(dataset.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(dataset.defaultCursorField()).isEqualTo(List.of("airbyte_cursor"));
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsHundredDayWindowsInPagesOfTenThousandThenResumesFromTheLatestRow() throws Exception {
    // 2023-10-01 to 2024-01-08T23:59:59, then 2024-01-09 to now. The first window has a full page and one more row.
    String full = IntStream.range(0, 10_000).mapToObj(i -> row("w1-" + i, "pump-" + (i % 7),
        1_696_118_400_000L + i * 60_000L + 123)).collect(Collectors.joining(",", "[", "]"));
    connector.api().route("POST", PATH + "\\?(?=.*offset=10000).*", 200, "[" + row("w1-10000", "pump-1",
        1_704_700_000_456L) + "]", 1);
    connector.api().route("POST", PATH + "\\?limit=10000", 200, full, 1);
    connector.api().route("POST", PATH + "\\?limit=10000", 200, "[" + row("w2-0", "valve-2", 1_709_900_000_789L)
        + "," + row("w2-1", "valve-2", 1_710_050_000_001L) + "]", 1);

    var first = connector.read(CONFIG, List.of());

    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).extracting(request -> request.query().toString() + " " + request.body())
        .containsExactly("{limit=10000} " + filter(1_696_118_400L, 1_704_758_399L),
            "{offset=10000, limit=10000} " + filter(1_696_118_400L, 1_704_758_399L),
            "{limit=10000} " + filter(1_704_758_400L, 1_710_072_000L));
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo(PATH);
      assertThat(request.header("Content-Type")).startsWith("application/json");
    });
    assertThat(first.records("dataset")).hasSize(10_003);
    assertThat(first.records("dataset").getLast()).containsEntry("id", "w2-1").containsEntry("thing", "valve-2")
        .containsEntry("timestamp", 1_710_050_000_001L).containsEntry("airbyte_cursor", 1_710_050_000.001);
    // The latest row's cursor, truncated to whole seconds.
    assertThat(first.lastState("dataset")).isEqualTo(Json.parse("{\"airbyte_cursor\":\"1710050000\"}"));

    connector.api().post(PATH + "\\?limit=10000", "[]");
    connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("dataset"),
        first.lastState("dataset"))));
    assertThat(connector.api().requests().getLast().body()).isEqualTo(filter(1_710_050_000L, 1_710_072_000L));
    assertThat(first.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
