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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MailerSend: {@code activity} of the config's domain, a day a slice from the config's {@code start_date} (epoch
 * seconds) sent as {@code date_from} only, pages of 100 counted from 0 ({@code page} absent on the first request, then
 * 1), the token as a bearer token.
 *
 * <p>What the folder lacks, and what its manifest gets wrong: the cursor {@code created_at} is parsed as epoch seconds
 * ({@code %s}), while the API documents it as {@code "2024-03-08 10:00:00"}; Gale, as the CDK, warns once and keeps
 * the state at the start, so a second read asks for the same days again (asserted below). The manifest sends no
 * {@code date_to} (the API asks for one) and no error mapping of its own (a 401 fails by the default mapping).
 */
class MailersendManifestGate {
  private static final String SECRET = "mlsn.FAKE0c4d2e8f6a1b3c5d7e9f0a2b4c6d8e";
  private static final String DOMAIN = "v69oxl5kzqyl785k";
  private static final String CONFIG = """
      {"api_token":"%s","domain_id":"%s","start_date":1709856000}""".formatted(SECRET, DOMAIN);
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-mailersend");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String activity(String id, String type, String at) {
    return """
        {"id":"%s","created_at":"%s","updated_at":"%s","type":"%s",
         "email":{"id":"em-%s","from":"billing@shop.example","subject":"Your receipt","text":null,"html":null,
                  "status":"delivered","tags":null,"created_at":"%s","updated_at":"%s",
                  "recipient":{"id":"rc-%s","email":"lea@example.com","created_at":"%s","updated_at":"%s",
                               "deleted_at":""}}}""".formatted(id, at, at, type, id, at, at, id, at, at);
  }

  private static String page(List<String> activities) {
    return "{\"data\":[" + String.join(",", activities) + "],\"links\":{},\"meta\":{\"per_page\":100}}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_token\",\"domain_id\"]");
    AirbyteConnectionStatus noDomain = connector.check("{\"api_token\":\"" + SECRET + "\",\"start_date\":1709856000}");
    assertThat(noDomain.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noDomain.message()).contains("domain_id").doesNotContain(SECRET);
    AirbyteConnectionStatus textDate = connector.check("""
        {"api_token":"x","domain_id":"d","start_date":"2024-03-08"}""");
    assertThat(textDate.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(textDate.message()).contains("start_date", "number");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedTokenFailsWithoutShowingIt() {
    connector.api().route("GET", "/v1/activity/" + DOMAIN + "\\?.*", 401, "{\"message\":\"Unauthenticated.\"}", 1);
    connector.api().get("/v1/activity/" + DOMAIN + "\\?.*", page(List.of()));

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("activity", "401").doesNotContain(SECRET);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsActivityAsIncrementalOnCreatedAt() {
    AirbyteStream activity = connector.discover(CONFIG).streams().getFirst();
    assertThat(activity.name()).isEqualTo("activity");
    assertThat(activity.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(activity.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(activity.defaultCursorField()).isEqualTo(List.of("created_at"));
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsADayASliceAndPagesOfAHundred() throws Exception {
    String path = "/v1/activity/" + DOMAIN + "\\?";
    // 8 March: a full page of 100, so a second page is asked for; 9 and 10 March: one page each.
    String fullPage = page(IntStream.range(0, 100).mapToObj(i -> activity("a8-" + i, "sent",
        "2024-03-08 %02d:%02d:00".formatted(i / 60, i % 60))).collect(Collectors.toList()));
    connector.api().get(path + "(?=.*date_from=1709856000)(?=.*page=1).*", page(List.of(
        activity("a8-100", "opened", "2024-03-08 18:00:00"))));
    connector.api().get(path + "(?=.*date_from=1709856000).*", fullPage);
    connector.api().get(path + "(?=.*date_from=1709942400).*", page(List.of(
        activity("a9-0", "delivered", "2024-03-09 09:30:00"), activity("a9-1", "clicked", "2024-03-09 11:02:17"))));
    connector.api().get(path + "(?=.*date_from=1710028800).*", page(List.of()));

    var first = connector.read(CONFIG, List.of());

    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).extracting(request -> request.query().get("date_from") + " page=" + request.query()
        .get("page")).containsExactly("1709856000 page=null", "1709856000 page=1", "1709942400 page=null",
        "1710028800 page=null");
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.mailersend.com");
      assertThat(request.path()).isEqualTo("/v1/activity/" + DOMAIN);
      assertThat(request.query()).containsEntry("limit", "100").containsEntry("page_size", "100")
          .doesNotContainKey("date_to");
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
    });
    assertThat(first.records("activity")).hasSize(103);
    assertThat(first.records("activity").get(100)).containsEntry("id", "a8-100").containsEntry("type", "opened")
        .containsEntry("created_at", OffsetDateTime.parse("2024-03-08T18:00:00Z"));
    assertThat((String) first.records("activity").get(101).get("email")).contains("\"status\":\"delivered\"");
    // The documented created_at is no epoch: it is ignored by the cursor and the state stays at the start.
    assertThat(first.logs()).anyMatch(line -> line.startsWith("WARN") && line.contains("created_at"));
    assertThat(first.lastState("activity")).isEqualTo(Json.parse("{\"created_at\":\"1709856000\"}"));

    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("activity"),
        first.lastState("activity"))));

    assertThat(connector.api().requests().subList(4, connector.api().requests().size()))
        .extracting(request -> request.query().get("date_from"))
        .containsExactly("1709856000", "1709856000", "1709942400", "1710028800");
    assertThat(second.lastState("activity")).isEqualTo(first.lastState("activity"));
    assertThat(first.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void aStateWithAnEpochValueIsTheLowerBoundOfTheNextRead() throws Exception {
    connector.api().get("/v1/activity/" + DOMAIN + "\\?.*", page(List.of()));

    var read = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("activity"),
        Json.parse("{\"created_at\":\"1710000000\"}"))));

    // From 2024-03-09T16:00:00Z to now is less than a day: one slice.
    assertThat(connector.api().requests()).extracting(request -> request.query().get("date_from"))
        .containsExactly("1710000000");
    assertThat(read.lastState("activity")).isEqualTo(Json.parse("{\"created_at\":\"1710000000\"}"));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
