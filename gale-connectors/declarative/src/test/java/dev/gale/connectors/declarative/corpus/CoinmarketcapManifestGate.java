package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CoinMarketCap (pro API v1): {@code categories}, {@code listing} (latest or historical, as the config's
 * {@code data_type} says, in the path), {@code fiat} and {@code exchange}, in offset pages of 1,000 ({@code start}
 * from the second page on, {@code limit} always); and {@code quotes} of the config's {@code symbols} (joined with
 * commas), whose {@code data} is an object keyed by symbol and so one record. The API key goes in the
 * {@code X-CMC_PRO_API_KEY} header; the manifest's authenticators carry stray fields ({@code name}, {@code path},
 * {@code primary_key}) that change nothing.
 *
 * <p>What the folder lacks: no incremental stream and no error mapping of its own (a rejected key fails by the default
 * mapping of a 401). {@code quotes}' schema declares no properties, so its row has no columns: its record is asserted
 * as JSON through a test read.
 */
class CoinmarketcapManifestGate {
  private static final String SECRET = "b54bcf4d-FAKE-4f8a-9c3e-7d2a1e0f9b68";
  private static final String CONFIG = """
      {"api_key":"%s","data_type":"latest","symbols":["BTC","ETH"]}""".formatted(SECRET);
  private static final String STATUS = """
      "status":{"timestamp":"2024-03-10T12:00:00.000Z","error_code":0,"error_message":null,"elapsed":11,
                "credit_count":1}""";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-coinmarketcap");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String category(String id, String name, int tokens) {
    return """
        {"id":"%s","name":"%s","title":"%s","description":"Tokens of the %s sector","num_tokens":%d,
         "avg_price_change":1.84,"market_cap":2418855337.91,"market_cap_change":-0.62,"volume":183004412.5,
         "volume_change":12.07,"last_updated":"2024-03-10T11:58:00.000Z"}""".formatted(id, name, name, name, tokens);
  }

  private void answerSmallStreams() {
    connector.api().get("/v1/cryptocurrency/categories\\?limit=1000", "{" + STATUS + ",\"data\":["
        + category("605e2ce9d41eae1066535f7c", "Layer 1", 118) + "]}");
    connector.api().get("/v1/cryptocurrency/listings/latest\\?limit=1000", "{" + STATUS + """
        ,"data":[
          {"id":1,"name":"Bitcoin","symbol":"BTC","slug":"bitcoin","cmc_rank":1,"num_market_pairs":11012,
           "circulating_supply":19650331,"total_supply":19650331,"max_supply":21000000,
           "last_updated":"2024-03-10T11:58:00.000Z","date_added":"2010-07-13T00:00:00.000Z",
           "tags":["mineable","pow"],"platform":null,"self_reported_circulating_supply":null,
           "self_reported_market_cap":null,"tvl_ratio":null,
           "quote":{"USD":{"price":68412.57,"volume_24h":31562100834.2,"market_cap":1344322876543.1}}},
          {"id":1027,"name":"Ethereum","symbol":"ETH","slug":"ethereum","cmc_rank":2,"num_market_pairs":8744,
           "circulating_supply":120074011.5,"total_supply":120074011.5,"max_supply":null,
           "last_updated":"2024-03-10T11:58:00.000Z","date_added":"2015-08-07T00:00:00.000Z",
           "tags":["pos","smart-contracts"],"platform":null,"self_reported_circulating_supply":null,
           "self_reported_market_cap":null,"tvl_ratio":null,
           "quote":{"USD":{"price":3905.12,"volume_24h":17330092111.8,"market_cap":468908421337.4}}}]}""");
    connector.api().get("/v1/cryptocurrency/quotes/latest\\?symbol=BTC%2CETH", "{" + STATUS + """
        ,"data":{"BTC":{"id":1,"name":"Bitcoin","symbol":"BTC","quote":{"USD":{"price":68412.57}}},
                 "ETH":{"id":1027,"name":"Ethereum","symbol":"ETH","quote":{"USD":{"price":3905.12}}}}}""");
    connector.api().get("/v1/fiat/map\\?limit=1000", "{" + STATUS + """
        ,"data":[{"id":2781,"name":"United States Dollar","sign":"$","symbol":"USD"},
                 {"id":2790,"name":"Euro","sign":"€","symbol":"EUR"}]}""");
    connector.api().get("/v1/exchange/map\\?limit=1000", "{" + STATUS + """
        ,"data":[{"id":270,"name":"Binance","slug":"binance","is_active":1,
                  "first_historical_data":"2018-04-26T00:45:00.000Z",
                  "last_historical_data":"2024-03-10T11:55:00.000Z"},
                 {"id":294,"name":"OKX","slug":"okx","is_active":1,
                  "first_historical_data":"2018-11-08T00:00:00.000Z",
                  "last_historical_data":"2024-03-10T11:55:00.000Z"}]}
        """);
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"data_type\"]");
    AirbyteConnectionStatus noType = connector.check("{\"api_key\":\"" + SECRET + "\"}");
    assertThat(noType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noType.message()).contains("data_type").doesNotContain(SECRET);
    AirbyteConnectionStatus weekly = connector.check("{\"api_key\":\"k\",\"data_type\":\"weekly\"}");
    assertThat(weekly.message()).contains("data_type", "latest", "historical");
    AirbyteConnectionStatus oneSymbol = connector.check("""
        {"api_key":"k","data_type":"latest","symbols":"BTC"}""");
    assertThat(oneSymbol.message()).contains("symbols", "array");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedKeyFailsWithoutShowingIt() {
    connector.api().route("GET", "/v1/cryptocurrency/categories\\?limit=1000", 401, """
        {"status":{"timestamp":"2024-03-10T12:00:00.000Z","error_code":1001,"error_message":"This API Key is invalid.",
         "elapsed":0,"credit_count":0}}""", 1);
    answerSmallStreams();

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("categories", "401").doesNotContain(SECRET);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("pro-api.coinmarketcap.com");
      assertThat(request.header("X-CMC_PRO_API_KEY")).isEqualTo(SECRET);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsTheFiveStreams() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name)
        .containsExactly("categories", "listing", "quotes", "fiat", "exchange");
    assertThat(streams).allSatisfy(stream ->
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH));
    assertThat(streams).filteredOn(stream -> !stream.name().equals("quotes")).allSatisfy(stream ->
        assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id"))));
    assertThat(streams.get(2).sourceDefinedPrimaryKey()).isNullOrEmpty();
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void categoriesArePagedByOffset() throws Exception {
    String full = IntStream.range(0, 1000).mapToObj(i -> category("cat%04d".formatted(i), "Sector " + i, i))
        .collect(Collectors.joining(",", "{" + STATUS + ",\"data\":[", "]}"));
    connector.api().get("/v1/cryptocurrency/categories\\?(?=.*start=1000).*", "{" + STATUS + ",\"data\":["
        + category("cat1000", "Memes", 412) + "]}");
    connector.api().get("/v1/cryptocurrency/categories\\?limit=1000", full);

    var read = connector.read(CONFIG, List.of(), "categories");

    assertThat(read.records("categories")).hasSize(1001);
    assertThat(read.records("categories").getLast()).containsEntry("id", "cat1000").containsEntry("name", "Memes")
        .containsEntry("num_tokens", 412L).containsEntry("market_cap", 2418855337.91)
        .containsEntry("volume_change", 12.07);
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query)
        .containsExactly(Map.of("limit", "1000"), Map.of("start", "1000", "limit", "1000"));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readsEveryStream() throws Exception {
    answerSmallStreams();

    var read = connector.read(CONFIG, List.of());

    assertThat(read.records("categories")).singleElement().satisfies(category ->
        assertThat(category).containsEntry("title", "Layer 1").containsEntry("num_tokens", 118L));
    assertThat(read.records("listing")).extracting(coin -> coin.get("symbol")).containsExactly("BTC", "ETH");
    assertThat(read.records("listing").get(1)).containsEntry("id", 1027L).containsEntry("cmc_rank", 2L)
        .containsEntry("max_supply", null).containsEntry("circulating_supply", 120074011.5)
        .containsEntry("tags", "[\"pos\",\"smart-contracts\"]");
    assertThat((String) read.records("listing").getFirst().get("quote")).contains("\"price\":68412.57");
    assertThat(read.records("quotes")).hasSize(1);
    assertThat(read.records("fiat")).extracting(fiat -> fiat.get("sign")).containsExactly("$", "€");
    assertThat(read.records("exchange")).extracting(exchange -> exchange.get("slug")).containsExactly("binance", "okx");
    assertThat(read.records("exchange").getFirst()).containsEntry("is_active", 1L)
        .containsEntry("first_historical_data", "2018-04-26T00:45:00.000Z");
    assertThat(connector.api().requests()).extracting(request -> request.path() + " " + request.query())
        .containsExactly("/v1/cryptocurrency/categories {limit=1000}",
            "/v1/cryptocurrency/listings/latest {limit=1000}", "/v1/cryptocurrency/quotes/latest {symbol=BTC,ETH}",
            "/v1/fiat/map {limit=1000}", "/v1/exchange/map {limit=1000}");
    assertThat(connector.api().requests()).allSatisfy(request ->
        assertThat(request.header("X-CMC_PRO_API_KEY")).isEqualTo(SECRET));
    assertThat(read.logs()).noneMatch(line -> line.contains(SECRET));

    // The quotes' data object is the one record, keyed by symbol.
    JsonNode quotes = connector.jsonRecords(CONFIG, "quotes").getFirst();
    assertThat(quotes.path("BTC").path("quote").path("USD").path("price").asDouble()).isEqualTo(68412.57);
    assertThat(quotes.path("ETH").path("id").asInt()).isEqualTo(1027);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void historicalDataGoesInThePaths() throws Exception {
    connector.api().get("/v1/cryptocurrency/listings/historical\\?limit=1000", "{" + STATUS + ",\"data\":[]}");
    connector.api().get("/v1/cryptocurrency/quotes/historical\\?symbol=BTC", "{" + STATUS + ",\"data\":{}}");

    connector.read("{\"api_key\":\"%s\",\"data_type\":\"historical\",\"symbols\":[\"BTC\"]}".formatted(SECRET),
        List.of(), "listing", "quotes");

    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path)
        .containsExactly("/v1/cryptocurrency/listings/historical", "/v1/cryptocurrency/quotes/historical");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
