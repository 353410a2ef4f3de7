package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whisky Hunter: three public lists (auction results by month, auction houses, distilleries), one page each, no
 * authentication. What the folder lacks, and so what this gate cannot show: the spec has no properties (nothing to
 * validate but the configuration being an object), no stream has a primary key or a cursor (no incremental read), no
 * stream paginates, and the manifest maps no errors (a failing check is the default mapping's).
 */
class WhiskyHunterManifestGate {
  private static final String CONFIG = "{}";
  private static final String AUCTIONS_DATA = """
      [{"dt":"2024-02-01","auction_name":"Scotch Whisky Auctions","auction_slug":"scotchwhiskyauctions",
        "auction_trading_volume":1843250.5,"auction_lots_count":4120,"all_auctions_lots_count":18877,
        "winning_bid_max":21000.0,"winning_bid_min":12.0,"winning_bid_mean":447.39},
       {"dt":"2024-02-01","auction_name":"Whisky Auctioneer","auction_slug":"whiskyauctioneer",
        "auction_trading_volume":3120480.0,"auction_lots_count":6530,"all_auctions_lots_count":18877,
        "winning_bid_max":60500.0,"winning_bid_min":15.0,"winning_bid_mean":477.87}]""";
  private static final String AUCTIONS_INFO = """
      [{"name":"Whisky Auctioneer","slug":"whiskyauctioneer","url":"https://whiskyauctioneer.com",
        "base_currency":"GBP","buyers_fee":10.0,"sellers_fee":10.0,"reserve_fee":5.0,"listing_fee":3.0}]""";
  private static final String DISTILLERIES_INFO = """
      [{"name":"Ardbeg","slug":"ardbeg","country":"Scotland","whiskybase_whiskies":"2417",
        "whiskybase_votes":"118402","whiskybase_rating":"87.41"},
       {"name":"Yoichi","slug":"yoichi","country":"Japan","whiskybase_whiskies":"612",
        "whiskybase_votes":"9023","whiskybase_rating":"86.90"}]""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-whisky-hunter");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private void answerAll() {
    // The manifest writes the query into each path (`/auctions_data/?format=json`), slash and all.
    connector.api().get("/api/auctions_data/\\?format=json", AUCTIONS_DATA)
        .get("/api/auctions_info\\?format=json", AUCTIONS_INFO)
        .get("/api/distilleries_info/\\?format=json", DISTILLERIES_INFO);
  }

  @Test
  void specRequiresNothingButAnObjectConfiguration() {
    assertThat(connector.source().spec().connectionSpecification().path("required")).isEmpty();
    assertThat(connector.source().spec().connectionSpecification().path("properties")).isEmpty();

    AirbyteConnectionStatus notAnObject = connector.check("[]");
    assertThat(notAnObject.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(notAnObject.message()).contains("JSON object");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsTheFirstPageOfEachOfItsThreeStreams() {
    answerAll();

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path)
        .containsExactly("/api/auctions_data/", "/api/auctions_info", "/api/distilleries_info/");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void aCheckAgainstAnApiThatKeepsFailingIsRetriedThenNamesTheStream() {
    // No error handler in the manifest: a 503 is retried (five times, as the CDK's default) and then fails.
    connector.api().route("GET", "/api/auctions_data/\\?format=json", 503, "{\"detail\":\"Service unavailable\"}",
        Integer.MAX_VALUE);

    AirbyteConnectionStatus status = connector.check(CONFIG);

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("auctions_data").contains("503");
    assertThat(connector.api().requests()).hasSize(6);
  }

  @Test
  void discoverListsThreeFullRefreshStreamsWithoutPrimaryKeys() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name)
        .containsExactly("auctions_data", "auctions_info", "distilleries_info");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
    });
  }

  @Test
  void readsEveryStreamAsTheApiListsIt() throws Exception {
    answerAll();

    CorpusConnector.Read read = connector.read(CONFIG, List.of());

    // The whole response is the list of records (`field_path: []`), typed by the inline schemas.
    assertThat(read.records("auctions_data")).hasSize(2).first().satisfies(record -> assertThat(record)
        .containsEntry("dt", "2024-02-01").containsEntry("auction_slug", "scotchwhiskyauctions")
        .containsEntry("auction_lots_count", 4120L).containsEntry("auction_trading_volume", 1843250.5)
        .containsEntry("winning_bid_mean", 447.39));
    assertThat(read.records("auctions_info")).singleElement().satisfies(record -> assertThat(record)
        .containsEntry("slug", "whiskyauctioneer").containsEntry("base_currency", "GBP")
        .containsEntry("buyers_fee", 10.0));
    // The schema declares Whiskybase's counts as strings, and so they stay.
    assertThat(read.records("distilleries_info")).extracting(record -> record.get("whiskybase_votes"))
        .containsExactly("118402", "9023");
    assertThat(read.records("distilleries_info")).extracting(record -> record.get("country"))
        .containsExactly("Scotland", "Japan");

    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("whiskyhunter.net");
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.query()).isEqualTo(Map.of("format", "json"));
      assertThat(request.header("Authorization")).isNull();
    });
    assertThat(connector.api().requests()).hasSize(3);
    assertThat(read.states()).isEmpty();
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
