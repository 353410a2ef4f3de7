package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CallRail v3: calls, text conversations, users and companies of one account, all incremental. The account id (a
 * secret in the spec) is in every path, the key goes as {@code Authorization: Token token=...}, pages follow the
 * {@code Link} header's {@code next} URL, and each stream is read in 100-day windows from the configured start date to
 * today, sending only the window's start ({@code start_date}). What the folder lacks: the manifest maps no errors (a
 * rejected key fails with the default mapping's 401), and sends no upper bound, so the API's answer decides what a
 * window holds.
 */
class CallrailManifestGate {
  private static final String API_KEY = "crl-fake-key-3c5e7a9b1d";
  private static final String ACCOUNT = "ACC8f1e2d3c4b5a69788796a5b4c3d2e1f0";
  private static final String CONFIG = "{\"api_key\":\"%s\",\"account_id\":\"%s\",\"start_date\":\"2023-10-01\"}"
      .formatted(API_KEY, ACCOUNT);
  private static final String BASE = "/v3/a/" + ACCOUNT;
  private static final String CALL_FIELDS = "call_type,company_id,company_name,company_time_zone,created_at,"
      + "device_type,first_call,formatted_call_type,formatted_customer_location,formatted_business_phone_number,"
      + "formatted_customer_name,prior_calls,formatted_customer_name_or_phone_number,formatted_customer_phone_number,"
      + "formatted_duration,formatted_tracking_phone_number,formatted_tracking_source,formatted_value,"
      + "good_lead_call_id,good_lead_call_time,lead_status,note,source,source_name,tags,total_calls,value,waveforms,"
      + "tracker_id,speaker_percent,keywords,medium,campaign,referring_url,landing_page_url,last_requested_url,"
      + "referrer_domain,utm_source,utm_medium,utm_term,utm_content,utm_campaign,utma,utmb,utmc,utmv,utmz,ga,gclid,"
      + "fbclid,msclkid,milestones,timeline_url,keywords_spotted,call_highlights,agent_email,keypad_entries";
  // 100 days from the start date, less the cursor's granularity, is the first window; the second ends today.
  private static final String WINDOW_1 = "2023-10-01T00:00:00.000000+0000";
  private static final String WINDOW_2 = "2024-01-09T00:00:00.000000+0000";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-callrail");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String call(String id, String startTime, String customer, int duration) {
    return """
        {"id":"%s","answered":true,"business_phone_number":"+15125550000","customer_city":"Austin",
         "customer_country":"US","customer_name":"%s","customer_phone_number":"+15125550199","customer_state":"TX",
         "direction":"inbound","duration":%d,"recording":null,"recording_duration":null,"recording_player":null,
         "start_time":"%s","tracking_phone_number":"+15125550101","voicemail":false,"agent_email":"desk@example.com",
         "company_id":"COM5c1d2e3f","company_name":"Gale Plumbing","company_time_zone":"America/Chicago",
         "created_at":"%s","source":"Google Organic","lead_status":"good_lead","tags":[{"name":"new","color":"blue1"}],
         "total_calls":1,"first_call":true,"prior_calls":0,"value":null}"""
        .formatted(id, customer, duration, startTime, startTime);
  }

  private static String page(String key, String... records) {
    return "{\"page\":1,\"per_page\":100,\"total_pages\":1,\"total_records\":" + records.length + ",\"" + key
        + "\":[" + String.join(",", records) + "]}";
  }

  /** The Link header of a first page from 2024-01-01, pointing at its second. */
  private static String nextPage(String resource) {
    return "Link: <https://api.callrail.com" + BASE + "/" + resource + ".json?page=2&per_page=100&start_date="
        + "2024-01-01T00%3A00%3A00.000000%2B0000>; rel=\"next\"";
  }

  @Test
  void specRequiresTheKeyTheAccountAndTheStartDate() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"account_id\",\"start_date\"]");

    AirbyteConnectionStatus missing = connector.check("{\"api_key\":\"%s\",\"account_id\":\"%s\"}"
        .formatted(API_KEY, ACCOUNT));
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("start_date").doesNotContain(API_KEY).doesNotContain(ACCOUNT);
    AirbyteConnectionStatus wrongType = connector.check(CONFIG.replace("\"2023-10-01\"", "20231001"));
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("start_date");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsTheFirstPageOfUsersAndARejectedKeyFailsItWithoutShowingSecrets() {
    connector.api().get(BASE + "/users\\.json\\?.*", page("users"));
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("api.callrail.com");
      assertThat(request.header("Authorization")).isEqualTo("Token token=" + API_KEY);
    });

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", BASE + "/users\\.json\\?.*", 401, "{\"error\":\"HTTP Token: Access denied.\"}",
          Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("users").contains("401").doesNotContain(API_KEY)
          .doesNotContain(ACCOUNT);
      assertThat(rejected.api().requests()).hasSize(1);
    }
  }

  @Test
  void discoverListsFourIncrementalStreams() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name)
        .containsExactly("calls", "conversations", "users", "companies");
    assertThat(streams).extracting(AirbyteStream::defaultCursorField).containsExactly(List.of("start_time"),
        List.of("last_message_at"), List.of("created_at"), List.of("created_at"));
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
      assertThat(stream.sourceDefinedCursor()).isTrue();
    });
  }

  @Test
  void callsAreReadInHundredDayWindowsFollowingLinkHeadersThenFromTheirState() throws Exception {
    String nextPage = "https://api.callrail.com" + BASE + "/calls.json?page=2&per_page=100&start_date="
        + "2023-10-01T00%3A00%3A00.000000%2B0000";
    connector.api()
        .get(BASE + "/calls\\.json\\?fields=[^&]+&per_page=100&start_date=2023-10-01T00%3A00%3A00\\.000000"
            + "%2B0000", page("calls", call("CAL001", "2023-10-04T09:12:45.118-05:00", "JANE ROE", 49),
                call("CAL002", "2023-11-20T16:03:10.500-06:00", "JOHN DOE", 312)),
            "Link: <" + nextPage + ">; rel=\"next\", <" + nextPage + ">; rel=\"last\"")
        .get(BASE + "/calls\\.json\\?page=2&.*", page("calls",
            call("CAL003", "2023-12-30T08:00:00.000-06:00", "ANA GOMEZ", 75)))
        .get(BASE + "/calls\\.json\\?fields=[^&]+&per_page=100&start_date=2024-01-09T00%3A00%3A00\\.000000"
            + "%2B0000", page("calls", call("CAL004", "2024-02-14T13:45:00.250-06:00", "LEE PARK", 20)));

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "calls");

    assertThat(read.records("calls")).extracting(record -> record.get("id"))
        .containsExactly("CAL001", "CAL002", "CAL003", "CAL004");
    assertThat(read.records("calls").getFirst()).containsEntry("duration", 49L).containsEntry("answered", true)
        .containsEntry("customer_name", "JANE ROE")
        .containsEntry("start_time", OffsetDateTime.parse("2023-10-04T09:12:45.118-05:00"))
        .containsEntry("tags", "[{\"name\":\"new\",\"color\":\"blue1\"}]");

    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).hasSize(3);
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.callrail.com");
      assertThat(request.path()).isEqualTo(BASE + "/calls.json");
      assertThat(request.header("Authorization")).isEqualTo("Token token=" + API_KEY);
      assertThat(request.query()).containsEntry("fields", CALL_FIELDS).containsEntry("per_page", "100");
    });
    assertThat(requests).extracting(request -> request.query().get("start_date"))
        .containsExactly(WINDOW_1, WINDOW_1, WINDOW_2);
    assertThat(requests.get(1).query()).containsEntry("page", "2");

    // The second page is the Link header's URL, with the parameters it lacks (fields) added.
    assertThat(requests.get(1).url().getRawQuery()).startsWith("page=2&per_page=100&start_date=2023-10-01T00"
        + "%3A00%3A00.000000%2B0000&fields=call_type%2C");

    // The state is the latest start time read, in the manifest's format with the record's own offset (as the CDK).
    assertThat(read.lastState("calls").toString()).isEqualTo("{\"start_time\":\"2024-02-14T13:45:00.250000-0600\"}");
    assertThat(read.logs()).noneMatch(line -> line.contains(API_KEY) || line.contains(ACCOUNT));
    assertThat(connector.api().unmatched()).isEmpty();

    // A second read starts its one window at that state.
    try (CorpusConnector again = open()) {
      again.api().get(BASE + "/calls\\.json\\?fields=[^&]+&per_page=100&start_date=2024-02-14T13%3A45%3A00\\.250000"
          + "-0600", page("calls", call("CAL005", "2024-03-09T10:00:00.000-06:00", "SAM LEE", 61)));

      CorpusConnector.Read second = again.read(CONFIG, read.lastStates(), "calls");

      assertThat(second.records("calls")).extracting(record -> record.get("id")).containsExactly("CAL005");
      assertThat(again.api().requests()).singleElement().satisfies(request -> assertThat(request.query())
          .containsEntry("start_date", "2024-02-14T13:45:00.250000-0600"));
      assertThat(second.lastState("calls").toString())
          .isEqualTo("{\"start_time\":\"2024-03-09T10:00:00.000000-0600\"}");
      assertThat(again.api().unmatched()).isEmpty();
    }
  }

  @Test
  void conversationsUsersAndCompaniesAreReadFromTheStartDateThenFromTheirOwnStates() throws Exception {
    String config = CONFIG.replace("2023-10-01", "2024-01-01");
    String since = "start_date=2024-01-01T00%3A00%3A00\\.000000%2B0000";
    connector.api()
        .get(BASE + "/text-messages\\.json\\?fields=[^&]+&per_page=100&" + since, page("conversations", """
            {"id":"k8e2a91b","company_id":"COM5c1d2e3f","company_name":"Gale Plumbing",
             "company_time_zone":"America/Chicago","customer_name":"JANE ROE","customer_phone_number":"+15125550199",
             "initial_tracker_id":"TRK1","current_tracker_id":"TRK1","initial_tracking_number":"+15125550101",
             "current_tracking_number":"+15125550101","last_message_at":"2024-02-02T09:30:15.000-06:00",
             "state":"active","formatted_customer_name":"Jane Roe",
             "recent_messages":[{"direction":"incoming","content":"Is Tuesday fine?",
              "created_at":"2024-02-02T09:30:15.000-06:00"}]}"""), nextPage("text-messages"))
        .get(BASE + "/text-messages\\.json\\?page=2&.*", page("conversations", """
            {"id":"k1f0c3d4","customer_name":"SAM LEE","customer_phone_number":"+15125550123","state":"closed",
             "last_message_at":"2024-01-15T17:00:00.000-06:00","recent_messages":[]}"""))
        .get(BASE + "/users\\.json\\?per_page=100&" + since, page("users", """
            {"id":"USR11aa22bb","first_name":"Dana","last_name":"Scully","name":"Dana Scully",
             "email":"dana@example.com",
             "role":"admin","accepted":true,"created_at":"2024-01-03T12:00:00.000-05:00"}"""), nextPage("users"))
        .get(BASE + "/users\\.json\\?page=2&.*", page("users", """
            {"id":"USR33cc44dd","first_name":"Fox","last_name":"Mulder","name":"Fox Mulder","email":"fox@example.com",
             "role":"reporting","accepted":false,"created_at":"2024-02-29T08:15:00.000-05:00"}"""))
        .get(BASE + "/companies\\.json\\?per_page=100&" + since, page("companies", """
            {"id":"COM5c1d2e3f","name":"Gale Plumbing","status":"active","time_zone":"America/Chicago",
             "created_at":"2024-01-02T10:00:00.000-06:00","disabled_at":null,"dni_active":true,
             "script_url":"//cdn.callrail.com/companies/5c1d2e3f/swap.js","callscore_enabled":false,
             "lead_scoring_enabled":true,"swap_exclude_jquery":null,"swap_ppc_override":null,
             "swap_landing_override":null,"swap_cookie_duration":30,"callscribe_enabled":false,
             "keyword_spotting_enabled":false,"form_capture":true}"""), nextPage("companies"))
        .get(BASE + "/companies\\.json\\?page=2&.*", page("companies", """
            {"id":"COM9a8b7c6d","name":"Gale Heating","status":"disabled","time_zone":"America/Chicago",
             "created_at":"2024-01-01T15:00:00.000-06:00","disabled_at":"2024-02-01T00:00:00.000-06:00",
             "swap_cookie_duration":0}"""));

    CorpusConnector.Read read = connector.read(config, List.of(), "conversations", "users", "companies");

    assertThat(read.records("conversations")).hasSize(2).first().satisfies(record -> assertThat(record)
        .containsEntry("customer_name", "JANE ROE").containsEntry("state", "active")
        .containsEntry("last_message_at", OffsetDateTime.parse("2024-02-02T09:30:15-06:00")));
    assertThat(read.records("users")).extracting(record -> record.get("email"))
        .containsExactly("dana@example.com", "fox@example.com");
    assertThat(read.records("companies")).hasSize(2).first().satisfies(record -> assertThat(record)
        .containsEntry("swap_cookie_duration", 30L).containsEntry("form_capture", true)
        .containsEntry("disabled_at", null));
    assertThat(read.records("companies").get(1))
        .containsEntry("disabled_at", OffsetDateTime.parse("2024-02-01T00:00:00-06:00"));
    assertThat(read.lastState("conversations").toString())
        .isEqualTo("{\"last_message_at\":\"2024-02-02T09:30:15.000000-0600\"}");
    assertThat(read.lastState("users").toString()).isEqualTo("{\"created_at\":\"2024-02-29T08:15:00.000000-0500\"}");
    assertThat(read.lastState("companies").toString())
        .isEqualTo("{\"created_at\":\"2024-01-02T10:00:00.000000-0600\"}");
    // Each stream follows its Link header to a second page.
    assertThat(connector.api().requests()).extracting(request -> request.path().replace(BASE, "") + " "
        + request.query().get("page")).containsExactly("/text-messages.json null", "/text-messages.json 2",
            "/users.json null", "/users.json 2", "/companies.json null", "/companies.json 2");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.callrail.com");
      assertThat(request.header("Authorization")).isEqualTo("Token token=" + API_KEY);
    });
    assertThat(connector.api().unmatched()).isEmpty();

    // A second read sends each stream's own state as its start.
    try (CorpusConnector again = open()) {
      again.api().get(BASE + "/text-messages\\.json\\?.*", page("conversations"))
          .get(BASE + "/users\\.json\\?.*", page("users"))
          .get(BASE + "/companies\\.json\\?.*", page("companies"));

      again.read(config, read.lastStates(), "conversations", "users", "companies");

      assertThat(again.api().requests()).extracting(request -> request.path().replace(BASE, "") + " "
          + request.query().get("start_date")).containsExactly(
              "/text-messages.json 2024-02-02T09:30:15.000000-0600",
              "/users.json 2024-02-29T08:15:00.000000-0500",
              "/companies.json 2024-01-02T10:00:00.000000-0600");
      assertThat(again.api().unmatched()).isEmpty();
    }
  }
}
