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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Wikipedia pageviews (Wikimedia REST API): {@code per-article}, the daily views of the config's article from
 * {@code start} to {@code end} (YYYYMMDD), incremental on {@code timestamp} (which the API writes YYYYMMDDHH) a day a
 * slice with the slice's first and last day in the path; and {@code top}, the most viewed articles of the
 * {@code start} day, its path cut out of the config's date. Every request names the connector in its User-Agent.
 *
 * <p>What the folder lacks: no authentication (no secret), no pagination, no primary keys, no error mapping of its
 * own (an unknown article's 404 fails the check by the default mapping); {@code country} is required by the spec but
 * used by no stream.
 */
class WikipediaPageviewsManifestGate {
  private static final String AGENT = "AirbyteWikipediaPageviewsConnector/1.0";
  private static final String CONFIG = """
      {"project":"en.wikipedia.org","access":"all-access","agent":"user","article":"Ada_Lovelace","country":"GB",
       "start":"20240301","end":"20240303"}""";
  private static final String ARTICLE = "/api/rest_v1/metrics/pageviews/per-article/en.wikipedia.org/all-access/user/"
      + "Ada_Lovelace/daily/";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-wikipedia-pageviews");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String views(String... dayAndViews) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < dayAndViews.length; i += 2) {
      items.append(items.isEmpty() ? "" : ",").append("""
          {"project":"en.wikipedia","article":"Ada_Lovelace","granularity":"daily","timestamp":"%s00",
           "access":"all-access","agent":"user","views":%s}""".formatted(dayAndViews[i], dayAndViews[i + 1]));
    }
    return "{\"items\":[" + items + "]}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"access\",\"agent\",\"article\",\"country\",\"end\",\"project\",\"start\"]");
    AirbyteConnectionStatus noCountry = connector.check("""
        {"project":"en.wikipedia.org","access":"all-access","agent":"user","article":"Ada_Lovelace",
         "start":"20240301","end":"20240303"}""");
    assertThat(noCountry.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noCountry.message()).contains("country");
    AirbyteConnectionStatus numericStart = connector.check(CONFIG.replace("\"20240301\"", "20240301"));
    assertThat(numericStart.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(numericStart.message()).contains("start", "string");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndAnUnknownArticleFails() {
    connector.api().get(ARTICLE + "20240301/20240301", views("20240301", "5321"));
    connector.api().route("GET", ".*/Nobody_Here_Xyz/daily/.*", 404, """
        {"type":"https://mediawiki.org/wiki/HyperSwitch/errors/not_found","title":"Not found.",
         "method":"get","detail":"The date(s) you used are valid, but we either do not have data for those date(s),
         or the project you asked for is not loaded yet."}""", 1);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    AirbyteConnectionStatus unknown = connector.check(CONFIG.replace("Ada_Lovelace", "Nobody_Here_Xyz"));
    assertThat(unknown.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(unknown.message()).contains("per-article", "404");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsPerArticleAsIncrementalAndTop() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name).containsExactly("per-article", "top");
    assertThat(streams.getFirst().supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(streams.getFirst().defaultCursorField()).isEqualTo(List.of("timestamp"));
    assertThat(streams.get(1).supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams).allSatisfy(stream -> assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty());
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsDailyViewsThenResumesFromTheLastDayWhenTheEndMoves() throws Exception {
    // Day slices, each one day shorter than the step by the granularity, except the last, which reaches the end.
    connector.api().get(ARTICLE + "20240301/20240301", views("20240301", "5321"));
    connector.api().get(ARTICLE + "20240302/20240303", views("20240302", "4980", "20240303", "6102"));
    connector.api().get(ARTICLE + "20240303/20240303", views("20240303", "6102"));
    connector.api().get(ARTICLE + "20240304/20240305", views("20240304", "5877", "20240305", "5012"));
    connector.api().get("/api/rest_v1/metrics/pageviews/top/en.wikipedia.org/all-access/2024/03/01", """
        {"items":[{"project":"en.wikipedia","access":"all-access","year":"2024","month":"03","day":"01",
                   "articles":[{"article":"Main_Page","views":4512876,"rank":1},
                               {"article":"Special:Search","views":1203344,"rank":2},
                               {"article":"Ada_Lovelace","views":5321,"rank":3}]}]}""");

    var first = connector.read(CONFIG, List.of());

    assertThat(first.records("per-article")).extracting(day -> day.get("timestamp") + "=" + day.get("views"))
        .containsExactly("2024030100=5321", "2024030200=4980", "2024030300=6102");
    assertThat(first.records("per-article").getFirst()).containsEntry("article", "Ada_Lovelace")
        .containsEntry("granularity", "daily").containsEntry("agent", "user");
    assertThat(first.records("top")).singleElement().satisfies(top -> {
      assertThat(top).containsEntry("year", "2024").containsEntry("month", "03").containsEntry("day", "01");
      assertThat((String) top.get("articles")).contains("{\"article\":\"Main_Page\",\"views\":4512876,\"rank\":1}");
    });
    // The API's hourly timestamps are read with the cursor's second format; the state is written in the first.
    assertThat(first.lastState("per-article")).isEqualTo(Json.parse("{\"timestamp\":\"20240303\"}"));
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path).containsExactly(
        ARTICLE + "20240301/20240301", ARTICLE + "20240302/20240303",
        "/api/rest_v1/metrics/pageviews/top/en.wikipedia.org/all-access/2024/03/01");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("wikimedia.org");
      assertThat(request.query()).isEmpty();
      assertThat(request.header("User-Agent")).isEqualTo(AGENT);
    });

    // The same end again: nothing is left to read.
    var again = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("per-article"),
        first.lastState("per-article"))), "per-article");
    assertThat(again.records("per-article")).isEmpty();
    assertThat(connector.api().requests()).hasSize(3);

    // A later end: the read starts at the state's day, which it reads again.
    var later = connector.read(CONFIG.replace("20240303", "20240305"), List.of(AirbyteStateMessage.stream(
        StreamDescriptor.of("per-article"), first.lastState("per-article"))), "per-article");
    assertThat(connector.api().requests().subList(3, 5)).extracting(CorpusApi.Request::path)
        .containsExactly(ARTICLE + "20240303/20240303", ARTICLE + "20240304/20240305");
    assertThat(later.records("per-article")).hasSize(3);
    assertThat(later.lastState("per-article")).isEqualTo(Json.parse("{\"timestamp\":\"20240305\"}"));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
