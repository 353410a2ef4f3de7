package dev.gale.connectors.declarative.corpus;

import static dev.gale.connectors.declarative.corpus.CorpusApi.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Marketstack v1: exchanges, each exchange's tickers, and per ticker its end-of-day prices (incremental on
 * {@code date}, one window per ticker from the start date or the ticker's state to today), splits and dividends:
 * substreams two levels deep. The key is the {@code access_key} query parameter; every stream pages by
 * {@code offset} in pages of 1000, sent from the first request. What the folder lacks: no error mapping (a rejected
 * key fails with the default 401); splits and dividends have no cursor.
 */
class MarketstackManifestGate {
  private static final String KEY = "mks-fake-key-2b4d6f8a0c";
  private static final String CONFIG = "{\"api_key\":\"%s\",\"start_date\":\"2019-01-02T00:00:00Z\"}".formatted(KEY);
  private static final String EXCHANGES = """
      {"pagination":{"limit":1000,"offset":0,"count":2,"total":2},"data":[
        {"name":"NASDAQ Stock Exchange","acronym":"NASDAQ","mic":"XNAS","country":"USA","country_code":"US",
         "city":"New York","website":"www.nasdaq.com",
         "timezone":{"timezone":"America/New_York","abbr":"EST","abbr_dst":"EDT"},
         "currency":{"code":"USD","symbol":"$","name":"US Dollar"}},
        {"name":"London Stock Exchange","acronym":"LSE","mic":"XLON","country":"United Kingdom",
         "country_code":"GB","city":"London","website":"www.londonstockexchange.com",
         "timezone":{"timezone":"Europe/London","abbr":"GMT","abbr_dst":"BST"},
         "currency":{"code":"GBP","symbol":"£","name":"Pound Sterling"}}]}""";
  private static final String XNAS_TICKERS = """
      {"pagination":{"limit":1000,"offset":0,"count":2,"total":2},"data":{"name":"NASDAQ Stock Exchange",
        "acronym":"NASDAQ","mic":"XNAS","country":"USA","tickers":[
          {"name":"Apple Inc","symbol":"AAPL","has_intraday":false,"has_eod":true},
          {"name":"Microsoft Corp","symbol":"MSFT","has_intraday":false,"has_eod":true}]}}""";
  private static final String XLON_TICKERS = """
      {"pagination":{"limit":1000,"offset":0,"count":1,"total":1},"data":{"name":"London Stock Exchange",
        "acronym":"LSE","mic":"XLON","country":"United Kingdom","tickers":[
          {"name":"Vodafone Group PLC","symbol":"VOD.XLON","has_intraday":false,"has_eod":true}]}}""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-marketstack");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  /** Exchanges and their tickers, the parents of the per-ticker streams. */
  private static void answerTickers(CorpusApi api) {
    api.get(withQuery("/v1/exchanges", "offset=0", "limit=1000"), EXCHANGES)
        .get(withQuery("/v1/exchanges/XNAS/tickers", "offset=0", "limit=1000"), XNAS_TICKERS)
        .get(withQuery("/v1/exchanges/XLON/tickers", "offset=0", "limit=1000"), XLON_TICKERS);
  }

  /** A page of end-of-day prices: one row per weekday going back from {@code latest}, as the API sorts them. */
  private static String eod(String symbol, String exchange, LocalDate latest, int rows, int offset, int total) {
    List<String> data = new ArrayList<>();
    LocalDate day = latest;
    for (int i = 0; i < rows; i++) {
      while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = day.minusDays(1);
      }
      double close = 100 + (i % 50) * 0.5;
      data.add(("{\"open\":%.2f,\"high\":%.2f,\"low\":%.2f,\"close\":%.2f,\"volume\":%d.0,\"adj_open\":%.2f,"
          + "\"adj_high\":%.2f,\"adj_low\":%.2f,\"adj_close\":%.2f,\"adj_volume\":%d.0,\"split_factor\":1.0,"
          + "\"dividend\":0.0,\"symbol\":\"%s\",\"exchange\":\"%s\",\"date\":\"%sT00:00:00+0000\"}")
          .formatted(close - 1, close + 1, close - 2, close, 50_000_000 + i, close - 1, close + 1, close - 2, close,
              50_000_000 + i, symbol, exchange, day));
      day = day.minusDays(1);
    }
    return "{\"pagination\":{\"limit\":1000,\"offset\":%d,\"count\":%d,\"total\":%d},\"data\":[%s]}"
        .formatted(offset, rows, total, String.join(",", data));
  }

  @Test
  void specRequiresTheKeyAndTheStartDate() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"start_date\"]");

    AirbyteConnectionStatus missing = connector.check("{\"start_date\":\"2019-01-02T00:00:00Z\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_key");
    AirbyteConnectionStatus wrongType = connector.check(CONFIG.replace("\"2019-01-02T00:00:00Z\"", "2019"));
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("start_date").doesNotContain(KEY);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsExchangesAndARejectedKeyFailsItWithoutShowingIt() throws Exception {
    answerTickers(connector.api());
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement()
        .satisfies(request -> assertThat(request.query()).containsEntry("access_key", KEY));

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", withQuery("/v1/exchanges"), 401, """
          {"error":{"code":"invalid_access_key","message":"You have not supplied a valid API Access Key."}}""",
          Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("exchanges").contains("401").doesNotContain(KEY);
      // The key is in the URL: a failed read masks it in its error and its logs.
      CorpusConnector.Failure failure = rejected.readFailing(CONFIG, "exchanges");
      assertThat(failure.error().getMessage()).contains("401").doesNotContain(KEY);
      assertThat(failure.read().logs()).noneMatch(line -> line.contains(KEY));
    }
  }

  @Test
  void discoverListsFiveStreamsWithEndOfDayPricesIncremental() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name)
        .containsExactly("exchanges", "tickers", "historical_data", "splits", "dividends");
    assertThat(streams).extracting(AirbyteStream::sourceDefinedPrimaryKey).containsExactly(List.of(List.of("mic")),
        List.of(List.of("symbol")), List.of(List.of("date"), List.of("symbol")),
        List.of(List.of("date"), List.of("symbol")), List.of(List.of("date"), List.of("symbol")));
    assertThat(streams.get(2).supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(streams.get(2).defaultCursorField()).isEqualTo(List.of("date"));
    assertThat(List.of(streams.get(0), streams.get(1), streams.get(3), streams.get(4))).allSatisfy(stream ->
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH));
  }

  @Test
  void exchangesAndTheirTickers() throws Exception {
    answerTickers(connector.api());

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "exchanges", "tickers");

    assertThat(read.records("exchanges")).extracting(record -> record.get("mic")).containsExactly("XNAS", "XLON");
    assertThat(read.records("exchanges").get(1)).containsEntry("country_code", "GB")
        .containsEntry("currency", "{\"code\":\"GBP\",\"symbol\":\"£\",\"name\":\"Pound Sterling\"}");
    assertThat(read.records("tickers")).containsExactly(
        Map.of("name", "Apple Inc", "symbol", "AAPL", "has_intraday", false, "has_eod", true),
        Map.of("name", "Microsoft Corp", "symbol", "MSFT", "has_intraday", false, "has_eod", true),
        Map.of("name", "Vodafone Group PLC", "symbol", "VOD.XLON", "has_intraday", false, "has_eod", true));
    // Exchanges once for their own stream and once as the tickers' parent; each page asks from offset 0.
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path).containsExactly("/v1/exchanges",
        "/v1/exchanges", "/v1/exchanges/XNAS/tickers", "/v1/exchanges/XLON/tickers");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.marketstack.com");
      assertThat(request.query()).isEqualTo(Map.of("access_key", KEY, "offset", "0", "limit", "1000"));
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void endOfDayPricesArePagedPerTickerAndResumeFromEachTickersState() throws Exception {
    answerTickers(connector.api());
    String firstWindow = "date_from=2019-01-02";
    // AAPL has more than a page of trading days since the start date: 1000, then the 2 older ones.
    connector.api()
        .get(withQuery("/v1/eod", "symbols=AAPL", "offset=0", "limit=1000", firstWindow, "date_to=2024-03-10"),
            eod("AAPL", "XNAS", LocalDate.parse("2024-03-08"), 1000, 0, 1002))
        .get(withQuery("/v1/eod", "symbols=AAPL", "offset=1000", "limit=1000", firstWindow, "date_to=2024-03-10"),
            eod("AAPL", "XNAS", LocalDate.parse("2020-05-11"), 2, 1000, 1002))
        .get(withQuery("/v1/eod", "symbols=MSFT", "offset=0", firstWindow),
            eod("MSFT", "XNAS", LocalDate.parse("2024-03-07"), 2, 0, 2))
        .get(withQuery("/v1/eod", "symbols=VOD.XLON", "offset=0", firstWindow),
            "{\"pagination\":{\"limit\":1000,\"offset\":0,\"count\":0,\"total\":0},\"data\":[]}");

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "historical_data");

    List<Map<String, Object>> records = read.records("historical_data");
    assertThat(records).hasSize(1004);
    assertThat(records.getFirst()).containsEntry("symbol", "AAPL").containsEntry("exchange", "XNAS")
        .containsEntry("date", "2024-03-08T00:00:00+0000").containsEntry("close", 100.0)
        .containsEntry("volume", 5.0E7).containsEntry("split_factor", 1.0);
    assertThat(records.get(1002)).containsEntry("symbol", "MSFT").containsEntry("date", "2024-03-07T00:00:00+0000");

    List<CorpusApi.Request> eodRequests = connector.api().requests().stream()
        .filter(request -> request.path().equals("/v1/eod")).toList();
    assertThat(eodRequests).extracting(request -> request.query().get("symbols") + "@" + request.query().get("offset"))
        .containsExactly("AAPL@0", "AAPL@1000", "MSFT@0", "VOD.XLON@0");
    assertThat(eodRequests).allSatisfy(request -> assertThat(request.query()).containsEntry("access_key", KEY)
        .containsEntry("limit", "1000").containsEntry("date_from", "2019-01-02")
        .containsEntry("date_to", "2024-03-10"));
    assertThat(connector.api().unmatched()).isEmpty();

    // Each ticker keeps the latest day read, under its partition and its parent exchange.
    String state = read.lastState("historical_data").toString();
    assertThat(Json.parse(state).path("states")).hasSize(3);
    assertThat(state).contains("{\"partition\":{\"symbol\":\"AAPL\",\"parent_slice\":{\"mic\":\"XNAS\","
        + "\"parent_slice\":{}}},\"cursor\":{\"date\":\"2024-03-08\"}}");
    assertThat(state).contains("{\"partition\":{\"symbol\":\"MSFT\",\"parent_slice\":{\"mic\":\"XNAS\","
        + "\"parent_slice\":{}}},\"cursor\":{\"date\":\"2024-03-07\"}}");
    // A ticker without prices keeps its window's start; the global state is the latest of all, as the CDK's.
    assertThat(state).contains("{\"partition\":{\"symbol\":\"VOD.XLON\",\"parent_slice\":{\"mic\":\"XLON\","
        + "\"parent_slice\":{}}},\"cursor\":{\"date\":\"2019-01-02\"}}");
    assertThat(Json.parse(state).path("state").toString()).isEqualTo("{\"date\":\"2024-03-08\"}");
    assertThat(Json.parse(state).path("use_global_cursor").asBoolean()).isFalse();

    // The next read asks each ticker from its own state (VOD's is still the start date).
    try (CorpusConnector again = open()) {
      answerTickers(again.api());
      again.api().get(withQuery("/v1/eod", "symbols=AAPL", "offset=0", "date_from=2024-03-08"),
              eod("AAPL", "XNAS", LocalDate.parse("2024-03-08"), 1, 0, 1))
          .get(withQuery("/v1/eod", "symbols=MSFT", "offset=0", "date_from=2024-03-07"),
              eod("MSFT", "XNAS", LocalDate.parse("2024-03-08"), 2, 0, 2))
          .get(withQuery("/v1/eod", "symbols=VOD.XLON", "offset=0", "date_from=2019-01-02"),
              eod("VOD.XLON", "XLON", LocalDate.parse("2024-03-08"), 1, 0, 1));

      CorpusConnector.Read second = again.read(CONFIG, read.lastStates(), "historical_data");

      assertThat(second.records("historical_data")).hasSize(4);
      assertThat(again.api().requests().stream().filter(request -> request.path().equals("/v1/eod")))
          .extracting(request -> request.query().get("symbols") + "@" + request.query().get("date_from"))
          .containsExactly("AAPL@2024-03-08", "MSFT@2024-03-07", "VOD.XLON@2019-01-02");
      assertThat(second.lastState("historical_data").toString()).contains("\"symbol\":\"MSFT\"")
          .contains("\"cursor\":{\"date\":\"2024-03-08\"}");
      assertThat(again.api().unmatched()).isEmpty();
    }
  }

  /** A page of {@code count} generated items (as {@code item} makes them from their number), from {@code first}. */
  private static String page(String data, int first, int count, int total, IntFunction<String> item) {
    List<String> items = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      items.add(item.apply(i));
    }
    return "{\"pagination\":{\"limit\":1000,\"offset\":%d,\"count\":%d,\"total\":%d},%s}"
        .formatted(first, count, total, data.formatted(String.join(",", items)));
  }

  @Test
  void everyOtherStreamPagesPastAFullPageOfAThousand() throws Exception {
    IntFunction<String> exchange = i -> "{\"name\":\"Exchange %d\",\"mic\":\"X%04d\"}"
        .formatted(i, i);
    IntFunction<String> ticker = i -> ("{\"name\":\"Company %d\",\"symbol\":\"T%04d\","
        + "\"has_intraday\":false,\"has_eod\":true}").formatted(i, i);
    IntFunction<String> split = i -> "{\"date\":\"%s\",\"split_factor\":2.0,\"symbol\":\"AAPL\"}"
        .formatted(LocalDate.parse("2024-03-08").minusDays(i));
    IntFunction<String> dividend = i -> "{\"date\":\"%s\",\"dividend\":0.24,\"symbol\":\"AAPL\"}"
        .formatted(LocalDate.parse("2024-03-08").minusDays(i));
    String oneExchange = "{\"pagination\":{\"limit\":1000,\"offset\":0,\"count\":1,\"total\":1},\"data\":[%s]}"
        .formatted(exchange.apply(7));
    String oneTicker = "{\"pagination\":{\"limit\":1000,\"offset\":0,\"count\":1,\"total\":1},"
        + "\"data\":{\"mic\":\"X0007\",\"tickers\":[{\"name\":\"Apple Inc\",\"symbol\":\"AAPL\"}]}}";

    // Exchanges alone: a full page, then the rest.
    connector.api().get(withQuery("/v1/exchanges", "offset=1000", "limit=1000"),
            page("\"data\":[%s]", 1000, 3, 1003, exchange))
        .get(withQuery("/v1/exchanges", "offset=0", "limit=1000"), page("\"data\":[%s]", 0, 1000, 1003, exchange));
    assertThat(connector.read(CONFIG, List.of(), "exchanges").records("exchanges")).hasSize(1003);
    assertThat(connector.api().requests()).extracting(request -> request.query().get("offset"))
        .containsExactly("0", "1000");

    // Tickers of one exchange, and splits and dividends of one ticker, each past a full page.
    try (CorpusConnector others = open()) {
      others.api().get(withQuery("/v1/exchanges", "offset=0"), oneExchange)
          .get(withQuery("/v1/exchanges/X0007/tickers", "offset=1000"),
              page("\"data\":{\"mic\":\"X0007\",\"tickers\":[%s]}", 1000, 1, 1001, ticker))
          .get(withQuery("/v1/exchanges/X0007/tickers", "offset=0"),
              page("\"data\":{\"mic\":\"X0007\",\"tickers\":[%s]}", 0, 1000, 1001, ticker));
      assertThat(others.read(CONFIG, List.of(), "tickers").records("tickers")).hasSize(1001)
          .last().satisfies(record -> assertThat(record).containsEntry("symbol", "T1000"));
    }
    try (CorpusConnector others = open()) {
      others.api().get(withQuery("/v1/exchanges", "offset=0"), oneExchange)
          .get(withQuery("/v1/exchanges/X0007/tickers", "offset=0"), oneTicker)
          .get(withQuery("/v1/splits", "symbols=AAPL", "offset=1000"), page("\"data\":[%s]", 1000, 2, 1002, split))
          .get(withQuery("/v1/splits", "symbols=AAPL", "offset=0"), page("\"data\":[%s]", 0, 1000, 1002, split))
          .get(withQuery("/v1/dividends", "symbols=AAPL", "offset=1000"),
              page("\"data\":[%s]", 1000, 5, 1005, dividend))
          .get(withQuery("/v1/dividends", "symbols=AAPL", "offset=0"), page("\"data\":[%s]", 0, 1000, 1005, dividend));
      CorpusConnector.Read read = others.read(CONFIG, List.of(), "splits", "dividends");
      assertThat(read.records("splits")).hasSize(1002);
      assertThat(read.records("dividends")).hasSize(1005);
      assertThat(others.api().requests().stream().filter(request -> !request.path().startsWith("/v1/exchanges")))
          .extracting(request -> request.path() + "@" + request.query().get("offset"))
          .containsExactly("/v1/splits@0", "/v1/splits@1000", "/v1/dividends@0", "/v1/dividends@1000");
      assertThat(others.api().unmatched()).isEmpty();
    }
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void splitsAndDividendsPerTicker() throws Exception {
    answerTickers(connector.api());
    String empty = "{\"pagination\":{\"limit\":1000,\"offset\":0,\"count\":0,\"total\":0},\"data\":[]}";
    connector.api()
        .get(withQuery("/v1/splits", "symbols=AAPL", "offset=0", "limit=1000"), """
            {"pagination":{"limit":1000,"offset":0,"count":2,"total":2},"data":[
              {"date":"2020-08-31","split_factor":4.0,"symbol":"AAPL"},
              {"date":"2014-06-09","split_factor":7.0,"symbol":"AAPL"}]}""")
        .get(withQuery("/v1/splits", "symbols=MSFT"), empty)
        .get(withQuery("/v1/splits", "symbols=VOD.XLON"), empty)
        .get(withQuery("/v1/dividends", "symbols=AAPL", "offset=0", "limit=1000"), """
            {"pagination":{"limit":1000,"offset":0,"count":1,"total":1},"data":[
              {"date":"2024-02-09","dividend":0.24,"symbol":"AAPL"}]}""")
        .get(withQuery("/v1/dividends", "symbols=MSFT"), """
            {"pagination":{"limit":1000,"offset":0,"count":1,"total":1},"data":[
              {"date":"2024-02-14","dividend":0.75,"symbol":"MSFT"}]}""")
        .get(withQuery("/v1/dividends", "symbols=VOD.XLON"), empty);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "splits", "dividends");

    assertThat(read.records("splits")).containsExactly(
        Map.of("date", "2020-08-31", "split_factor", 4.0, "symbol", "AAPL"),
        Map.of("date", "2014-06-09", "split_factor", 7.0, "symbol", "AAPL"));
    assertThat(read.records("dividends")).containsExactly(
        Map.of("date", "2024-02-09", "dividend", 0.24, "symbol", "AAPL"),
        Map.of("date", "2024-02-14", "dividend", 0.75, "symbol", "MSFT"));
    assertThat(connector.api().requests().stream().filter(request -> !request.path().startsWith("/v1/exchanges")))
        .extracting(request -> request.path() + "?" + request.query().get("symbols")).containsExactly(
            "/v1/splits?AAPL", "/v1/splits?MSFT", "/v1/splits?VOD.XLON",
            "/v1/dividends?AAPL", "/v1/dividends?MSFT", "/v1/dividends?VOD.XLON");
    assertThat(read.states()).isEmpty();
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
