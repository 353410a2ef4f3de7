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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Leadfeeder: accounts, and each account's leads and visits (substreams with the account id in the path,
 * incremental in monthly windows sent as {@code start_date}/{@code end_date}, pages of 100 by page number from 1).
 * The token goes in a {@code Token token=...} Authorization header the manifest writes. A 402 (the plan lacks the
 * feature) is ignored; a 429 is retried.
 *
 * <p>What the folder lacks: no mapping for a rejected token, so a 401 fails the check through the interpreter's
 * default handling.
 */
class LeadfeederManifestGate {
  private static final String TOKEN = "fake-leadfeeder-token-4d2c";
  private static final String CONFIG = """
      {"api_token":"%s","start_date":"2024-01-15T00:00:00Z"}""".formatted(TOKEN);
  private static final String ACCOUNTS = """
      {"data":[{"id":"acc-1","type":"accounts","attributes":{"name":"Acme Oy","subscription":"premium",
                "on_trial":false,"timezone":"Europe/Helsinki","subscription_addons":[]}},
               {"id":"acc-2","type":"accounts","attributes":{"name":"Lapsed Ltd","subscription":"free",
                "on_trial":false,"timezone":"Europe/London","subscription_addons":[]}}]}""";

  private final CorpusConnector connector = CorpusConnector.open("source-leadfeeder");

  LeadfeederManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String lead(String id, String lastVisit) {
    return """
        {"id":"%s","type":"leads","attributes":{"name":"Company %s","industry":"Software","status":"new",
          "first_visit_date":"2024-01-16","last_visit_date":"%s","quality":6,"visits":3,"employee_count":120,
          "website_url":"https://%s.example","tags":[]},
         "relationships":{"location":{"data":{"id":"loc-9","type":"locations"}}}}"""
        .formatted(id, id, lastVisit, id);
  }

  private static String visit(String id, String startedAt) {
    return """
        {"id":"%s","type":"visits","attributes":{"lead_id":"lead-1","source":"google","medium":"organic",
          "started_at":"%s","date":"%s","hour":9,"visit_length":240,"page_depth":3,"device_type":"desktop",
          "country_code":"FI","visit_route":[]},"relationships":{"location":{"data":{"id":"loc-9"}}}}"""
        .formatted(id, startedAt, startedAt.substring(0, 10));
  }

  private static String data(List<String> records) {
    return "{\"data\":[" + String.join(",", records) + "]}";
  }

  // The window and page a leads or visits request asks for, as "start..end#page".
  private static String window(CorpusApi.Request request) {
    Map<String, String> query = request.query();
    return query.get("start_date") + ".." + query.get("end_date") + "#" + query.get("page[number]");
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_token\",\"start_date\"]");

    AirbyteConnectionStatus missing = connector.check("{\"api_token\":\"" + TOKEN + "\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("start_date").doesNotContain(TOKEN);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkRetriesARateLimitAndSendsTheToken() {
    connector.api().route("GET", "/accounts", 429, "{\"errors\":[{\"status\":\"429\"}]}", 1)
        .get("/accounts", ACCOUNTS);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.leadfeeder.com");
      assertThat(request.path()).isEqualTo("/accounts");
      assertThat(request.header("Authorization")).isEqualTo("Token token=" + TOKEN);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnARejectedTokenWithoutTheToken() {
    connector.api().route("GET", "/accounts", 401, "{\"errors\":[{\"title\":\"Unauthorized\"}]}", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("accounts").contains("401").doesNotContain(TOKEN);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("accounts", "leads", "visits");
    assertThat(streams.values()).allSatisfy(stream ->
        assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id"))));
    assertThat(streams.get("accounts").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams.get("leads").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH,
        SyncMode.INCREMENTAL);
    assertThat(streams.get("leads").defaultCursorField()).isEqualTo(List.of("last_visit_date"));
    assertThat(streams.get("visits").defaultCursorField()).isEqualTo(List.of("started_at"));
  }

  @Test
  void readAccounts() throws Exception {
    connector.api().get("/accounts", ACCOUNTS);

    var read = connector.read(CONFIG, List.of(), "accounts");
    assertThat(read.records("accounts")).extracting(record -> record.get("id")).containsExactly("acc-1", "acc-2");
    assertThat((String) read.records("accounts").getFirst().get("attributes")).contains("\"name\":\"Acme Oy\"");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readLeadsPerAccountInMonthlyWindowsThenFromTheState() throws Exception {
    // acc-1 has a full page of 100 leads in the first window, so a second page; acc-2's plan has no leads (402).
    List<String> hundred = IntStream.rangeClosed(1, 100)
        .mapToObj(i -> lead("lead-" + i, "2024-01-" + (16 + i % 10))).toList();
    connector.api().get("/accounts", ACCOUNTS)
        .get("/accounts/acc-1/leads\\?page%5Bnumber%5D=1&page%5Bsize%5D=100&start_date=2024-01-15"
            + "&end_date=2024-02-14", data(hundred))
        .get("/accounts/acc-1/leads\\?page%5Bnumber%5D=2&page%5Bsize%5D=100&start_date=2024-01-15"
            + "&end_date=2024-02-14", data(List.of(lead("lead-101", "2024-02-03"))))
        .get("/accounts/acc-1/leads\\?page%5Bnumber%5D=1&page%5Bsize%5D=100&start_date=2024-02-15"
            + "&end_date=2024-03-10", data(List.of(lead("lead-102", "2024-03-01"), lead("lead-1", "2024-02-28"))))
        .route("GET", "/accounts/acc-2/leads\\?.*", 402, "{\"errors\":[{\"title\":\"Payment Required\"}]}",
            Integer.MAX_VALUE);

    var first = connector.read(CONFIG, List.of(), "leads");

    assertThat(first.records("leads")).hasSize(103);
    assertThat(first.records("leads").get(100)).satisfies(lead -> {
      // The manifest adds the account id from the partition and lifts the cursor out of attributes.
      assertThat(lead).containsEntry("id", "lead-101").containsEntry("account_id", "acc-1")
          .containsEntry("last_visit_date", "2024-02-03").containsEntry("type", "leads");
      assertThat((String) lead.get("attributes")).contains("\"name\":\"Company lead-101\"");
    });
    // Two monthly windows per account, the second ending now; the first window has two pages.
    assertThat(connector.api().requests()).filteredOn(request -> request.path().equals("/accounts/acc-1/leads"))
        .extracting(LeadfeederManifestGate::window)
        .containsExactly("2024-01-15..2024-02-14#1", "2024-01-15..2024-02-14#2", "2024-02-15..2024-03-10#1");
    assertThat(connector.api().requests()).filteredOn(request -> request.path().equals("/accounts/acc-2/leads"))
        .extracting(LeadfeederManifestGate::window)
        .containsExactly("2024-01-15..2024-02-14#1", "2024-02-15..2024-03-10#1");
    assertThat(connector.api().requests()).allSatisfy(request ->
        assertThat(request.header("Authorization")).isEqualTo("Token token=" + TOKEN));

    JsonNode state = first.lastState("leads");
    assertThat(state.path("states")).hasSize(2);
    assertThat(state.path("states").get(0).path("partition").path("account_id").asText()).isEqualTo("acc-1");
    assertThat(state.path("states").get(0).path("cursor").path("last_visit_date").asText()).isEqualTo("2024-03-01");
    // acc-2 had no lead: its cursor stays at the start.
    assertThat(state.path("states").get(1).path("cursor").path("last_visit_date").asText()).isEqualTo("2024-01-15");

    int before = connector.api().requests().size();
    connector.api().get("/accounts/acc-1/leads\\?.*start_date=2024-03-01&end_date=2024-03-10",
        data(List.of(lead("lead-103", "2024-03-09"))));
    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("leads"), state)),
        "leads");
    // Each account's window starts at its own cursor.
    assertThat(connector.api().requests().subList(before, connector.api().requests().size()))
        .filteredOn(request -> request.path().endsWith("/leads"))
        .extracting(request -> request.path() + " " + window(request))
        .containsExactly("/accounts/acc-1/leads 2024-03-01..2024-03-10#1",
            "/accounts/acc-2/leads 2024-01-15..2024-02-14#1", "/accounts/acc-2/leads 2024-02-15..2024-03-10#1");
    assertThat(second.records("leads")).extracting(record -> record.get("id")).containsExactly("lead-103");
    assertThat(second.lastState("leads").path("states").get(0).path("cursor").path("last_visit_date").asText())
        .isEqualTo("2024-03-09");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readVisitsAcrossPagesThenFromTheState() throws Exception {
    // The first window holds a full page of 100 visits and one more on the second page.
    List<String> hundred = IntStream.rangeClosed(1, 100)
        .mapToObj(i -> visit("v-" + i, "2024-01-%02dT09:12:44.000Z".formatted(16 + i % 10))).toList();
    String firstWindow = "&start_date=2024-01-15T00%3A00%3A00.000000Z&end_date=2024-02-14T00%3A00%3A00.000000Z";
    connector.api().get("/accounts", "{\"data\":[{\"id\":\"acc-1\",\"type\":\"accounts\",\"attributes\":{}}]}")
        .get("/accounts/acc-1/visits\\?page%5Bnumber%5D=1&page%5Bsize%5D=100" + firstWindow, data(hundred))
        .get("/accounts/acc-1/visits\\?page%5Bnumber%5D=2&page%5Bsize%5D=100" + firstWindow,
            data(List.of(visit("v-101", "2024-02-10T07:00:00.000Z"))))
        .get("/accounts/acc-1/visits\\?page%5Bnumber%5D=1&page%5Bsize%5D=100"
            + "&start_date=2024-02-15T00%3A00%3A00.000000Z&end_date=2024-03-10T12%3A00%3A00.000000Z",
            data(List.of(visit("v-102", "2024-03-02T16:40:05.120Z"), visit("v-103", "2024-02-27T08:00:00.000Z"))));

    var first = connector.read(CONFIG, List.of(), "visits");

    assertThat(first.records("visits")).hasSize(103);
    assertThat(first.records("visits").subList(100, 103)).extracting(record -> record.get("id"))
        .containsExactly("v-101", "v-102", "v-103");
    assertThat(first.records("visits").get(101)).containsEntry("account_id", "acc-1")
        .containsEntry("started_at", "2024-03-02T16:40:05.120Z");
    // The windows are written in the cursor's format, as the API receives them.
    assertThat(connector.api().requests()).filteredOn(request -> request.path().endsWith("/visits"))
        .extracting(LeadfeederManifestGate::window).containsExactly(
            "2024-01-15T00:00:00.000000Z..2024-02-14T00:00:00.000000Z#1",
            "2024-01-15T00:00:00.000000Z..2024-02-14T00:00:00.000000Z#2",
            "2024-02-15T00:00:00.000000Z..2024-03-10T12:00:00.000000Z#1");
    JsonNode state = first.lastState("visits");
    // The cursor's format has microseconds: %f writes six digits.
    assertThat(state.path("states").get(0).path("cursor").path("started_at").asText())
        .isEqualTo("2024-03-02T16:40:05.120000Z");

    int before = connector.api().requests().size();
    connector.api().get("/accounts/acc-1/visits\\?.*start_date=2024-03-02T16%3A40%3A05.120000Z"
        + "&end_date=2024-03-10T12%3A00%3A00.000000Z", data(List.of()));
    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("visits"), state)),
        "visits");
    assertThat(connector.api().requests().subList(before, connector.api().requests().size()))
        .filteredOn(request -> request.path().endsWith("/visits")).extracting(LeadfeederManifestGate::window)
        .containsExactly("2024-03-02T16:40:05.120000Z..2024-03-10T12:00:00.000000Z#1");
    assertThat(second.records("visits")).isEmpty();
    assertThat(second.lastState("visits").path("states").get(0).path("cursor").path("started_at").asText())
        .isEqualTo("2024-03-02T16:40:05.120000Z");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
