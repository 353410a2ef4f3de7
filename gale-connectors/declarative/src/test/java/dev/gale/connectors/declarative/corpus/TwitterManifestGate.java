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
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Twitter (API v2): {@code tweets} from recent search, the config's query with the tweet fields the manifest asks
 * for, 100 a page by {@code next_token}, incremental on {@code created_at} in windows of 7 days sent as
 * {@code start_time}/{@code end_time}: from the config's dates, or else from now minus 6 days 23 hours to now minus
 * 10 seconds. The manifest's bearer authenticator names a {@code header: apikey}, which the component does not have
 * (the CDK ignores it too): the token goes as {@code Authorization: Bearer}.
 *
 * <p>What the folder lacks: no error mapping of its own (a rejected token fails by the default mapping of a 401).
 */
class TwitterManifestGate {
  private static final String SECRET = "AAAAAAAAAAAAAAAAAAAAAFAKE%2Fbearer0Token9x";
  private static final String CONFIG = """
      {"api_key":"%s","query":"#opensource lang:en"}""".formatted(SECRET);
  private static final String FIELDS = "author_id,conversation_id,created_at,in_reply_to_user_id,lang";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-twitter");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"query\"]");
    AirbyteConnectionStatus noQuery = connector.check("{\"api_key\":\"" + SECRET + "\"}");
    assertThat(noQuery.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noQuery.message()).contains("query").doesNotContain(SECRET);
    AirbyteConnectionStatus noKey = connector.check("{\"query\":\"airbyte\"}");
    assertThat(noKey.message()).contains("api_key");
    AirbyteConnectionStatus badDate = connector.check("""
        {"api_key":"x","query":"airbyte","start_date":20240301}""");
    assertThat(badDate.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(badDate.message()).contains("start_date");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedTokenFailsWithoutShowingIt() {
    connector.api().route("GET", "/2/tweets/search/recent\\?.*", 401, """
        {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", 1);
    connector.api().get("/2/tweets/search/recent\\?.*", """
        {"meta":{"result_count":0}}""");

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("tweets", "401").doesNotContain(SECRET);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).allSatisfy(request ->
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsTweetsAsIncrementalOnCreatedAt() {
    AirbyteStream tweets = connector.discover(CONFIG).streams().getFirst();
    assertThat(tweets.name()).isEqualTo("tweets");
    assertThat(tweets.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(tweets.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(tweets.defaultCursorField()).isEqualTo(List.of("created_at"));
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsTheLastWeekAcrossPagesThenResumesFromTheNewestTweet() throws Exception {
    // Recent search answers newest first; the page after the first is asked for by its next_token.
    connector.api().get("/2/tweets/search/recent\\?.*next_token=b26v89c19zqg8o3fo7gesq314yb9l2l4ptqy.*", """
        {"data":[{"id":"1765500000000000003","text":"Shipping a new release of our #opensource parser",
                  "created_at":"2024-03-06T08:15:42.000Z","author_id":"9001","conversation_id":"1765500000000000003",
                  "lang":"en","edit_history_tweet_ids":["1765500000000000003"]}],
         "meta":{"newest_id":"1765500000000000003","oldest_id":"1765500000000000003","result_count":1}}""");
    connector.api().get("/2/tweets/search/recent\\?.*start_time=2024-03-03T13%3A00%3A00.000Z.*", """
        {"data":[{"id":"1766600000000000001","text":"Reviewing pull requests all afternoon #opensource",
                  "created_at":"2024-03-09T21:04:11.000Z","author_id":"9002","conversation_id":"1766600000000000001",
                  "lang":"en","edit_history_tweet_ids":["1766600000000000001"]},
                 {"id":"1766100000000000002","text":"@maintainer thanks, that fixed it #opensource",
                  "created_at":"2024-03-08T11:30:00.000Z","author_id":"9003","conversation_id":"1765900000000000000",
                  "in_reply_to_user_id":"9002","lang":"en","edit_history_tweet_ids":["1766100000000000002"]}],
         "meta":{"newest_id":"1766600000000000001","oldest_id":"1766100000000000002","result_count":2,
                 "next_token":"b26v89c19zqg8o3fo7gesq314yb9l2l4ptqy"}}""");
    // The second read starts at the newest tweet of the first.
    connector.api().get("/2/tweets/search/recent\\?.*start_time=2024-03-09T21%3A04%3A11.000Z.*", """
        {"meta":{"result_count":0}}""");

    var first = connector.read(CONFIG, List.of());

    assertThat(first.records("tweets")).extracting(tweet -> tweet.get("id"))
        .containsExactly("1766600000000000001", "1766100000000000002", "1765500000000000003");
    assertThat(first.records("tweets").get(1)).containsEntry("in_reply_to_user_id", "9002")
        .containsEntry("created_at", OffsetDateTime.parse("2024-03-08T11:30:00Z")).containsEntry("lang", "en")
        .containsEntry("edit_history_tweet_ids", "[\"1766100000000000002\"]");
    assertThat(first.lastState("tweets")).isEqualTo(Json.parse("{\"created_at\":\"2024-03-09T21:04:11.000Z\"}"));
    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).hasSize(2).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.twitter.com");
      assertThat(request.path()).isEqualTo("/2/tweets/search/recent");
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
      assertThat(request.query()).containsEntry("query", "#opensource lang:en").containsEntry("tweet.fields", FIELDS)
          .containsEntry("max_results", "100").containsEntry("start_time", "2024-03-03T13:00:00.000Z")
          .containsEntry("end_time", "2024-03-10T11:59:50.000Z");
    });
    assertThat(requests).extracting(request -> request.query().get("next_token"))
        .containsExactly(null, "b26v89c19zqg8o3fo7gesq314yb9l2l4ptqy");

    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("tweets"),
        first.lastState("tweets"))));

    assertThat(second.records("tweets")).isEmpty();
    assertThat(connector.api().requests().getLast().query()).containsEntry("start_time", "2024-03-09T21:04:11.000Z")
        .containsEntry("end_time", "2024-03-10T11:59:50.000Z").doesNotContainKey("next_token");
    assertThat(second.lastState("tweets")).isEqualTo(first.lastState("tweets"));
    assertThat(first.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void configuredDatesAreCutIntoWeeks() throws Exception {
    connector.api().get("/2/tweets/search/recent\\?.*", "{\"meta\":{\"result_count\":0}}");

    var read = connector.read("""
        {"api_key":"%s","query":"airbyte","start_date":"2024-02-20T00:00:00Z","end_date":"2024-03-01T06:00:00Z"}"""
        .formatted(SECRET), List.of());

    assertThat(connector.api().requests()).extracting(request -> request.query().get("start_time") + " "
        + request.query().get("end_time")).containsExactly(
        "2024-02-20T00:00:00.000Z 2024-02-27T00:00:00.000Z",
        "2024-02-27T00:00:00.000Z 2024-03-01T06:00:00.000Z");
    // No tweet was seen: the state is the start of the window read.
    assertThat(read.lastState("tweets")).isEqualTo(Json.parse("{\"created_at\":\"2024-02-20T00:00:00.000Z\"}"));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
