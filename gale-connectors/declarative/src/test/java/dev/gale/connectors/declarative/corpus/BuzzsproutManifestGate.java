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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Buzzsprout: a podcast's episodes (incremental on {@code published_at}) and the account's podcasts, the API key in
 * a {@code Token token=...} Authorization header the manifest writes itself, no pagination (each endpoint returns
 * one JSON array).
 *
 * <p>What the folder lacks: the streams' schemas declare no properties, so a sync's typed rows have no columns (Gale
 * keeps the columns a schema declares); the records' content is asserted as JSON through {@code jsonRecords}. The
 * cursor has no request option, so the API is asked for every episode on every read: the state moves forward but the
 * second read's request is the same as the first. Its only error mapping is 429 (rate limited); a rejected key falls
 * to the interpreter's default handling of a 401.
 */
class BuzzsproutManifestGate {
  private static final String API_KEY = "fake-buzz-key-0e5a91";
  private static final String CONFIG = """
      {"api_key":"%s","podcast_id":"884412","start_date":"2024-01-01T00:00:00Z"}""".formatted(API_KEY);
  private static final String EPISODES = """
      [{"id":1500101,"title":"Pilot","audio_url":"https://www.buzzsprout.com/884412/1500101-pilot.mp3",
        "description":"<p>Where it starts.</p>","artist":"Hosts","tags":"intro","duration":1830,
        "published_at":"2024-01-15T06:00:00.000-05:00","guid":"Buzzsprout-1500101","episode_number":1,
        "season_number":1,"explicit":false,"private":false,"total_plays":412},
       {"id":1500102,"title":"Second wind","audio_url":"https://www.buzzsprout.com/884412/1500102-second.mp3",
        "description":"<p>More.</p>","artist":"Hosts","tags":"","duration":2410,
        "published_at":"2024-02-20T11:30:00.000+00:00","guid":"Buzzsprout-1500102","episode_number":2,
        "season_number":1,"explicit":true,"private":false,"total_plays":268},
       {"id":1500103,"title":"Spring","audio_url":"https://www.buzzsprout.com/884412/1500103-spring.mp3",
        "description":"<p>Later.</p>","artist":"Hosts","tags":"","duration":1999,
        "published_at":"2024-02-02T09:00:00.000-05:00","guid":"Buzzsprout-1500103","episode_number":3,
        "season_number":1,"explicit":false,"private":false,"total_plays":150}]""";
  private static final String PODCASTS = """
      [{"id":884412,"title":"Gale Talk","author":"Gale team","contact_email":"pod@gale.example",
        "description":"Data pipelines, out loud.","website_address":"https://gale.example/pod","language":"en-us",
        "timezone":"America/New_York","explicit":false}]""";

  private final CorpusConnector connector = CorpusConnector.open("source-buzzsprout");

  BuzzsproutManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"podcast_id\",\"start_date\"]");

    AirbyteConnectionStatus missing = connector.check("{\"api_key\":\"" + API_KEY + "\",\"podcast_id\":\"884412\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("start_date").doesNotContain(API_KEY);
    AirbyteConnectionStatus wrongType = connector.check(
        "{\"api_key\":\"" + API_KEY + "\",\"podcast_id\":884412,\"start_date\":\"2024-01-01T00:00:00Z\"}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("podcast_id");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSendsTheTokenHeader() {
    connector.api().get("/api/884412/episodes\\.json", EPISODES);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("www.buzzsprout.com");
      assertThat(request.path()).isEqualTo("/api/884412/episodes.json");
      assertThat(request.header("Authorization")).isEqualTo("Token token=" + API_KEY);
      assertThat(request.header("User-Agent")).startsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
      assertThat(request.query()).isEmpty();
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkRetriesARateLimitThenFailsOnARejectedKeyWithoutTheKey() {
    // The manifest's one mapping: 429 is rate limiting, retried.
    connector.api().route("GET", "/api/884412/episodes\\.json", 429, "{\"error\":\"Too many requests\"}", 1)
        .route("GET", "/api/884412/episodes\\.json", 401, "HTTP Token: Access denied.", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("episodes").contains("401").doesNotContain(API_KEY);
    assertThat(connector.api().requests()).hasSize(2);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("episodes", "podcasts");
    assertThat(streams.get("episodes").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(streams.get("episodes").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH,
        SyncMode.INCREMENTAL);
    assertThat(streams.get("episodes").defaultCursorField()).isEqualTo(List.of("published_at"));
    assertThat(streams.get("podcasts").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(streams.get("podcasts").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
  }

  @Test
  void readEpisodesIncrementallyThenFromTheState() throws Exception {
    connector.api().get("/api/884412/episodes\\.json", EPISODES);

    var first = connector.read(CONFIG, List.of(), "episodes");
    assertThat(first.records("episodes")).hasSize(3);
    // The latest published_at of the read (compared as instants across offsets), written back in the cursor's
    // format: microseconds and a colon-less offset, as Python's strftime writes %f%z.
    JsonNode state = first.lastState("episodes");
    assertThat(state.toString()).isEqualTo("{\"published_at\":\"2024-02-20T11:30:00.000000+0000\"}");

    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("episodes"), state)),
        "episodes");
    assertThat(second.lastState("episodes")).isEqualTo(state);
    // No request option: the second read asks exactly what the first did.
    assertThat(connector.api().requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.path()).isEqualTo("/api/884412/episodes.json");
      assertThat(request.query()).isEmpty();
      assertThat(request.header("Authorization")).isEqualTo("Token token=" + API_KEY);
    });
    assertThat(first.logs()).noneMatch(line -> line.contains(API_KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void episodesAndPodcastsAsJson() throws Exception {
    connector.api().get("/api/884412/episodes\\.json", EPISODES).get("/api/podcasts\\.json", PODCASTS);

    List<JsonNode> episodes = connector.jsonRecords(CONFIG, "episodes");
    assertThat(episodes).extracting(episode -> episode.path("title").asText())
        .containsExactly("Pilot", "Second wind", "Spring");
    assertThat(episodes.get(1).path("duration").asInt()).isEqualTo(2410);

    var read = connector.read(CONFIG, List.of(), "podcasts");
    assertThat(read.records("podcasts")).hasSize(1);
    List<JsonNode> podcasts = connector.jsonRecords(CONFIG, "podcasts");
    assertThat(podcasts).singleElement().satisfies(podcast -> {
      assertThat(podcast.path("id").asLong()).isEqualTo(884412L);
      assertThat(podcast.path("title").asText()).isEqualTo("Gale Talk");
    });
    assertThat(connector.api().requestsTo("www.buzzsprout.com")).extracting(CorpusApi.Request::path)
        .containsExactly("/api/884412/episodes.json", "/api/podcasts.json", "/api/podcasts.json");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
