package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SavvyCal: {@code events} and {@code scheduling_links} paged by {@code metadata.after} (sent back as {@code after}
 * until it is null), {@code events} gaining the scheduler's name and email as top-level fields, and {@code timezones},
 * one request whose body is the array; the personal token goes as a bearer token.
 *
 * <p>What the folder lacks: no incremental stream and no error mapping of its own (a rejected token fails by the
 * default mapping of a 401). Its schemas declare no properties, so a sync's rows have no columns: the records
 * themselves are asserted as JSON through a test read.
 */
class SavvycalManifestGate {
  private static final String SECRET = "pt_secret_FAKE_5a0c3e9d71b24";
  private static final String CONFIG = "{\"api_key\":\"" + SECRET + "\"}";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-savvycal");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private void answerEveryStream() {
    // A page with an 'after' cursor is followed by the page it names; a null 'after' ends the stream.
    connector.api().get("/v1/events\\?after=ZXZ0XzAy", """
        {"entries":[
          {"id":"evt_03","summary":"Quarterly review","state":"confirmed","start_at":"2024-03-14T09:00:00Z",
           "end_at":"2024-03-14T10:00:00Z","duration":60,
           "scheduler":{"id":"usr_12","display_name":"Tomas Berg","email":"tomas@example.org"},
           "attendees":[{"display_name":"Ines","email":"ines@example.com","time_zone":"Europe/Lisbon"}]}],
         "metadata":{"after":null,"before":"ZXZ0XzAz","limit":20}}""");
    connector.api().get("/v1/events", """
        {"entries":[
          {"id":"evt_01","summary":"Intro call","state":"confirmed","start_at":"2024-03-11T15:00:00Z",
           "end_at":"2024-03-11T15:30:00Z","duration":30,
           "scheduler":{"id":"usr_9","display_name":"Maya Lindqvist","email":"maya@example.org"},
           "attendees":[{"display_name":"Kofi","email":"kofi@example.net","time_zone":"Africa/Accra"}]},
          {"id":"evt_02","summary":"Demo","state":"canceled","start_at":"2024-03-12T17:00:00Z",
           "end_at":"2024-03-12T17:45:00Z","duration":45,
           "scheduler":{"id":"usr_9","display_name":"Maya Lindqvist","email":"maya@example.org"},
           "attendees":[]}],
         "metadata":{"after":"ZXZ0XzAy","before":null,"limit":20}}""");
    connector.api().get("/v1/links\\?after=bG5rXzI", """
        {"entries":[{"id":"lnk_3","name":"Office hours","slug":"office-hours","state":"disabled",
                     "durations":[15],"default_duration":15}],
         "metadata":{"after":null,"before":"bG5rXzM","limit":20}}""");
    connector.api().get("/v1/links", """
        {"entries":[{"id":"lnk_1","name":"Intro call","slug":"intro","state":"active","durations":[15,30],
                     "default_duration":30},
                    {"id":"lnk_2","name":"Demo","slug":"demo","state":"active","durations":[45],
                     "default_duration":45}],
         "metadata":{"after":"bG5rXzI","before":null,"limit":20}}""");
    connector.api().get("/v1/time_zones", """
        [{"id":"Europe/Lisbon","name":"Lisbon","offset":"+00:00"},
         {"id":"Africa/Accra","name":"Accra","offset":"+00:00"},
         {"id":"Asia/Kolkata","name":"Kolkata","offset":"+05:30"}]""");
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\"]");
    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_key");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedTokenFailsWithoutShowingIt() {
    connector.api().route("GET", "/v1/events", 401, "{\"error\":\"unauthorized\"}", 1);
    answerEveryStream();

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("events", "401").doesNotContain(SECRET);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsTheThreeStreams() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name).containsExactly("events", "scheduling_links", "timezones");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsEveryStreamAcrossCursorPages() throws Exception {
    answerEveryStream();

    var read = connector.read(CONFIG, List.of());

    assertThat(read.records("events")).hasSize(3);
    assertThat(read.records("scheduling_links")).hasSize(3);
    assertThat(read.records("timezones")).hasSize(3);
    assertThat(read.states()).isEmpty();
    assertThat(connector.api().requests()).extracting(request -> request.path() + " " + request.query())
        .containsExactly("/v1/events {}", "/v1/events {after=ZXZ0XzAy}", "/v1/links {}", "/v1/links {after=bG5rXzI}",
            "/v1/time_zones {}");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.savvycal.com");
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void recordsKeepTheApiFieldsAndGainTheSchedulersNameAndEmail() throws Exception {
    answerEveryStream();

    List<JsonNode> events = connector.jsonRecords(CONFIG, "events");
    assertThat(events).extracting(event -> event.path("id").asText()).containsExactly("evt_01", "evt_02", "evt_03");
    assertThat(events.getFirst().path("scheduler_name").asText()).isEqualTo("Maya Lindqvist");
    assertThat(events.getFirst().path("scheduler_email").asText()).isEqualTo("maya@example.org");
    assertThat(events.get(2).path("scheduler_name").asText()).isEqualTo("Tomas Berg");
    assertThat(events.get(2).path("scheduler").path("id").asText()).isEqualTo("usr_12");
    assertThat(events.get(1).path("duration").asInt()).isEqualTo(45);

    List<JsonNode> links = connector.jsonRecords(CONFIG, "scheduling_links");
    assertThat(links).extracting(link -> link.path("slug").asText()).containsExactly("intro", "demo", "office-hours");
    assertThat(links.getFirst().has("scheduler_name")).isFalse();

    List<JsonNode> zones = connector.jsonRecords(CONFIG, "timezones");
    assertThat(zones).extracting(zone -> zone.path("id").asText())
        .containsExactly("Europe/Lisbon", "Africa/Accra", "Asia/Kolkata");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
