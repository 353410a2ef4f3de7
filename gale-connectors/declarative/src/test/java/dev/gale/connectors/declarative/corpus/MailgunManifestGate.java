package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mailgun: domains (pages of 1,000 by {@code skip}) and events (incremental on the epoch {@code timestamp}, monthly
 * windows with a 31-day lookback, pages by the API's {@code paging.next} URL sent as {@code from} until a page has no
 * items). Basic auth as {@code api} with the private key; the host follows the configured region.
 *
 * <p>What the folder lacks: the events cursor has no request option, so every window asks the API the same thing
 * and gets every event again (records repeat per window; the number of windows is what the start, the state and the
 * lookback change). No error mapping, so a rejected key fails the check through the interpreter's default handling of
 * a 401.
 */
class MailgunManifestGate {
  private static final String KEY = "fake-mailgun-key-3a7f90";
  private static final String CONFIG = "{\"private_key\":\"" + KEY + "\",\"start_date\":\"2024-02-15T00:00:00Z\"}";
  private static final String NEXT = "https://api.mailgun.net/v3/events/WzMsImFsbCJdX2Zha2VfcGFnZV8y";
  // 2024-03-01T08:30:00.25Z and 2024-03-07T17:45:12.9Z, as Mailgun writes times: epoch seconds with a fraction.
  private static final String EVENTS = """
      {"items":[
        {"id":"ev-1","event":"delivered","timestamp":1709281800.25,"log-level":"info","recipient":"ann@example.org",
         "recipient-domain":"example.org","method":"HTTP","tags":["welcome"],"campaigns":[],"user-variables":{},
         "flags":{"is-routed":false,"is-authenticated":true,"is-system-test":false,"is-test-mode":false},
         "delivery-status":{"tls":true,"mx-host":"mx.example.org","code":250,"message":"OK","attempt-no":1},
         "message":{"headers":{"message-id":"m1@mg.acme.example","subject":"Welcome"},"size":4210}},
        {"id":"ev-2","event":"opened","timestamp":1709833512.9,"log-level":"info","recipient":"bob@example.org",
         "recipient-domain":"example.org","ip":"203.0.113.7","geolocation":{"country":"FI","region":"18",
         "city":"Helsinki"},"client-info":{"client-type":"browser","client-os":"Linux","device-type":"desktop",
         "client-name":"Firefox"},"tags":[],"campaigns":[],"user-variables":{},
         "message":{"headers":{"message-id":"m2@mg.acme.example"}}}],
       "paging":{"next":"%s","previous":"https://api.mailgun.net/v3/events/prev","first":"f","last":"l"}}"""
      .formatted(NEXT);
  private static final String NEXT_2 = "https://api.mailgun.net/v3/events/WzMsImFsbCJdX2Zha2VfcGFnZV8z";
  private static final String MORE_EVENTS = """
      {"items":[
        {"id":"ev-3","event":"failed","severity":"permanent","reason":"bounce","timestamp":1709500000.5,
         "log-level":"error","recipient":"old@example.net","recipient-domain":"example.net","tags":[],
         "campaigns":[],"user-variables":{},"delivery-status":{"code":550,"message":"No such user","attempt-no":1}}],
       "paging":{"next":"%s","previous":"p"}}""".formatted(NEXT_2);
  private static final String NO_MORE_EVENTS = """
      {"items":[],"paging":{"next":"https://api.mailgun.net/v3/events/WzMsImFsbCJdX2VuZA","previous":"p"}}""";

  private final CorpusConnector connector = CorpusConnector.open("source-mailgun");

  MailgunManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString(("api:" + KEY).getBytes(StandardCharsets.UTF_8));
  }

  private static String domain(int n) {
    return """
        {"id":"d%04d","name":"mg%d.acme.example","type":"custom","state":"active",
         "created_at":"Wed, 10 Jan 2024 19:26:52 GMT",
         "is_disabled":false,"require_tls":false,"skip_verification":false,"smtp_login":"postmaster@mg%d.acme.example",
         "spam_action":"disabled","web_prefix":"email","web_scheme":"https","wildcard":false}"""
        .formatted(n, n, n);
  }

  private void answerEvents() {
    connector.api().get("/v3/events", EVENTS)
        .get("/v3/events\\?from=https%3A%2F%2Fapi\\.mailgun\\.net%2Fv3%2Fevents%2FWzMsImFsbCJdX2Zha2VfcGFnZV8y",
            MORE_EVENTS)
        .get("/v3/events\\?from=https%3A%2F%2Fapi\\.mailgun\\.net%2Fv3%2Fevents%2FWzMsImFsbCJdX2Zha2VfcGFnZV8z",
            NO_MORE_EVENTS);
  }

  @Test
  void specAndConfigValidation() {
    var spec = connector.source().spec().connectionSpecification();
    assertThat(spec.path("required").toString()).isEqualTo("[\"private_key\"]");

    AirbyteConnectionStatus missing = connector.check("{\"domain_region\":\"EU\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("private_key");
    AirbyteConnectionStatus badRegion = connector.check("{\"private_key\":\"" + KEY + "\",\"domain_region\":\"APAC\"}");
    assertThat(badRegion.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(badRegion.message()).contains("domain_region").doesNotContain(KEY);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsDomainsAndEventsOnTheRegionsHost() {
    connector.api().get("/v3/domains", "{\"total_count\":1,\"items\":[" + domain(1) + "]}");
    answerEvents();

    // The region picks the host: US by default, EU on request.
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.check("{\"private_key\":\"" + KEY + "\",\"domain_region\":\"EU\"}").status())
        .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).extracting(request -> request.host() + request.path()).containsExactly(
        "api.mailgun.net/v3/domains", "api.mailgun.net/v3/events",
        "api.eu.mailgun.net/v3/domains", "api.eu.mailgun.net/v3/events");
    assertThat(connector.api().requests()).allSatisfy(request ->
        assertThat(request.header("Authorization")).isEqualTo(basic()));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnARejectedKeyWithoutTheKey() {
    connector.api().route("GET", "/v3/domains", 401, "Forbidden", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("domains").contains("401").doesNotContain(KEY)
        .doesNotContain(basic().substring(6));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("domains", "events");
    assertThat(streams.values()).allSatisfy(stream ->
        assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id"))));
    assertThat(streams.get("domains").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams.get("events").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH,
        SyncMode.INCREMENTAL);
    assertThat(streams.get("events").defaultCursorField()).isEqualTo(List.of("timestamp"));
  }

  @Test
  void readDomainsAcrossPagesBySkip() throws Exception {
    // A full page is 1,000 domains; the next request skips them.
    String fullPage = IntStream.rangeClosed(1, 1000).mapToObj(MailgunManifestGate::domain)
        .collect(Collectors.joining(",", "{\"total_count\":1001,\"items\":[", "]}"));
    connector.api().get("/v3/domains", fullPage)
        .get("/v3/domains\\?skip=1000", "{\"total_count\":1001,\"items\":[" + domain(1001) + "]}");

    var read = connector.read(CONFIG, List.of(), "domains");

    assertThat(read.records("domains")).hasSize(1001);
    assertThat(read.records("domains").getLast()).containsEntry("id", "d1001").containsEntry("name",
        "mg1001.acme.example").containsEntry("wildcard", false).containsEntry("state", "active");
    assertThat(connector.api().requests()).extracting(request -> request.query().get("skip"))
        .containsExactly(null, "1000");
    assertThat(read.logs()).noneMatch(line -> line.contains(KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readEventsPageByPageThenFromTheState() throws Exception {
    answerEvents();

    // From 2024-02-15 to today (2024-03-10) is one monthly window: one pass over the pages.
    var first = connector.read(CONFIG, List.of(), "events");

    assertThat(first.records("events")).extracting(record -> record.get("id")).containsExactly("ev-1", "ev-2", "ev-3");
    assertThat(first.records("events").getFirst()).containsEntry("event", "delivered")
        .containsEntry("timestamp", 1709281800.25).containsEntry("recipient-domain", "example.org");
    assertThat((String) first.records("events").get(1).get("geolocation")).contains("Helsinki");
    // The next page is asked for with the API's next URL as the 'from' parameter, as the manifest says, until a
    // page has no items.
    assertThat(connector.api().requests()).extracting(request -> request.query().get("from"))
        .containsExactly(null, NEXT, NEXT_2);
    // The newest event's time, whole seconds ('%s' reads a fractional timestamp as Python's int() does).
    JsonNode state = first.lastState("events");
    assertThat(state.toString()).isEqualTo("{\"timestamp\":\"1709833512\"}");

    // From the state less the 31-day lookback (2024-02-05T17:45:12Z, before the start, so the start): one window.
    int before = connector.api().requests().size();
    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("events"), state)),
        "events");
    assertThat(connector.api().requests().subList(before, connector.api().requests().size()))
        .extracting(request -> request.query().get("from")).containsExactly(null, NEXT, NEXT_2);
    assertThat(second.lastState("events")).isEqualTo(state);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void eventsWindowsFollowTheDefaultStartAndTheLookback() throws Exception {
    answerEvents();
    String noStart = "{\"private_key\":\"" + KEY + "\"}";

    // Without a start date the manifest starts 90 days ago (2023-12-11T12:00:00Z): three monthly windows to today,
    // each a pass over the same three pages.
    var first = connector.read(noStart, List.of(), "events");
    assertThat(connector.api().requests()).hasSize(9);
    assertThat(first.records("events")).hasSize(9);

    // From a state of 2024-03-07T00:00:00Z, the lookback reaches back to 2024-02-05: two windows.
    connector.read(noStart, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("events"),
        dev.gale.protocol.Json.parse("{\"timestamp\":\"1709769600\"}"))), "events");
    assertThat(connector.api().requests()).hasSize(9 + 6);
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
