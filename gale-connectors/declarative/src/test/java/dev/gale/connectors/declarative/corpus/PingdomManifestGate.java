package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pingdom (API 3.1): {@code checks}, offset pages of 25,000, and {@code performance}, one summary per check (a
 * substream of {@code checks}) from the config's {@code start_date} to now in one window sent as epoch seconds
 * {@code from}/{@code to}, with the config's {@code resolution} and {@code probes} (each left out when not set: the
 * spec's default resolution, hour, is not filled in, as in Airbyte); each summary gains its {@code check_id} and the window's end as {@code stream_end_time}, the cursor, so the
 * state is kept per check. The API token goes as a bearer token.
 *
 * <p>What the folder lacks: no error mapping of its own (a rejected token fails by the default mapping of a 401).
 * Its schemas declare no properties, so a sync's rows have no columns: the records themselves are asserted as JSON
 * through a test read.
 */
class PingdomManifestGate {
  private static final String SECRET = "pd-FAKE-Zq8v1Lr0Kx7Tn3Wm5Yb2";
  private static final String CONFIG = """
      {"api_key":"%s","start_date":"2024-03-01T00:00:00Z"}""".formatted(SECRET);
  private static final String CHECKS = """
      {"checks":[
        {"id":85975,"created":1700000000,"name":"Shop front","hostname":"shop.example.com","resolution":1,
         "type":"http","status":"up","lasttesttime":1710071940,"lastresponsetime":312,"tags":[]},
        {"id":85976,"created":1700500000,"name":"Checkout API","hostname":"api.shop.example.com","resolution":5,
         "type":"http","status":"down","lasterrortime":1710068400,"lasttesttime":1710071700,"lastresponsetime":0,
         "tags":[{"name":"payments","type":"u","count":1}]}],
       "counts":{"total":2,"limited":2,"filtered":2}}""";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-pingdom");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String summary(long... hours) {
    return "{\"summary\":{\"hours\":[" + Arrays.stream(hours).mapToObj(start -> """
        {"starttime":%d,"avgresponse":%d,"uptime":3600,"downtime":0,"unmonitored":0}"""
        .formatted(start, 250 + start % 97)).collect(Collectors.joining(",")) + "]}}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"start_date\"]");
    AirbyteConnectionStatus noStart = connector.check("{\"api_key\":\"" + SECRET + "\"}");
    assertThat(noStart.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noStart.message()).contains("start_date").doesNotContain(SECRET);
    AirbyteConnectionStatus badResolution = connector.check("""
        {"api_key":"x","start_date":"2024-03-01T00:00:00Z","resolution":"minute"}""");
    assertThat(badResolution.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(badResolution.message()).contains("resolution", "hour", "day", "week");
    AirbyteConnectionStatus dateOnly = connector.check("{\"api_key\":\"x\",\"start_date\":\"2024-03-01\"}");
    assertThat(dateOnly.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(dateOnly.message()).contains("start_date", "must match");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedTokenFailsWithoutShowingIt() {
    connector.api().route("GET", "/api/3.1/checks\\?limit=25000", 401, """
        {"error":{"statuscode":401,"statusdesc":"Unauthorized","errormessage":"Invalid token"}}""", 1);
    connector.api().get("/api/3.1/checks\\?limit=25000", CHECKS);

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("checks", "401").doesNotContain(SECRET);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.pingdom.com");
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsChecksAndIncrementalPerformance() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name).containsExactly("checks", "performance");
    assertThat(streams.getFirst().sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(streams.getFirst().supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams.get(1).sourceDefinedPrimaryKey()).isNullOrEmpty();
    assertThat(streams.get(1).supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(streams.get(1).defaultCursorField()).isEqualTo(List.of("stream_end_time"));
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void checksArePagedByOffset() throws Exception {
    // A full page of 25,000 asks for the next one at offset 25,000; a shorter page ends the stream.
    String fullPage = IntStream.range(0, 25_000).mapToObj(i -> """
        {"id":%d,"name":"Check %d","hostname":"host%d.example.com","type":"http","status":"up"}"""
        .formatted(100_000 + i, i, i)).collect(Collectors.joining(",", "{\"checks\":[", "]}"));
    connector.api().get("/api/3.1/checks\\?(?=.*offset=25000).*", """
        {"checks":[{"id":200000,"name":"Last one","hostname":"last.example.com","type":"ping","status":"paused"}]}""");
    connector.api().get("/api/3.1/checks\\?limit=25000", fullPage);

    var read = connector.read(CONFIG, List.of(), "checks");

    assertThat(read.records("checks")).hasSize(25_001);
    assertThat(connector.api().requests()).extracting(request -> request.query().toString())
        .containsExactly("{limit=25000}", "{offset=25000, limit=25000}");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void performanceIsReadPerCheckFromTheStartThenFromEachChecksState() throws Exception {
    connector.api().get("/api/3.1/checks\\?limit=25000", CHECKS);
    connector.api().get("/api/3.1/summary.performance/85975\\?(?=.*from=1709251200).*",
        summary(1710064800, 1710068400));
    connector.api().get("/api/3.1/summary.performance/85976\\?(?=.*from=1709251200).*", summary(1710068400));
    // A day later, each check is asked for the day since the end of the first read.
    connector.api().get("/api/3.1/summary.performance/8597[56]\\?(?=.*from=1710072000)(?=.*to=1710158400).*",
        summary(1710154800));

    var first = connector.read(CONFIG, List.of());

    assertThat(first.records("checks")).hasSize(2);
    assertThat(first.records("performance")).hasSize(2);
    List<CorpusApi.Request> performance = connector.api().requests().stream()
        .filter(request -> request.path().startsWith("/api/3.1/summary.performance/")).toList();
    assertThat(performance).extracting(CorpusApi.Request::path)
        .containsExactly("/api/3.1/summary.performance/85975", "/api/3.1/summary.performance/85976");
    assertThat(performance).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.pingdom.com");
      // 2024-03-01T00:00:00Z to now (2024-03-10T12:00:00Z), in one window; no resolution or probes set, so none
      // sent (the API's own default resolution is hour).
      assertThat(request.query()).isEqualTo(Map.of("includeuptime", "true", "from", "1709251200",
          "to", "1710072000"));
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
    });
    assertThat(first.lastState("performance")).isEqualTo(Json.parse("""
        {"use_global_cursor":false,
         "states":[{"partition":{"check_id":85975,"parent_slice":{}},"cursor":{"stream_end_time":"1710072000"}},
                   {"partition":{"check_id":85976,"parent_slice":{}},"cursor":{"stream_end_time":"1710072000"}}],
         "state":{"stream_end_time":"1710072000"},"lookback_window":0}"""));

    int before = connector.api().requests().size();
    connector.setNow(Instant.parse("2024-03-11T12:00:00Z"));
    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("performance"),
        first.lastState("performance"))), "performance");

    assertThat(connector.api().requests().subList(before, connector.api().requests().size()))
        .extracting(request -> request.path() + " " + request.query().get("from") + ".." + request.query().get("to"))
        .containsExactly("/api/3.1/checks null..null", "/api/3.1/summary.performance/85975 1710072000..1710158400",
            "/api/3.1/summary.performance/85976 1710072000..1710158400");
    assertThat(second.lastState("performance").path("states").get(0).path("cursor").path("stream_end_time").asText())
        .isEqualTo("1710158400");
    assertThat(first.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void performanceRecordsAreTheSummaryWithTheirCheckAndWindowEnd() throws Exception {
    connector.api().get("/api/3.1/checks\\?limit=25000", CHECKS);
    connector.api().get("/api/3.1/summary.performance/85975\\?.*", summary(1710064800, 1710068400));
    connector.api().get("/api/3.1/summary.performance/85976\\?.*", summary(1710068400));
    String config = """
        {"api_key":"%s","start_date":"2024-03-01T00:00:00Z","resolution":"day","probes":"13,27"}"""
        .formatted(SECRET);

    List<JsonNode> checks = connector.jsonRecords(config, "checks");
    List<JsonNode> performance = connector.jsonRecords(config, "performance");

    assertThat(checks).extracting(check -> check.path("name").asText()).containsExactly("Shop front", "Checkout API");
    assertThat(checks.get(1).path("tags").get(0).path("name").asText()).isEqualTo("payments");
    assertThat(performance).hasSize(2);
    assertThat(performance.getFirst().path("check_id").asLong()).isEqualTo(85975L);
    assertThat(performance.getFirst().path("stream_end_time").asText()).isEqualTo("1710072000");
    assertThat(performance.getFirst().path("summary").path("hours")).hasSize(2);
    assertThat(performance.get(1).path("check_id").asLong()).isEqualTo(85976L);
    assertThat(performance.get(1).path("summary").path("hours").get(0).path("uptime").asInt()).isEqualTo(3600);
    assertThat(connector.api().requests()).filteredOn(request -> request.path().contains("summary.performance"))
        .allSatisfy(request -> assertThat(request.query()).containsEntry("probes", "13,27")
            .containsEntry("resolution", "day"));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
