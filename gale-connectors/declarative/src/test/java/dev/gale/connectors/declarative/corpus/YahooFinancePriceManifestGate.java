package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Yahoo Finance chart API: one record per ticker of a comma-separated config, the whole chart response. The manifest
 * pages through the tickers with a page number it reads in its own path and parameters; past the last ticker the
 * path is empty, so its last request goes to the bare host (with {@code symbol= finish }), and the pages end when an
 * answer holds no record. What that answer is, Yahoo does not document: the manifest maps 403 to success, and this
 * gate answers the bare host with a 403 and an empty body, which reads as no records (so would a body that is not
 * JSON, in the CDK and here, with an error line). What the folder lacks: no authentication, no primary key, no cursor
 * (no incremental read); a failing check is the default mapping's 404 for an unknown ticker.
 */
class YahooFinancePriceManifestGate {
  private static final String CONFIG = "{\"tickers\":\"AAPL, MSFT\",\"interval\":\"1d\",\"range\":\"5d\"}";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-yahoo-finance-price");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String chart(String symbol, double price) {
    return """
        {"chart":{"result":[{"meta":{"currency":"USD","symbol":"%s","exchangeName":"NMS","instrumentType":"EQUITY",
          "firstTradeDate":345479400,"regularMarketTime":1709931600,"gmtoffset":-18000,"timezone":"EST",
          "exchangeTimezoneName":"America/New_York","regularMarketPrice":%s,"chartPreviousClose":%s,
          "priceHint":2,"dataGranularity":"1d","range":"5d","validRanges":["1d","5d","1mo","max"],
          "currentTradingPeriod":{"regular":{"timezone":"EST","start":1709908200,"end":1709931600,
           "gmtoffset":-18000}}},
          "timestamp":[1709562600,1709649000],
          "indicators":{"quote":[{"open":[%s,%s],"close":[%s,%s],"high":[%s,%s],"low":[%s,%s],
           "volume":[53423100,47801000]}],"adjclose":[{"adjclose":[%s,%s]}]}}],"error":null}}"""
        .formatted(symbol, price, price - 2, price - 1, price, price, price + 1, price + 1, price + 2, price - 2,
            price - 1, price, price + 1);
  }

  private void answerCharts() {
    connector.api().get("/v8/finance/chart/AAPL\\?range=5d&symbol=AAPL&interval=1d", chart("AAPL", 170.73))
        .get("/v8/finance/chart/MSFT\\?range=5d&symbol=MSFT&interval=1d", chart("MSFT", 406.22))
        // The URL is the bare host, without even a slash.
        .route("GET", "\\?range=5d&symbol=\\+finish\\+&interval=1d", 403, "", Integer.MAX_VALUE);
  }

  @Test
  void specRequiresTheTickersAndKnowsItsIntervalsAndRanges() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"tickers\"]");

    AirbyteConnectionStatus missing = connector.check("{\"interval\":\"1d\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("tickers");
    AirbyteConnectionStatus interval = connector.check(CONFIG.replace("\"1d\"", "\"2d\""));
    assertThat(interval.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(interval.message()).contains("interval");
    AirbyteConnectionStatus list = connector.check("{\"tickers\":[\"AAPL\",\"MSFT\"]}");
    assertThat(list.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(list.message()).contains("tickers");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsTheFirstTickerAndAnUnknownTickerFailsIt() {
    answerCharts();
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement()
        .satisfies(request -> assertThat(request.path()).isEqualTo("/v8/finance/chart/AAPL"));

    try (CorpusConnector unknown = open()) {
      unknown.api().route("GET", "/v8/finance/chart/NOPE\\?.*", 404, """
          {"chart":{"result":null,
           "error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}""",
          Integer.MAX_VALUE);
      AirbyteConnectionStatus status = unknown.check("{\"tickers\":\"NOPE\"}");
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("price").contains("404");
    }
  }

  @Test
  void discoverListsOneFullRefreshStreamWithoutPrimaryKey() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).singleElement().satisfies(stream -> {
      assertThat(stream.name()).isEqualTo("price");
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void readsOneChartPerTickerThenEndsAtTheBareHost() throws Exception {
    answerCharts();

    CorpusConnector.Read read = connector.read(CONFIG, List.of());

    // The record is the response: its one declared property is the chart, kept as JSON.
    assertThat(read.records("price")).hasSize(2);
    assertThat(read.records("price")).extracting(record -> Json.parse((String) record.get("chart"))
        .at("/result/0/meta/symbol").asText()).containsExactly("AAPL", "MSFT");
    assertThat(Json.parse((String) read.records("price").get(1).get("chart"))
        .at("/result/0/meta/regularMarketPrice").doubleValue()).isEqualTo(406.22);

    List<CorpusApi.Request> requests = connector.api().requests();
    // The second ticker loses the space after its comma; the third request is the manifest's end.
    assertThat(requests).extracting(CorpusApi.Request::path)
        .containsExactly("/v8/finance/chart/AAPL", "/v8/finance/chart/MSFT", "");
    assertThat(requests).extracting(request -> request.query().get("symbol"))
        .containsExactly("AAPL", "MSFT", " finish ");
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("query1.finance.yahoo.com");
      assertThat(request.query()).containsEntry("range", "5d").containsEntry("interval", "1d");
      assertThat(request.header("Accept")).isEqualTo("application/json");
      assertThat(request.header("User-Agent")).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
    });
    assertThat(read.logs()).noneMatch(line -> line.startsWith("ERROR"));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void withoutIntervalAndRangeTheChartIsAskedWithout() throws Exception {
    connector.api().get("/v8/finance/chart/TSLA\\?symbol=TSLA", chart("TSLA", 175.34))
        .route("GET", "\\?symbol=\\+finish\\+", 403, "", Integer.MAX_VALUE);

    CorpusConnector.Read read = connector.read("{\"tickers\":\"TSLA\"}", List.of());

    assertThat(read.records("price")).hasSize(1);
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query)
        .containsExactly(Map.of("symbol", "TSLA"), Map.of("symbol", " finish "));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
