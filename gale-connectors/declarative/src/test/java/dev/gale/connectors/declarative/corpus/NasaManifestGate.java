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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NASA's Astronomy Picture of the Day: one stream, incremental on {@code date} in monthly windows to today with a
 * 31-day lookback, each window asked for by its start ({@code start_date}, a template over
 * {@code stream_interval}); the API key is a query parameter.
 *
 * <p>What the folder lacks: no end of a window goes to the API, which answers every picture from the start date to
 * today, so windows overlap and pictures repeat (as they would in Airbyte). The spec's {@code concept_tags},
 * {@code count}, {@code end_date} and {@code thumbs} are not used by any request. No primary key, no pagination, and
 * no error mapping, so a rejected key fails the check through the interpreter's default handling of a 403.
 */
class NasaManifestGate {
  private static final String KEY = "fake-nasa-key-51d0c2";
  private static final String CONFIG = "{\"api_key\":\"" + KEY + "\",\"start_date\":\"2024-01-20\"}";

  private final CorpusConnector connector = CorpusConnector.open("source-nasa");

  NasaManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String picture(String date, String title) {
    return """
        {"date":"%s","title":"%s","explanation":"A view of %s.","media_type":"image","service_version":"v1",
         "url":"https://apod.nasa.gov/apod/image/2401/%s.jpg",
         "hdurl":"https://apod.nasa.gov/apod/image/2401/%s_big.jpg",
         "copyright":"A. Astronomer"}""".formatted(date, title, title, date, date);
  }

  private static String pictures(String... entries) {
    return "[" + String.join(",", entries) + "]";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\"]");

    AirbyteConnectionStatus missing = connector.check("{\"start_date\":\"2024-01-20\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_key");
    AirbyteConnectionStatus wrongType = connector.check("{\"api_key\":\"" + KEY + "\",\"count\":\"ten\"}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("count").doesNotContain(KEY);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkAsksForTheFirstWindow() {
    connector.api().get("/planetary/apod\\?api_key=" + KEY + "&start_date=2024-01-20",
        pictures(picture("2024-01-20", "Orion Nebula")));

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("api.nasa.gov");
      assertThat(request.path()).isEqualTo("/planetary/apod");
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnARejectedKeyWithoutTheKey() {
    connector.api().route("GET", "/planetary/apod\\?.*", 403, """
        {"error":{"code":"API_KEY_INVALID","message":"An invalid api_key was supplied."}}""", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("nasa_apod").contains("403").doesNotContain(KEY);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).singleElement().satisfies(stream -> {
      assertThat(stream.name()).isEqualTo("nasa_apod");
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
      assertThat(stream.defaultCursorField()).isEqualTo(List.of("date"));
    });
  }

  @Test
  void readsMonthlyWindowsThenFromTheStateLessTheLookback() throws Exception {
    // Windows from 2024-01-20 to today (2024-03-10): one from 01-20, one from 02-20. Each answer runs to today.
    connector.api()
        .get("/planetary/apod\\?api_key=" + KEY + "&start_date=2024-01-20", pictures(
            picture("2024-01-20", "Orion Nebula"), picture("2024-02-21", "Comet Tail"),
            picture("2024-03-09", "Lunar Halo")))
        .get("/planetary/apod\\?api_key=" + KEY + "&start_date=2024-02-20", pictures(
            picture("2024-02-21", "Comet Tail"), picture("2024-03-09", "Lunar Halo")));

    var first = connector.read(CONFIG, List.of());

    assertThat(first.records("nasa_apod")).extracting(record -> record.get("title"))
        .containsExactly("Orion Nebula", "Comet Tail", "Lunar Halo", "Comet Tail", "Lunar Halo");
    assertThat(first.records("nasa_apod").getFirst()).containsEntry("media_type", "image")
        .containsEntry("copyright", "A. Astronomer")
        .containsEntry("hdurl", "https://apod.nasa.gov/apod/image/2401/2024-01-20_big.jpg");
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query).containsExactly(
        Map.of("api_key", KEY, "start_date", "2024-01-20"), Map.of("api_key", KEY, "start_date", "2024-02-20"));
    JsonNode state = first.lastState("nasa_apod");
    assertThat(state.toString()).isEqualTo("{\"date\":\"2024-03-09\"}");

    // From 2024-03-09 less 31 days: windows from 02-07 and from 03-07.
    connector.api()
        .get("/planetary/apod\\?api_key=" + KEY + "&start_date=2024-02-07", pictures(
            picture("2024-03-09", "Lunar Halo"), picture("2024-03-10", "Zodiacal Light")))
        .get("/planetary/apod\\?api_key=" + KEY + "&start_date=2024-03-07", pictures(
            picture("2024-03-09", "Lunar Halo"), picture("2024-03-10", "Zodiacal Light")));
    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("nasa_apod"),
        state)));
    assertThat(connector.api().requests().subList(2, connector.api().requests().size()))
        .extracting(request -> request.query().get("start_date")).containsExactly("2024-02-07", "2024-03-07");
    assertThat(second.lastState("nasa_apod").toString()).isEqualTo("{\"date\":\"2024-03-10\"}");
    assertThat(second.logs()).noneMatch(line -> line.contains(KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
