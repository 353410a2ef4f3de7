package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
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
 * NewsData.io: {@code latest_news} and {@code historical_news} (the archive, for paying plans), filtered by the
 * config's query and lists of countries, categories, languages and domains (joined with commas; those not set are
 * left out), paged by {@code nextPage}; the archive is incremental on {@code pubDate}, one window from the config's
 * {@code start_date} to its {@code end_date} sent as {@code from_date}/{@code to_date}. The API key goes in the query
 * as {@code apikey}, so every URL holds it: messages and logs must not.
 *
 * <p>The manifest maps the archive's 403 to a failure saying it is for premium users. What it lacks: without an
 * {@code end_date} the archive's end is {@code now_utc()} printed as {@code 2024-03-10 12:00:00+00:00}, which its
 * format {@code %Y-%m-%d} does not read: the read fails as it does in the CDK (asserted below), so the other reads
 * set an end date.
 */
class NewsdataIoManifestGate {
  private static final String SECRET = "pub_FAKE38f0c2d9a7b64e15";
  private static final String CONFIG = """
      {"api_key":"%s","start_date":"2024-03-08T00:00:00Z","end_date":"2024-03-10",
       "countries":["au","nz"],"categories":["technology","science"],"search_query":"solar"}""".formatted(SECRET);
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-newsdata-io");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String article(String id, String title, String published) {
    return """
        {"article_id":"%s","title":"%s","link":"https://news.example.com/%s","keywords":["solar","energy"],
         "creator":["Staff Reporter"],"video_url":null,"description":"A short summary.",
         "content":"ONLY AVAILABLE IN PAID PLANS","pubDate":"%s","pubDateTZ":"UTC","image_url":null,
         "source_id":"example_news","source_priority":48213,"source_name":"Example News",
         "source_url":"https://news.example.com","source_icon":null,"language":"english","country":["australia"],
         "category":["technology"],"ai_tag":"ONLY AVAILABLE IN PROFESSIONAL AND CORPORATE PLANS",
         "sentiment":"ONLY AVAILABLE IN PROFESSIONAL AND CORPORATE PLANS",
         "sentiment_stats":"ONLY AVAILABLE IN PROFESSIONAL AND CORPORATE PLANS",
         "ai_region":"ONLY AVAILABLE IN CORPORATE PLANS","ai_org":"ONLY AVAILABLE IN CORPORATE PLANS",
         "duplicate":false}""".formatted(id, title, id, published);
  }

  private static String page(String nextPage, String... articles) {
    return "{\"status\":\"success\",\"totalResults\":3,\"results\":[" + String.join(",", articles)
        + "],\"nextPage\":" + nextPage + "}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"start_date\"]");
    AirbyteConnectionStatus noStart = connector.check("{\"api_key\":\"" + SECRET + "\"}");
    assertThat(noStart.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noStart.message()).contains("start_date").doesNotContain(SECRET);
    AirbyteConnectionStatus oneCountry = connector.check("""
        {"api_key":"k","start_date":"2024-03-08T00:00:00Z","countries":"au"}""");
    assertThat(oneCountry.message()).contains("countries", "array");
    AirbyteConnectionStatus dateOnly = connector.check("""
        {"api_key":"k","start_date":"2024-03-08"}""");
    assertThat(dateOnly.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(dateOnly.message()).contains("start_date", "must match");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedKeyFailsWithoutShowingIt() {
    connector.api().route("GET", "/api/1/latest\\?.*", 401, """
        {"status":"error","results":{"message":"API key is invalid. Please check the API key and try again.",
         "code":"Unauthorized"}}""", 1);
    connector.api().get("/api/1/latest\\?.*", page("null"));

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("latest_news", "401").doesNotContain(SECRET);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).allSatisfy(request ->
        assertThat(request.query()).containsEntry("apikey", SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsLatestAndIncrementalHistoricalNews() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name).containsExactly("latest_news", "historical_news");
    assertThat(streams).allSatisfy(stream ->
        assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("article_id"))));
    assertThat(streams.getFirst().supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams.get(1).supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(streams.get(1).defaultCursorField()).isEqualTo(List.of("pubDate"));
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsLatestNewsAcrossPagesWithTheConfiguredFilters() throws Exception {
    connector.api().get("/api/1/latest\\?(?=.*page=1710049500123456789).*", page("null",
        article("c3", "Grid battery pilot expands", "2024-03-10 07:25:00")));
    connector.api().get("/api/1/latest\\?.*", page("\"1710049500123456789\"",
        article("c1", "Rooftop solar hits a record", "2024-03-10 09:40:12"),
        article("c2", "New panel coating tested", "2024-03-10 08:02:55")));

    var read = connector.read(CONFIG, List.of(), "latest_news");

    assertThat(read.records("latest_news")).extracting(news -> news.get("article_id"))
        .containsExactly("c1", "c2", "c3");
    assertThat(read.records("latest_news").getFirst()).containsEntry("title", "Rooftop solar hits a record")
        .containsEntry("pubDate", "2024-03-10 09:40:12").containsEntry("source_priority", 48213.0)
        .containsEntry("duplicate", false).containsEntry("keywords", "[\"solar\",\"energy\"]");
    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).extracting(request -> request.query().get("page")).containsExactly(null,
        "1710049500123456789");
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("newsdata.io");
      assertThat(request.path()).isEqualTo("/api/1/latest");
      // Lists joined with commas; the languages and domains not configured are left out.
      assertThat(request.query()).containsEntry("apikey", SECRET).containsEntry("q", "solar")
          .containsEntry("country", "au,nz").containsEntry("category", "technology,science")
          .doesNotContainKeys("language", "domain", "from_date");
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readsTheArchiveFromTheStartDateThenFromTheLatestDay() throws Exception {
    connector.api().get("/api/1/archive\\?(?=.*from_date=2024-03-08)(?=.*page=1709990000555).*", page("null",
        article("h3", "Storage tariffs debated", "2024-03-08 16:45:00")));
    connector.api().get("/api/1/archive\\?(?=.*from_date=2024-03-08).*", page("\"1709990000555\"",
        article("h1", "Solar farm approved", "2024-03-09 18:30:00"),
        article("h2", "Inverter recall", "2024-03-09 06:10:00")));
    connector.api().get("/api/1/archive\\?(?=.*from_date=2024-03-09).*", page("null"));

    var first = connector.read(CONFIG, List.of(), "historical_news");

    assertThat(first.records("historical_news")).hasSize(3);
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.path()).isEqualTo("/api/1/archive");
      assertThat(request.query()).containsEntry("from_date", "2024-03-08").containsEntry("to_date", "2024-03-10")
          .containsEntry("apikey", SECRET).containsEntry("country", "au,nz");
    });
    // The newest pubDate, in the cursor's format (a day).
    assertThat(first.lastState("historical_news")).isEqualTo(Json.parse("{\"pubDate\":\"2024-03-09\"}"));

    connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("historical_news"),
        first.lastState("historical_news"))), "historical_news");
    assertThat(connector.api().requests().getLast().query()).containsEntry("from_date", "2024-03-09")
        .containsEntry("to_date", "2024-03-10").doesNotContainKey("page");

    List<JsonNode> records = connector.jsonRecords(CONFIG, "historical_news");
    assertThat(records).extracting(news -> news.path("title").asText())
        .containsExactly("Solar farm approved", "Inverter recall", "Storage tariffs debated");
    assertThat(records.getFirst().path("country").get(0).asText()).isEqualTo("australia");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void theArchiveOnAFreePlanFailsWithTheManifestsMessageAndNoKey() throws Exception {
    connector.api().route("GET", "/api/1/archive\\?.*", 403, """
        {"status":"error","results":{"message":"Access Denied! To access this endpoint, upgrade your plan.",
         "code":"AccessDenied"}}""", Integer.MAX_VALUE);

    assertThatThrownBy(() -> connector.read(CONFIG, List.of(), "historical_news"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("Only Available for Premium Users")
        .hasMessageNotContaining(SECRET);
    // Not retried: the manifest says FAIL.
    assertThat(connector.api().requests()).hasSize(1);
  }

  @Test
  void withoutAnEndDateTheArchiveCannotReadNowInItsFormat() {
    String noEnd = CONFIG.replace("\"end_date\":\"2024-03-10\",", "");

    assertThatThrownBy(() -> connector.read(noEnd, List.of(), "historical_news"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("%Y-%m-%d")
        .hasMessageNotContaining(SECRET);
    assertThat(connector.api().requests()).isEmpty();
  }
}
