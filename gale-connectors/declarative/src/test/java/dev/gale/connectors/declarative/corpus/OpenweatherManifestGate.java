package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OpenWeather One Call 3.0: one record, the whole forecast for the configured coordinates, with the API key as the
 * {@code appid} query parameter. The manifest checks the coordinates' ranges in its templates and sends a marker the
 * API rejects instead; it retries a 500. What the folder lacks: the stream has no primary key, no cursor (no
 * incremental read) and no pagination; the spec's {@code only_current} is never used by the manifest.
 */
class OpenweatherManifestGate {
  private static final String APPID = "owm-fake-appid-5d8e2b7c91";
  private static final String CONFIG = """
      {"appid":"%s","lat":"45.7603","lon":"4.835659","lang":"fr","units":"metric"}""".formatted(APPID);
  private static final String ONECALL = """
      {"lat":45.7603,"lon":4.8357,"timezone":"Europe/Paris","timezone_offset":3600,
       "current":{"dt":1710072000,"sunrise":1710051208,"sunset":1710093341,"temp":11.42,"feels_like":10.51,
        "pressure":1016,"humidity":71,"dew_point":6.35,"uvi":2.9,"clouds":40,"visibility":10000,"wind_speed":3.6,
        "wind_deg":200,"weather":[{"id":802,"main":"Clouds","description":"partiellement nuageux","icon":"03d"}]},
       "hourly":[{"dt":1710072000,"temp":11.42,"pop":0},{"dt":1710075600,"temp":12.1,"pop":0.12}],
       "daily":[{"dt":1710068400,"summary":"Expect a day of partly cloudy with rain","temp":{"day":11.9,"min":5.2,
        "max":13.4}}],
       "alerts":[]}""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-openweather");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specRequiresTheKeyAndTheCoordinates() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"appid\",\"lat\",\"lon\"]");

    AirbyteConnectionStatus missing = connector.check("{\"appid\":\"%s\",\"lon\":\"4.8\"}".formatted(APPID));
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("lat").doesNotContain(APPID);
    // The spec types the coordinates as text and lists the units it knows.
    AirbyteConnectionStatus number = connector.check(CONFIG.replace("\"45.7603\"", "45.7603"));
    assertThat(number.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(number.message()).contains("lat");
    AirbyteConnectionStatus units = connector.check(CONFIG.replace("metric", "kelvin"));
    assertThat(units.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(units.message()).contains("units").doesNotContain(APPID);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedKeyFailsItWithoutShowingTheKey() {
    connector.api().get("/data/3\\.0/onecall\\?.*", ONECALL);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement()
        .satisfies(request -> assertThat(request.query()).containsEntry("appid", APPID));

    try (CorpusConnector rejected = openWith401()) {
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("onecall").contains("401").doesNotContain(APPID);
      // 401 is not retried.
      assertThat(rejected.api().requests()).hasSize(1);
    }
  }

  private static CorpusConnector openWith401() {
    CorpusConnector rejected = open();
    rejected.api().route("GET", "/data/3\\.0/onecall\\?.*", 401, """
        {"cod":401,"message":"Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."}""",
        Integer.MAX_VALUE);
    return rejected;
  }

  @Test
  void aFailedReadShowsTheKeyNeitherInItsErrorNorInItsLogs() throws Exception {
    try (CorpusConnector rejected = openWith401()) {
      CorpusConnector.Failure failure = rejected.readFailing(CONFIG);

      assertThat(failure.error().getMessage()).contains("401").doesNotContain(APPID);
      assertThat(failure.read().logs()).noneMatch(line -> line.contains(APPID));
    }
  }

  @Test
  void aLatitudeOutOfRangeIsSentAsTheManifestsMarkerAndTheApisRefusalFailsTheCheck() {
    // The spec's pattern lets "95" through; the manifest's template sends a marker the API answers with a 400.
    connector.api().route("GET", "/data/3\\.0/onecall\\?.*", 400, "{\"cod\":\"400\",\"message\":\"wrong latitude\"}",
        Integer.MAX_VALUE);

    AirbyteConnectionStatus status = connector.check(CONFIG.replace("45.7603", "95"));

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("400");
    assertThat(connector.api().requests()).singleElement()
        .satisfies(request -> assertThat(request.query()).containsEntry("lat", " WRONG LATITUDE")
            .containsEntry("lon", "4.835659"));
  }

  @Test
  void discoverListsTheForecastWithoutPrimaryKey() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).singleElement().satisfies(stream -> {
      assertThat(stream.name()).isEqualTo("onecall");
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void readsTheForecastAfterRetryingAServerError() throws Exception {
    // The manifest retries a 500; the second attempt answers.
    connector.api().route("GET", "/data/3\\.0/onecall\\?.*", 500, "{\"cod\":500,\"message\":\"Internal error\"}", 1)
        .get("/data/3\\.0/onecall\\?.*", ONECALL);

    CorpusConnector.Read read = connector.read(CONFIG, List.of());

    assertThat(read.records("onecall")).singleElement().satisfies(record -> {
      assertThat(record).containsEntry("lat", 45.7603).containsEntry("lon", 4.8357)
          .containsEntry("timezone", "Europe/Paris").containsEntry("timezone_offset", 3600.0);
      assertThat((String) record.get("current")).contains("\"temp\":11.42").contains("partiellement nuageux");
      assertThat((String) record.get("hourly")).contains("1710075600");
      assertThat(record.get("alerts")).isEqualTo("[]");
    });
    assertThat(connector.api().requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.openweathermap.org");
      assertThat(request.path()).isEqualTo("/data/3.0/onecall");
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("lat", "45.7603");
      expected.put("lon", "4.835659");
      expected.put("appid", APPID);
      expected.put("lang", "fr");
      expected.put("units", "metric");
      assertThat(request.query()).isEqualTo(expected);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(APPID));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void optionalLanguageAndUnitsAreLeftOutWhenNotConfigured() throws Exception {
    connector.api().get("/data/3\\.0/onecall\\?.*", ONECALL);

    connector.read("{\"appid\":\"%s\",\"lat\":\"-21.249107858038816\",\"lon\":\"-70.39482074115321\"}"
        .formatted(APPID), List.of());

    assertThat(connector.api().requests()).singleElement().satisfies(request -> assertThat(request.query())
        .isEqualTo(Map.of("lat", "-21.249107858038816", "lon", "-70.39482074115321", "appid", APPID)));
  }
}
