package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio TaskRouter v1: the account's workspaces and each workspace's workers (a substream by workspace sid), with
 * HTTP basic authentication (account sid and auth token), in pages of 50 that follow {@code meta.next_page_url}
 * until it is null. What the folder lacks: no cursor (no incremental read) and no error mapping (a rejected token
 * fails with the default 401).
 */
class TwilioTaskrouterManifestGate {
  private static final String SID = "AC0123456789abcdef0123456789abcdef";
  private static final String TOKEN = "twl-fake-token-5e3c1a9f7b";
  private static final String CONFIG = "{\"account_sid\":\"%s\",\"auth_token\":\"%s\"}".formatted(SID, TOKEN);
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN)
      .getBytes(StandardCharsets.UTF_8));
  private static final String NEXT = "https://taskrouter.twilio.com/v1/Workspaces?PageSize=50&Page=1"
      + "&PageToken=PAWS0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-twilio-taskrouter");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String workspace(String sid, String name) {
    return """
        {"account_sid":"%s","sid":"%s","friendly_name":"%s","date_created":"2023-08-01T22:10:40Z",
         "date_updated":"2024-02-01T10:00:00Z","default_activity_name":"Offline","default_activity_sid":"WA01",
         "timeout_activity_name":"Offline","timeout_activity_sid":"WA01","event_callback_url":null,
         "events_filter":null,"multi_task_enabled":true,"prioritize_queue_order":"FIFO",
         "url":"https://taskrouter.twilio.com/v1/Workspaces/%s",
         "links":{"workers":"https://taskrouter.twilio.com/v1/Workspaces/%s/Workers"}}"""
        .formatted(SID, sid, name, sid, sid);
  }

  private static String page(String key, String next, String... records) {
    return """
        {"%s":[%s],"meta":{"page":0,"page_size":50,"key":"%s","previous_page_url":null,"next_page_url":%s,
         "url":"https://taskrouter.twilio.com/v1/Workspaces?PageSize=50&Page=0",
         "first_page_url":"https://taskrouter.twilio.com/v1/Workspaces?PageSize=50&Page=0"}}"""
        .formatted(key, String.join(",", records), key, next == null ? "null" : "\"" + next + "\"");
  }

  private static String worker(String workspace, String sid, String name, boolean available) {
    return """
        {"account_sid":"%s","workspace_sid":"%s","sid":"%s","friendly_name":"%s","available":%s,
         "activity_name":"%s","activity_sid":"WA02",
         "attributes":"{\\"skills\\":[\\"billing\\"],\\"languages\\":[\\"en\\"]}",
         "date_created":"2023-09-12T08:00:00Z","date_updated":"2024-03-01T09:30:00Z",
         "date_status_changed":"2024-03-10T11:45:00Z","url":"https://taskrouter.twilio.com/v1/Workspaces/%s/Workers/%s",
         "links":{"channels":"https://taskrouter.twilio.com/v1/Workspaces/%s/Workers/%s/Channels"}}"""
        .formatted(SID, workspace, sid, name, available, available ? "Available" : "Offline", workspace, sid,
            workspace, sid);
  }

  private void answerWorkspaces() {
    connector.api().get("/v1/Workspaces\\?PageSize=50", page("workspaces", NEXT,
            workspace("WS1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", "Support")))
        .get("/v1/Workspaces\\?PageSize=50&Page=1&PageToken=PAWS0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
            page("workspaces", null, workspace("WS9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c", "Sales")));
  }

  @Test
  void specRequiresTheSidAndTheToken() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"account_sid\",\"auth_token\"]");

    AirbyteConnectionStatus missing = connector.check("{\"account_sid\":\"%s\"}".formatted(SID));
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("auth_token").doesNotContain(SID);
    AirbyteConnectionStatus wrongType = connector.check("{\"account_sid\":\"%s\",\"auth_token\":false}"
        .formatted(SID));
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("auth_token");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsWorkspacesAndARejectedTokenFailsItWithoutShowingCredentials() throws Exception {
    answerWorkspaces();
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement()
        .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo(BASIC));

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", "/v1/Workspaces\\?PageSize=50", 401, """
          {"code":20003,"detail":"Your AccountSid or AuthToken was incorrect.","message":"Authenticate",
           "more_info":"https://www.twilio.com/docs/errors/20003","status":401}""", Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("workspaces").contains("401").doesNotContain(TOKEN)
          .doesNotContain(BASIC.substring(6));
      CorpusConnector.Failure failure = rejected.readFailing(CONFIG, "workspaces");
      assertThat(failure.read().logs()).noneMatch(line -> line.contains(TOKEN) || line.contains(BASIC.substring(6)));
    }
  }

  @Test
  void discoverListsWorkspacesAndWorkersKeyedBySid() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name).containsExactly("workspaces", "workers");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("sid")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void workspacesFollowTheNextPageUrl() throws Exception {
    answerWorkspaces();

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "workspaces");

    assertThat(read.records("workspaces")).extracting(record -> record.get("friendly_name"))
        .containsExactly("Support", "Sales");
    // Records keep the account sid, a secret of the config, as the API gave it: masking is for logs and messages.
    assertThat(read.records("workspaces").getFirst()).containsEntry("account_sid", SID)
        .containsEntry("sid", "WS1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d").containsEntry("multi_task_enabled", true)
        .containsEntry("date_created", OffsetDateTime.parse("2023-08-01T22:10:40Z"))
        .containsEntry("links", "{\"workers\":\"https://taskrouter.twilio.com/v1/Workspaces/"
            + "WS1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d/Workers\"}");
    // The second page is the next_page_url as given: its PageSize is the one the manifest sends, so not repeated.
    assertThat(connector.api().requests()).extracting(request -> request.url().toString())
        .containsExactly("https://taskrouter.twilio.com/v1/Workspaces?PageSize=50", NEXT);
    assertThat(connector.api().requests()).allSatisfy(request ->
        assertThat(request.header("Authorization")).isEqualTo(BASIC));
    assertThat(read.logs()).noneMatch(line -> line.contains(TOKEN));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void workersAreReadPerWorkspaceAcrossTheirPages() throws Exception {
    answerWorkspaces();
    String support = "WS1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d";
    String sales = "WS9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";
    String supportNext = "https://taskrouter.twilio.com/v1/Workspaces/" + support
        + "/Workers?PageSize=50&Page=1&PageToken=PAWK22222222222222222222222222222222";
    connector.api()
        .get("/v1/Workspaces/" + support + "/Workers\\?PageSize=50", page("workers", supportNext,
            worker(support, "WK11111111111111111111111111111111", "alice", true),
            worker(support, "WK22222222222222222222222222222222", "bob", false)))
        .get("/v1/Workspaces/" + support + "/Workers\\?PageSize=50&Page=1&PageToken=PAWK2+", page("workers", null,
            worker(support, "WK44444444444444444444444444444444", "dave", true)))
        .get("/v1/Workspaces/" + sales + "/Workers\\?PageSize=50", page("workers", null,
            worker(sales, "WK33333333333333333333333333333333", "carol", true)));

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "workers");

    assertThat(read.records("workers")).extracting(record -> record.get("friendly_name"))
        .containsExactly("alice", "bob", "dave", "carol");
    assertThat(read.records("workers").getFirst()).containsEntry("workspace_sid", support)
        .containsEntry("available", true)
        .containsEntry("attributes", "{\"skills\":[\"billing\"],\"languages\":[\"en\"]}")
        .containsEntry("date_status_changed", OffsetDateTime.parse("2024-03-10T11:45:00Z"));
    assertThat(read.records("workers").get(1)).containsEntry("available", false);
    // The parent's pages are read as its partitions are needed: each workspace's workers follow its page.
    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).extracting(request -> request.url().toString()).containsExactly(
        "https://taskrouter.twilio.com/v1/Workspaces?PageSize=50",
        "https://taskrouter.twilio.com/v1/Workspaces/" + support + "/Workers?PageSize=50", supportNext, NEXT,
        "https://taskrouter.twilio.com/v1/Workspaces/" + sales + "/Workers?PageSize=50");
    assertThat(requests).allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo(BASIC));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
