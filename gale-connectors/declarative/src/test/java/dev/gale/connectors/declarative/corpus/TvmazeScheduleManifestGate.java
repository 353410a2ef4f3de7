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
 * TVmaze's schedule: the domestic, web and future schedules, each incremental on {@code airdate} in daily windows
 * from the start date to the end date (or today), each window asked for by its first day ({@code date}). No auth.
 *
 * <p>What the folder lacks: the {@code country} parameter is a template over {@code parameters['name']}, but the
 * manifest gives its requesters no {@code $parameters} (the stream names sit, unused, on the cursors), so the
 * template renders nothing and no country is sent, in Airbyte's CDK as here: both country settings are ignored, and
 * the web stream asks what the domestic one does. A window's end is never sent: the last window spans the last two
 * days and asks for the first of them. No pagination, no authentication or secret, and no error mapping,
 * so the failing check is the interpreter's default handling of a 404.
 */
class TvmazeScheduleManifestGate {
  private static final String CONFIG = """
      {"start_date":"2024-03-07","end_date":"2024-03-09","domestic_schedule_country_code":"GB",
       "web_schedule_country_code":"global"}""";

  private final CorpusConnector connector = CorpusConnector.open("source-tvmaze-schedule");

  TvmazeScheduleManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String episode(long id, String airdate, String show) {
    return """
        {"id":%d,"url":"https://www.tvmaze.com/episodes/%d/x","name":"Episode %d","season":2,"number":%d,
         "type":"regular","airdate":"%s","airtime":"21:00","airstamp":"%sT21:00:00+00:00","runtime":60,
         "rating":{"average":7.9},"image":null,"summary":"<p>Things happen.</p>",
         "show":{"id":%d,"name":"%s","language":"English"},
         "_links":{"self":{"href":"https://api.tvmaze.com/episodes/%d"}}}"""
        .formatted(id, id, id, id % 10, airdate, airdate, id / 100, show, id);
  }

  private static String schedule(String... episodes) {
    return "[" + String.join(",", episodes) + "]";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"start_date\",\"domestic_schedule_country_code\"]");

    AirbyteConnectionStatus missing = connector.check("{\"start_date\":\"2024-03-07\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("domestic_schedule_country_code");
    AirbyteConnectionStatus wrongType = connector.check(
        "{\"start_date\":20240307,\"domestic_schedule_country_code\":\"GB\"}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("start_date");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkAsksForTheFirstDay() {
    connector.api().get("/schedule\\?date=2024-03-07", schedule(episode(1001, "2024-03-07", "Night Shift")));

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("api.tvmaze.com");
      assertThat(request.query()).isEqualTo(Map.of("date", "2024-03-07"));
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnAnApiError() {
    connector.api().route("GET", "/schedule\\?.*", 404, """
        {"name":"Not Found","message":"Page not found.","code":0,"status":404}""", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("domestic").contains("404");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("domestic", "web", "future");
    assertThat(streams.values()).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
      assertThat(stream.defaultCursorField()).isEqualTo(List.of("airdate"));
    });
  }

  @Test
  void readsDailyWindowsThenFromTheState() throws Exception {
    connector.api()
        .get("/schedule\\?date=2024-03-07", schedule(episode(1001, "2024-03-07", "Night Shift"),
            episode(2002, "2024-03-07", "Bake Off")))
        .get("/schedule\\?date=2024-03-08", schedule(episode(1002, "2024-03-08", "Night Shift")))
        .get("/schedule/full\\?date=2024-03-0[78]", schedule(episode(3001, "2024-04-02", "Spring Drama")));

    var first = connector.read(CONFIG, List.of());

    // Windows 03-07 and 03-08..03-09; each asks for its first day, and no country.
    assertThat(connector.api().requests()).extracting(request -> request.path() + "?" + request.url().getQuery())
        .containsExactly("/schedule?date=2024-03-07", "/schedule?date=2024-03-08",
            "/schedule?date=2024-03-07", "/schedule?date=2024-03-08",
            "/schedule/full?date=2024-03-07", "/schedule/full?date=2024-03-08");
    assertThat(first.records("domestic")).extracting(record -> record.get("id"))
        .containsExactly(1001.0, 2002.0, 1002.0);
    assertThat(first.records("domestic").getFirst()).containsEntry("airdate", "2024-03-07")
        .containsEntry("airstamp", "2024-03-07T21:00:00+00:00").containsEntry("runtime", 60.0)
        .containsEntry("type", "regular");
    assertThat((String) first.records("domestic").getFirst().get("show")).contains("\"Night Shift\"");
    assertThat(first.records("web")).hasSize(3);
    assertThat(first.lastState("domestic").toString()).isEqualTo("{\"airdate\":\"2024-03-08\"}");
    assertThat(first.lastState("web").toString()).isEqualTo("{\"airdate\":\"2024-03-08\"}");
    // The future schedule's episodes air after the windows; its state is their latest airdate all the same.
    assertThat(first.records("future")).hasSize(2);
    JsonNode futureState = first.lastState("future");
    assertThat(futureState.toString()).isEqualTo("{\"airdate\":\"2024-04-02\"}");

    // From the state of 03-08, one window remains (03-08..03-09), asked for by its first day.
    int before = connector.api().requests().size();
    var second = connector.read(CONFIG, List.of(
        AirbyteStateMessage.stream(StreamDescriptor.of("domestic"), first.lastState("domestic")),
        AirbyteStateMessage.stream(StreamDescriptor.of("web"), first.lastState("web"))), "domestic", "web");
    assertThat(connector.api().requests().subList(before, connector.api().requests().size()))
        .extracting(request -> request.url().getQuery()).containsExactly("date=2024-03-08", "date=2024-03-08");
    assertThat(second.lastState("domestic").toString()).isEqualTo("{\"airdate\":\"2024-03-08\"}");
    assertThat(second.lastState("web").toString()).isEqualTo("{\"airdate\":\"2024-03-08\"}");
    // A state past the end leaves nothing to ask.
    connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("future"), futureState)), "future");
    assertThat(connector.api().requests()).hasSize(before + 2);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void withoutAnEndDateTheWindowsRunToToday() throws Exception {
    connector.api().get("/schedule\\?date=2024-03-0[89]", "[]");

    connector.read("{\"start_date\":\"2024-03-08\",\"domestic_schedule_country_code\":\"US\"}", List.of(), "domestic");

    // Today is 2024-03-10: windows 03-08 and 03-09..03-10.
    assertThat(connector.api().requests()).extracting(request -> request.query().get("date"))
        .containsExactly("2024-03-08", "2024-03-09");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
