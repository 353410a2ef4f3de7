package dev.gale.connectors.declarative.corpus;

import static dev.gale.connectors.declarative.corpus.CorpusApi.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * News API v2: {@code everything} matching a query and {@code top_headlines}, with the key in the
 * {@code X-Api-Key} header and the search built from the config (lists joined with commas, empty ones left out;
 * country and category only without sources). Pages are numbered from 0 without sending the first number, so the
 * second request asks for {@code page=1} (the API numbers from 1: a quirk of the manifest, kept); the 426 the API
 * answers past a plan's result limit is ignored, ending the stream. What the folder lacks: no cursor (no incremental
 * read). The spec's defaults fill country, category and sort order when the config leaves them out, so only the key
 * can be missing.
 */
class NewsApiManifestGate {
  private static final String KEY = "news-fake-key-8c6e4a2f0b";
  private static final String CONFIG = """
      {"api_key":"%s","search_query":"bitcoin","search_in":["title","description"],"start_date":"2024-03-01",
       "end_date":"2024-03-09","language":"en","country":"us","category":"technology","sort_by":"publishedAt"}"""
      .formatted(KEY);
  private static final String TOO_MANY = """
      {"status":"error","code":"maximumResultsReached","message":"You have requested too many results. Developer \
      accounts are limited to a max of 100 results. You are trying to request results 200 to 300. Please upgrade \
      to a paid plan if you need more results."}""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-news-api");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  /** A page of {@code count} articles, published a minute apart going back from {@code latest}. */
  private static String articles(int count, String latest, int total) {
    List<String> articles = new ArrayList<>();
    Instant published = Instant.parse(latest);
    for (int i = 0; i < count; i++) {
      articles.add("""
          {"source":{"id":%s,"name":"%s"},"author":"Reporter %d","title":"Bitcoin moves, part %d",
           "description":"Markets react.","url":"https://news.example.com/bitcoin/%d",
           "urlToImage":null,"publishedAt":"%s","content":"Markets react... [+1200 chars]"}"""
          .formatted(i % 2 == 0 ? "\"wired\"" : "null", i % 2 == 0 ? "Wired" : "Example Daily", i, i, i,
              published.minusSeconds(60L * i)));
    }
    return "{\"status\":\"ok\",\"totalResults\":%d,\"articles\":[%s]}".formatted(total, String.join(",", articles));
  }

  @Test
  void specRequiresTheKeyAndFillsTheRestFromItsDefaults() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"country\",\"category\",\"sort_by\"]");

    AirbyteConnectionStatus missing = connector.check("{\"country\":\"us\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_key").doesNotContain("country");
    AirbyteConnectionStatus wrongEnum = connector.check(CONFIG.replace("\"us\"", "\"xx\""));
    assertThat(wrongEnum.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongEnum.message()).contains("country").doesNotContain(KEY);
    // Each place to search in is one of three.
    AirbyteConnectionStatus wrongItem = connector.check(CONFIG.replace("\"description\"", "\"body\""));
    assertThat(wrongItem.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongItem.message()).contains("search_in[1]");
    // So is the spec's date pattern.
    AirbyteConnectionStatus wrongDate = connector.check(CONFIG.replace("2024-03-01", "01/03/2024"));
    assertThat(wrongDate.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongDate.message()).contains("start_date");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsBothStreamsAndARejectedKeyFailsItWithoutShowingIt() {
    connector.api().get(withQuery("/v2/everything"), articles(2, "2024-03-09T14:05:00Z", 2))
        .get(withQuery("/v2/top-headlines"), articles(1, "2024-03-09T16:00:00Z", 1));
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path)
        .containsExactly("/v2/everything", "/v2/top-headlines");

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", withQuery("/v2/everything"), 401, """
          {"status":"error","code":"apiKeyInvalid","message":"Your API key is invalid or incorrect. Check your \
          key, or go to https://newsapi.org to create a free API key."}""", Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("everything").contains("401").doesNotContain(KEY);
    }
  }

  @Test
  void discoverListsTwoFullRefreshStreamsKeyedByPublicationTime() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name).containsExactly("everything", "top_headlines");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("publishedAt")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void everythingIsPagedUntilThePlansLimitWhichIsIgnored() throws Exception {
    connector.api()
        .route("GET", withQuery("/v2/everything", "page=2"), 426, TOO_MANY, Integer.MAX_VALUE)
        .get(withQuery("/v2/everything", "page=1"), articles(100, "2024-03-08T10:00:00Z", 250))
        .get(withQuery("/v2/everything"), articles(100, "2024-03-09T14:05:00Z", 250));

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "everything");

    List<Map<String, Object>> records = read.records("everything");
    assertThat(records).hasSize(200);
    assertThat(records.getFirst()).containsEntry("author", "Reporter 0").containsEntry("title", "Bitcoin moves, part 0")
        .containsEntry("url", "https://news.example.com/bitcoin/0")
        .containsEntry("publishedAt", OffsetDateTime.of(2024, 3, 9, 14, 5, 0, 0, ZoneOffset.UTC))
        .containsEntry("source", "{\"id\":\"wired\",\"name\":\"Wired\"}");
    assertThat(records.get(100)).containsEntry("publishedAt", OffsetDateTime.of(2024, 3, 8, 10, 0, 0, 0,
        ZoneOffset.UTC));

    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).extracting(request -> request.query().get("page")).containsExactly(null, "1", "2");
    Map<String, String> search = new LinkedHashMap<>();
    search.put("q", "bitcoin");
    search.put("searchIn", "title,description");
    search.put("from", "2024-03-01");
    search.put("to", "2024-03-09");
    search.put("language", "en");
    search.put("sortBy", "publishedAt");
    search.put("pageSize", "100");
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("newsapi.org");
      assertThat(request.path()).isEqualTo("/v2/everything");
      assertThat(request.header("X-Api-Key")).isEqualTo(KEY);
      // Empty lists (sources, domains) are left out.
      Map<String, String> query = new LinkedHashMap<>(request.query());
      query.remove("page");
      assertThat(query).isEqualTo(search);
    });
    assertThat(read.logs()).anyMatch(line -> line.contains("426")).noneMatch(line -> line.contains(KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void topHeadlinesAskForCountryAndCategoryUnlessSourcesAreGiven() throws Exception {
    connector.api().get(withQuery("/v2/top-headlines", "page=1"), articles(3, "2024-03-10T07:00:00Z", 103))
        .get(withQuery("/v2/top-headlines"), articles(100, "2024-03-10T09:00:00Z", 103));

    CorpusConnector.Read byCountry = connector.read(CONFIG, List.of(), "top_headlines");
    CorpusConnector.Read bySources = connector.read(CONFIG.replace("\"language\"",
        "\"sources\":[\"bbc-news\",\"reuters\"],\"domains\":[\"bbc.co.uk\"],\"language\""), List.of(),
        "top_headlines");

    assertThat(byCountry.records("top_headlines")).hasSize(103);
    assertThat(bySources.records("top_headlines")).hasSize(103);
    List<CorpusApi.Request> requests = connector.api().requests();
    // A full page, then a short one, for each read.
    assertThat(requests).extracting(request -> request.query().get("page")).containsExactly(null, "1", null, "1");
    assertThat(requests.subList(0, 2)).allSatisfy(request -> assertThat(request.query())
        .containsEntry("country", "us").containsEntry("category", "technology")
        .doesNotContainKeys("sources", "domains"));
    assertThat(requests.subList(2, 4)).allSatisfy(request -> assertThat(request.query())
        .containsEntry("sources", "bbc-news,reuters").containsEntry("domains", "bbc.co.uk")
        .doesNotContainKeys("country", "category"));
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.path()).isEqualTo("/v2/top-headlines");
      assertThat(request.query()).containsEntry("q", "bitcoin").containsEntry("pageSize", "100");
      assertThat(request.header("X-Api-Key")).isEqualTo(KEY);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
