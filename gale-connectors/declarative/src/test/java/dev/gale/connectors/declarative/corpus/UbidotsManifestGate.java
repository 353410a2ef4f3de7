package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ubidots' industrial API v2: devices, events, dashboards, variables, device groups and device types, the token in an
 * {@code X-Auth-Token} header. Every stream follows the API's {@code next} URL: the page number is cut out of it with
 * {@code regex_search} and sent as {@code page} until {@code next} is null; devices, events and dashboards also ask
 * for pages of 200.
 *
 * <p>What the folder lacks: no incremental stream (no state to assert) and no error mapping, so a rejected token
 * fails the check through the interpreter's default handling of a 401.
 */
class UbidotsManifestGate {
  private static final String TOKEN = "BBFF-fake-ubidots-token-42";
  private static final String CONFIG = "{\"api_token\":\"" + TOKEN + "\"}";
  private static final String BASE = "https://industrial.api.ubidots.com/api/v2.0";

  private final CorpusConnector connector = CorpusConnector.open("source-ubidots");

  UbidotsManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String page(String next, String... results) {
    return "{\"count\":" + results.length + ",\"next\":" + (next == null ? "null" : "\"" + next + "\"")
        + ",\"previous\":null,\"results\":[" + String.join(",", results) + "]}";
  }

  private static String device(String id, String label) {
    return """
        {"id":"%s","label":"%s","name":"%s","description":"","isActive":true,"createdAt":"2023-11-02T10:15:00.000000Z",
         "lastActivity":1709900000000,"url":"%s/devices/%s","variables":"%s/devices/%s/variables",
         "variablesCount":3,"tags":["plant-a"],"properties":{"_color":"#EC407A","_icon":"cpu"}}"""
        .formatted(id, label, label.toUpperCase(java.util.Locale.ROOT), BASE, id, BASE, id);
  }

  private static String named(String id, String label) {
    return """
        {"id":"%s","label":"%s","name":"%s","description":"","createdAt":"2024-01-05T08:00:00.000000Z",
         "url":"%s/x/%s","tags":[]}""".formatted(id, label, label, BASE, id);
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_token\"]");

    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_token");
    AirbyteConnectionStatus wrongType = connector.check("{\"api_token\":42}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("api_token");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSendsTheTokenHeader() {
    connector.api().get("/api/v2\\.0/devices/\\?per_page=200", page(null, device("d-1", "boiler")));

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("industrial.api.ubidots.com");
      assertThat(request.path()).isEqualTo("/api/v2.0/devices/");
      assertThat(request.header("X-Auth-Token")).isEqualTo(TOKEN);
      assertThat(request.header("Authorization")).isNull();
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnARejectedTokenWithoutTheToken() {
    connector.api().route("GET", "/api/v2\\.0/devices/.*", 401, """
        {"code":401001,"message":"Authentication credentials were not provided or are invalid."}""", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("devices").contains("401").doesNotContain(TOKEN);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("devices", "events", "dashboards", "variables", "device_groups",
        "device_types");
    assertThat(streams.values()).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void readDevicesAcrossPagesByTheNumberInTheNextUrl() throws Exception {
    connector.api()
        .get("/api/v2\\.0/devices/\\?per_page=200", page(BASE + "/devices/?page=2&per_page=200",
            device("d-1", "boiler"), device("d-2", "chiller")))
        .get("/api/v2\\.0/devices/\\?page=2&per_page=200", page(BASE + "/devices/?page=3&per_page=200",
            device("d-3", "pump")))
        .get("/api/v2\\.0/devices/\\?page=3&per_page=200", page(null, device("d-4", "valve")));

    var read = connector.read(CONFIG, List.of(), "devices");

    assertThat(read.records("devices")).extracting(record -> record.get("label"))
        .containsExactly("boiler", "chiller", "pump", "valve");
    assertThat(read.records("devices").getFirst()).containsEntry("isActive", true).containsEntry("variablesCount", 3.0)
        .containsEntry("lastActivity", 1.70990000E12).containsEntry("name", "BOILER");
    assertThat(connector.api().requests()).extracting(request -> request.query().get("page"))
        .containsExactly(null, "2", "3");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.query()).containsEntry("per_page", "200");
      assertThat(request.header("X-Auth-Token")).isEqualTo(TOKEN);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(TOKEN));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readTheOtherStreamsAcrossTwoPagesEach() throws Exception {
    connector.api()
        .get("/api/v2\\.0/events/\\?per_page=200", page(BASE + "/events/?page=2&per_page=200", """
            {"id":"ev-1","label":"high-temp","name":"High temperature","isActive":true,"isGlobalEvent":false,
             "createdAt":"2024-02-01T00:00:00.000000Z","triggers":[{"variable":"temperature","operator":"gt",
             "value":80}],"actions":[{"type":"email"}],"activeDates":{"timezone":"UTC","dates":[]},"tags":[]}"""))
        .get("/api/v2\\.0/events/\\?page=2&per_page=200", page(null, named("ev-2", "door-open")))
        .get("/api/v2\\.0/dashboards/\\?per_page=200", page(BASE + "/dashboards/?page=2&per_page=200", """
            {"id":"db-1","label":"plant-overview","name":"Plant overview","isActive":true,"isEditable":true,
             "order":1,"createdAt":"2024-01-10T00:00:00.000000Z","widgetsNumber":6,"tags":[],
             "timeframe":{"startDate":"now-24h","endDate":"now"}}"""))
        .get("/api/v2\\.0/dashboards/\\?page=2&per_page=200", page(null, named("db-2", "energy")))
        .get("/api/v2\\.0/variables/", page(BASE + "/variables/?page=2", """
            {"id":"v-1","label":"temperature","name":"Temperature","type":"raw","createdAt":"2023-11-02T10:15:00Z",
             "device":{"id":"d-1","label":"boiler","name":"BOILER"},"lastActivity":1709900000000,
             "lastValue":{"value":78.5,"timestamp":1709900000000,"context":{}},"tags":[]}"""))
        .get("/api/v2\\.0/variables/\\?page=2", page(null, """
            {"id":"v-2","label":"pressure","name":"Pressure","type":"raw","createdAt":"2023-11-02T10:15:00Z",
             "device":{"id":"d-1","label":"boiler"},"lastActivity":null,"lastValue":{},"tags":[]}"""))
        .get("/api/v2\\.0/device_groups/", page(BASE + "/device_groups/?page=2", """
            {"id":"g-1","label":"plant-a","name":"Plant A","devicesCount":2,"devices":"%s/device_groups/g-1/devices",
             "createdAt":"2024-01-05T08:00:00.000000Z","tags":[]}""".formatted(BASE)))
        .get("/api/v2\\.0/device_groups/\\?page=2", page(null, named("g-2", "plant-b")))
        .get("/api/v2\\.0/device_types/", page(BASE + "/device_types/?page=2", named("t-1", "sensor-box")))
        .get("/api/v2\\.0/device_types/\\?page=2", page(null, named("t-2", "gateway")));

    var read = connector.read(CONFIG, List.of(), "events", "dashboards", "variables", "device_groups",
        "device_types");

    assertThat(read.records("events")).extracting(record -> record.get("label"))
        .containsExactly("high-temp", "door-open");
    assertThat(read.records("events").getFirst()).containsEntry("isGlobalEvent", false);
    assertThat((String) read.records("events").getFirst().get("triggers")).contains("\"operator\":\"gt\"");
    assertThat(read.records("dashboards")).extracting(record -> record.get("label"))
        .containsExactly("plant-overview", "energy");
    assertThat(read.records("dashboards").getFirst()).containsEntry("widgetsNumber", 6.0)
        .containsEntry("isEditable", true);
    assertThat(read.records("variables")).extracting(record -> record.get("label"))
        .containsExactly("temperature", "pressure");
    assertThat((String) read.records("variables").getFirst().get("lastValue")).contains("78.5");
    assertThat(read.records("device_groups")).extracting(record -> record.get("label"))
        .containsExactly("plant-a", "plant-b");
    assertThat(read.records("device_groups").getFirst()).containsEntry("devicesCount", 2.0);
    assertThat(read.records("device_types")).extracting(record -> record.get("label"))
        .containsExactly("sensor-box", "gateway");
    // Variables, groups and types name no page size; their second page is asked for by number alone.
    assertThat(connector.api().requests()).extracting(request -> request.path() + " " + request.query())
        .containsExactly("/api/v2.0/events/ {per_page=200}", "/api/v2.0/events/ {page=2, per_page=200}",
            "/api/v2.0/dashboards/ {per_page=200}", "/api/v2.0/dashboards/ {page=2, per_page=200}",
            "/api/v2.0/variables/ {}", "/api/v2.0/variables/ {page=2}",
            "/api/v2.0/device_groups/ {}", "/api/v2.0/device_groups/ {page=2}",
            "/api/v2.0/device_types/ {}", "/api/v2.0/device_types/ {page=2}");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
