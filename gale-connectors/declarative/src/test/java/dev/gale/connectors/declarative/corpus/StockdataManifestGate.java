package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * StockData.org: news per configured symbol and per configured industry (pages of 50 by page number from 1), and
 * end-of-day and intraday prices per symbol; every stream is partitioned by a list from the configuration and
 * incremental in one window from the start date to now, its bounds sent as dates. The API key is the
 * {@code api_token} query parameter.
 *
 * <p>What the folder lacks: no error mapping, so a rejected key fails the check through the interpreter's default
 * handling of a 401. The end-of-day schema does not declare the {@code ticker} the manifest adds (and keys on), so a
 * sync's typed rows lack it; it is asserted on the records as JSON.
 */
class StockdataManifestGate {
  private static final String KEY = "fake-stockdata-key-66aa";
  private static final String CONFIG = """
      {"api_key":"%s","symbols":["AAPL","TSLA"],"industries":["Technology"],"start_date":"2024-03-01T00:00:00Z"}"""
      .formatted(KEY);

  private final CorpusConnector connector = CorpusConnector.open("source-stockdata");

  StockdataManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String article(String uuid, String published, String symbol) {
    return """
        {"uuid":"%s","title":"Shares of %s move","description":"Market update.","keywords":"stocks","snippet":"...",
         "url":"https://news.example/%s","image_url":"https://news.example/%s.jpg","language":"en",
         "published_at":"%s","source":"news.example","relevance_score":null,
         "entities":[{"symbol":"%s","name":"%s Inc.","exchange":"NASDAQ","type":"equity","industry":"Technology",
           "match_score":31.2,"sentiment_score":0.45}],"similar":[]}"""
        .formatted(uuid, symbol, uuid, uuid, published, symbol, symbol);
  }

  private static String news(List<String> articles, int found) {
    return "{\"meta\":{\"found\":" + found + ",\"returned\":" + articles.size() + ",\"limit\":50,\"page\":1},"
        + "\"data\":[" + String.join(",", articles) + "]}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"start_date\"]");

    AirbyteConnectionStatus missing = connector.check("{\"api_key\":\"" + KEY + "\",\"symbols\":[\"AAPL\"]}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("start_date").doesNotContain(KEY);
    AirbyteConnectionStatus wrongType = connector.check(CONFIG.replace("[\"AAPL\",\"TSLA\"]", "\"AAPL\""));
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("symbols");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsNewsOfTheFirstSymbol() {
    connector.api().get("/v1/news/all\\?symbols=AAPL&.*", news(List.of(article("n-1", "2024-03-04T13:00:00.000000Z",
        "AAPL")), 1));

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("api.stockdata.org");
      assertThat(request.path()).isEqualTo("/v1/news/all");
      // filter_entities is not set, so it is left out: its spec default (false) is not filled in, as in Airbyte.
      assertThat(request.query()).isEqualTo(Map.of("symbols", "AAPL", "language", "en", "api_token", KEY, "page", "1", "limit", "50", "published_after", "2024-03-01",
          "published_before", "2024-03-10"));
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnARejectedKeyWithoutTheKey() {
    connector.api().route("GET", "/v1/news/all\\?.*", 401, """
        {"error":{"code":"invalid_api_token","message":"Invalid API token."}}""", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("news_feeds_per_symbols").contains("401").doesNotContain(KEY);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("news_feeds_per_symbols", "eod_data", "intraday_unadjusted_data",
        "news_feeds_per_industry");
    assertThat(streams.get("news_feeds_per_symbols").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("uuid")));
    assertThat(streams.get("news_feeds_per_industry").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("uuid")));
    assertThat(streams.get("eod_data").sourceDefinedPrimaryKey())
        .isEqualTo(List.of(List.of("date"), List.of("ticker")));
    assertThat(streams.get("intraday_unadjusted_data").sourceDefinedPrimaryKey())
        .isEqualTo(List.of(List.of("date"), List.of("ticker")));
    assertThat(streams.values()).allSatisfy(stream ->
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));
    assertThat(streams.get("news_feeds_per_symbols").defaultCursorField()).isEqualTo(List.of("published_at"));
    assertThat(streams.get("eod_data").defaultCursorField()).isEqualTo(List.of("date"));
  }

  @Test
  void readNewsPerSymbolAcrossPagesThenFromTheState() throws Exception {
    List<String> fifty = IntStream.rangeClosed(1, 50).mapToObj(i -> article("aapl-" + i,
        "2024-03-0" + (1 + i % 8) + "T10:00:00.000000Z", "AAPL")).toList();
    connector.api()
        .get("/v1/news/all\\?symbols=AAPL&.*&page=1&.*published_after=2024-03-01.*", news(fifty, 51))
        .get("/v1/news/all\\?symbols=AAPL&.*&page=2&.*published_after=2024-03-01.*", news(List.of(article("aapl-51",
            "2024-03-09T08:15:00.000000Z", "AAPL")), 51))
        .get("/v1/news/all\\?symbols=TSLA&.*&page=1&.*published_after=2024-03-01.*", news(List.of(article("tsla-1",
            "2024-03-05T18:40:00.000000Z", "TSLA")), 1));

    var first = connector.read(CONFIG, List.of(), "news_feeds_per_symbols");

    assertThat(first.records("news_feeds_per_symbols")).hasSize(52);
    assertThat(first.records("news_feeds_per_symbols").get(50)).containsEntry("uuid", "aapl-51")
        .containsEntry("published_at", "2024-03-09T08:15:00.000000Z").containsEntry("language", "en");
    assertThat((String) first.records("news_feeds_per_symbols").get(51).get("entities")).contains("\"TSLA\"");
    assertThat(connector.api().requests()).extracting(request -> request.query().get("symbols") + "#"
        + request.query().get("page")).containsExactly("AAPL#1", "AAPL#2", "TSLA#1");
    // A cursor per symbol, in the cursor's date format.
    JsonNode state = first.lastState("news_feeds_per_symbols");
    assertThat(state.path("states")).hasSize(2);
    assertThat(state.path("states").get(0).path("partition").toString()).isEqualTo("{\"symb\":\"AAPL\"}");
    assertThat(state.path("states").get(0).path("cursor").toString()).isEqualTo("{\"published_at\":\"2024-03-09\"}");
    assertThat(state.path("states").get(1).path("cursor").toString()).isEqualTo("{\"published_at\":\"2024-03-05\"}");

    int before = connector.api().requests().size();
    connector.api().get("/v1/news/all\\?.*published_after=2024-03-09.*", news(List.of(), 0))
        .get("/v1/news/all\\?.*published_after=2024-03-05.*", news(List.of(), 0));
    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(
        StreamDescriptor.of("news_feeds_per_symbols"), state)), "news_feeds_per_symbols");
    assertThat(connector.api().requests().subList(before, connector.api().requests().size()))
        .extracting(request -> request.query().get("symbols") + " " + request.query().get("published_after") + ".."
            + request.query().get("published_before"))
        .containsExactly("AAPL 2024-03-09..2024-03-10", "TSLA 2024-03-05..2024-03-10");
    assertThat(second.records("news_feeds_per_symbols")).isEmpty();
    assertThat(connector.api().requests()).allSatisfy(request ->
        assertThat(request.query()).containsEntry("api_token", KEY));
    assertThat(first.logs()).noneMatch(line -> line.contains(KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readNewsPerIndustryAcrossPagesThenFromTheState() throws Exception {
    List<String> fifty = IntStream.rangeClosed(1, 50).mapToObj(i -> article("tech-" + i,
        "2024-03-0" + (1 + i % 6) + "T07:00:00.000000Z", "NVDA")).toList();
    connector.api()
        .get("/v1/news/all\\?language=en&industries=Technology&.*&page=1&.*published_after=2024-03-01.*",
            news(fifty, 51))
        .get("/v1/news/all\\?language=en&industries=Technology&.*&page=2&.*published_after=2024-03-01.*",
            news(List.of(article("tech-51", "2024-03-07T07:00:00.000000Z", "AMD")), 51));

    var first = connector.read(CONFIG, List.of(), "news_feeds_per_industry");

    assertThat(first.records("news_feeds_per_industry")).hasSize(51);
    assertThat(first.records("news_feeds_per_industry").getLast()).containsEntry("uuid", "tech-51");
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query).allSatisfy(query ->
        assertThat(query).containsEntry("industries", "Technology").containsEntry("limit", "50")
            .containsEntry("published_after", "2024-03-01").doesNotContainKey("symbols"))
        .extracting(query -> query.get("page")).containsExactly("1", "2");
    JsonNode state = first.lastState("news_feeds_per_industry");
    assertThat(state.path("states").get(0).toString())
        .isEqualTo("{\"partition\":{\"indus\":\"Technology\"},\"cursor\":{\"published_at\":\"2024-03-07\"}}");

    connector.api().get("/v1/news/all\\?.*industries=Technology&.*published_after=2024-03-07.*", news(List.of(), 0));
    connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("news_feeds_per_industry"),
        state)), "news_feeds_per_industry");
    assertThat(connector.api().requests().getLast().query()).containsEntry("published_after", "2024-03-07")
        .containsEntry("published_before", "2024-03-10").containsEntry("page", "1");
    assertThat(connector.api().requests()).hasSize(3);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readEndOfDayAndIntradayPricesPerSymbol() throws Exception {
    connector.api()
        .get("/v1/data/eod\\?symbols=AAPL&.*date_from=2024-03-01.*", """
            {"meta":{"date_from":"2024-03-01","date_to":"2024-03-10","max_period_days":180},"data":[
             {"date":"2024-03-08T00:00:00.000000Z","open":169.0,"high":173.7,"low":168.94,"close":170.73,
              "volume":76114634},
             {"date":"2024-03-07T00:00:00.000000Z","open":169.15,"high":170.73,"low":168.49,"close":169.0,
              "volume":71765061}]}""")
        .get("/v1/data/eod\\?symbols=TSLA&.*date_from=2024-03-01.*", """
            {"meta":{},"data":[{"date":"2024-03-08T00:00:00.000000Z","open":181.5,"high":182.73,"low":174.7,
              "close":175.34,"volume":85170305}]}""")
        .get("/v1/data/intraday\\?symbols=AAPL&.*date_from=2024-03-01.*", """
            {"meta":{},"data":[{"date":"2024-03-08T15:59:00.000000Z","ticker":"AAPL",
              "data":{"open":170.6,"high":170.8,"low":170.55,"close":170.73,"volume":1204577,
               "is_extended_hours":false}}]}""")
        .get("/v1/data/intraday\\?symbols=TSLA&.*date_from=2024-03-01.*", "{\"meta\":{},\"data\":[]}");

    var read = connector.read(CONFIG, List.of(), "eod_data", "intraday_unadjusted_data");

    assertThat(read.records("eod_data")).hasSize(3);
    assertThat(read.records("eod_data").getFirst()).containsEntry("date", "2024-03-08T00:00:00.000000Z")
        .containsEntry("close", 170.73).containsEntry("volume", 7.6114634E7);
    // The ticker comes from the partition (the API's end-of-day rows do not say which symbol they are).
    assertThat(connector.jsonRecords(CONFIG, "eod_data")).extracting(record -> record.path("ticker").asText())
        .containsExactly("AAPL", "AAPL", "TSLA");
    assertThat(read.records("intraday_unadjusted_data")).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("ticker", "AAPL").containsEntry("date", "2024-03-08T15:59:00.000000Z");
      assertThat((String) row.get("data")).contains("\"close\":170.73");
    });
    assertThat(connector.api().requests()).filteredOn(request -> request.path().startsWith("/v1/data/"))
        .allSatisfy(request -> assertThat(request.query()).containsEntry("date_from", "2024-03-01")
            .containsEntry("date_to", "2024-03-10").containsEntry("api_token", KEY));
    assertThat(read.lastState("eod_data").path("states").get(0).path("cursor").toString())
        .isEqualTo("{\"date\":\"2024-03-08\"}");
    // TSLA had no intraday row: its cursor stays at the start.
    JsonNode intraday = read.lastState("intraday_unadjusted_data");
    assertThat(intraday.path("states").get(1).toString())
        .isEqualTo("{\"partition\":{\"symb\":\"TSLA\"},\"cursor\":{\"date\":\"2024-03-01\"}}");

    // Second reads: each symbol from its own cursor.
    int before = connector.api().requests().size();
    connector.api().get("/v1/data/(eod|intraday)\\?.*date_from=2024-03-08.*", "{\"meta\":{},\"data\":[]}");
    connector.read(CONFIG, List.of(
        AirbyteStateMessage.stream(StreamDescriptor.of("eod_data"), read.lastState("eod_data")),
        AirbyteStateMessage.stream(StreamDescriptor.of("intraday_unadjusted_data"), intraday)),
        "eod_data", "intraday_unadjusted_data");
    assertThat(connector.api().requests().subList(before, connector.api().requests().size()))
        .extracting(request -> request.path() + " " + request.query().get("symbols") + " "
            + request.query().get("date_from") + ".." + request.query().get("date_to"))
        .containsExactly("/v1/data/eod AAPL 2024-03-08..2024-03-10", "/v1/data/eod TSLA 2024-03-08..2024-03-10",
            "/v1/data/intraday AAPL 2024-03-08..2024-03-10", "/v1/data/intraday TSLA 2024-03-01..2024-03-10");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
