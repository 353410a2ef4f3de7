package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Airbyte's own public API: workspaces, connections, and each connection's jobs (a substream, incremental on
 * {@code lastUpdatedAt}). The client id and secret buy a session token (a JSON POST to
 * {@code /v1/applications/token}) that goes out as a bearer token; pages follow the absolute {@code next} URL the
 * API returns.
 *
 * <p>What the folder lacks: no error mapping, so a rejected login fails the check through the interpreter's default
 * handling of a 401. The login has no {@code expiration_duration}, so, as in the CDK, every request of the read is
 * preceded by a login of its own (the API's tokens last three minutes, which a token kept for a long read would
 * outlive).
 */
class AirbyteManifestGate {
  private static final String SECRET = "fake-airbyte-client-secret-61f0";
  private static final String TOKEN = "fake-session-token-ab12";
  private static final String CONFIG = """
      {"client_id":"client-77","client_secret":"%s","start_date":"2024-03-01T00:00:00Z"}""".formatted(SECRET);
  private static final String LOGIN = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\","
      + "\"expires_in\":180}";
  private static final String CONNECTIONS_PAGE_2 = "https://api.airbyte.com/v1/connections?limit=100&offset=100"
      + "&includeDeleted=false";

  private final CorpusConnector connector = CorpusConnector.open("source-airbyte");

  AirbyteManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String connection(String id, String name) {
    return """
        {"connectionId":"%s","name":"%s","sourceId":"src-1","destinationId":"dst-1","workspaceId":"ws-1",
         "status":"active","schedule":{"scheduleType":"basic","basicTiming":"Every 24 hours"},
         "dataResidency":"auto","namespaceDefinition":"destination","namespaceFormat":null,"prefix":"",
         "nonBreakingSchemaUpdatesBehavior":"ignore","configurations":{"streams":[]}}""".formatted(id, name);
  }

  private static String job(long id, String connection, String updated) {
    return """
        {"jobId":%d,"status":"succeeded","jobType":"sync","startTime":"2024-03-0%sT01:00:00Z",
         "connectionId":"%s","lastUpdatedAt":"%s","duration":"PT4M12S","bytesSynced":52211,"rowsSynced":301}"""
        .formatted(id, updated.substring(9, 10), connection, updated);
  }

  private void login() {
    connector.api().post("/v1/applications/token", LOGIN);
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"start_date\",\"client_id\",\"client_secret\"]");

    AirbyteConnectionStatus missing = connector.check("{\"client_id\":\"client-77\",\"client_secret\":\"" + SECRET
        + "\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("start_date").doesNotContain(SECRET);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkLogsInThenReadsJobsPerConnection() {
    login();
    connector.api().get("/v1/connections\\?limit=100&includeDeleted=false", "{\"data\":["
            + connection("conn-1", "Postgres to Snowflake") + "],\"next\":\"\",\"previous\":\"\"}")
        .get("/v1/jobs\\?.*connectionId=conn-1.*", "{\"data\":[" + job(9001, "conn-1", "2024-03-05T01:04:12Z")
            + "],\"next\":\"\",\"previous\":\"\"}");

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    CorpusApi.Request login = connector.api().requests().getFirst();
    assertThat(login.method()).isEqualTo("POST");
    assertThat(login.host()).isEqualTo("api.airbyte.com");
    assertThat(Json.parse(login.body())).isEqualTo(Json.parse("""
        {"client_id":"client-77","grant-type":"client_credentials","client_secret":"%s"}""".formatted(SECRET)));
    assertThat(login.header("Authorization")).isNull();
    assertThat(connector.api().requests()).filteredOn(request -> request.method().equals("GET"))
        .allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsWhenTheLoginIsRejectedWithoutTheSecret() {
    connector.api().route("POST", "/v1/applications/token", 401,
        "{\"type\":\"https://reference.airbyte.com/reference/errors\",\"title\":\"unauthorized\",\"status\":401}", 5);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("401").doesNotContain(SECRET);
    assertThat(connector.api().requests()).noneMatch(request -> request.method().equals("GET"));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("Jobs", "Connections", "Workspaces");
    assertThat(streams.get("Jobs").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("jobId")));
    assertThat(streams.get("Jobs").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH,
        SyncMode.INCREMENTAL);
    assertThat(streams.get("Jobs").defaultCursorField()).isEqualTo(List.of("lastUpdatedAt"));
    assertThat(streams.get("Connections").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("connectionId")));
    assertThat(streams.get("Connections").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams.get("Workspaces").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("workspaceId")));
    assertThat(streams.get("Workspaces").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
  }

  @Test
  void readWorkspacesAndConnectionsAcrossPages() throws Exception {
    login();
    connector.api()
        .get("/v1/workspaces", """
            {"data":[{"workspaceId":"ws-1","name":"Default Workspace","dataResidency":"auto"},
                     {"workspaceId":"ws-2","name":"Analytics","dataResidency":"eu"}],
             "next":"https://api.airbyte.com/v1/workspaces?limit=20&offset=20","previous":""}""")
        .get("/v1/workspaces\\?limit=20&offset=20", """
            {"data":[{"workspaceId":"ws-3","name":"Sandbox","dataResidency":"us"}],"next":"",
             "previous":"https://api.airbyte.com/v1/workspaces?limit=20&offset=0"}""")
        .get("/v1/connections\\?limit=100&includeDeleted=false", "{\"data\":[" + connection("conn-1", "PG to SF")
            + "," + connection("conn-2", "Stripe to BQ") + "],\"next\":\"" + CONNECTIONS_PAGE_2
            + "\",\"previous\":\"\"}")
        .get("/v1/connections\\?limit=100&offset=100&includeDeleted=false", "{\"data\":["
            + connection("conn-3", "Hubspot to PG") + "],\"previous\":\"https://api.airbyte.com/v1/connections\"}");

    var read = connector.read(CONFIG, List.of(), "Workspaces", "Connections");

    assertThat(read.records("Workspaces")).extracting(record -> record.get("name"))
        .containsExactly("Default Workspace", "Analytics", "Sandbox");
    assertThat(read.records("Connections")).extracting(record -> record.get("connectionId"))
        .containsExactly("conn-1", "conn-2", "conn-3");
    assertThat(read.records("Connections").get(1)).containsEntry("name", "Stripe to BQ")
        .containsEntry("status", "active");
    assertThat((String) read.records("Connections").getFirst().get("schedule")).contains("Every 24 hours");
    // The second page is the API's next URL as given; the manifest's parameters are in it already.
    assertThat(connector.api().requests()).filteredOn(request -> request.path().equals("/v1/connections"))
        .extracting(request -> request.url().toString())
        .containsExactly("https://api.airbyte.com/v1/connections?limit=100&includeDeleted=false",
            CONNECTIONS_PAGE_2);
    assertThat(connector.api().requests()).filteredOn(request -> request.path().equals("/v1/workspaces"))
        .extracting(request -> request.url().toString())
        .containsExactly("https://api.airbyte.com/v1/workspaces",
            "https://api.airbyte.com/v1/workspaces?limit=20&offset=20");
    assertThat(connector.api().requests()).filteredOn(request -> request.method().equals("GET"))
        .allSatisfy(request -> {
          assertThat(request.host()).isEqualTo("api.airbyte.com");
          assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        });
    // No expiration_duration: a login (POST) before each request of the read (GET), as the CDK does.
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::method)
        .containsExactly("POST", "GET", "POST", "GET", "POST", "GET", "POST", "GET");
    assertThat(read.logs()).noneMatch(line -> line.contains(SECRET) || line.contains(TOKEN));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readJobsPerConnectionIncrementallyThenFromTheState() throws Exception {
    login();
    String jobsPage2 = "https://api.airbyte.com/v1/jobs?connectionId=conn-1&limit=100&offset=100"
        + "&orderBy=updatedAt%7CDESC&updatedAtStart=2024-03-01T00%3A00%3A00Z";
    connector.api()
        .get("/v1/connections\\?limit=100&includeDeleted=false", "{\"data\":[" + connection("conn-1", "PG to SF")
            + "," + connection("conn-2", "Stripe to BQ") + "],\"next\":\"\"}")
        .get("/v1/jobs\\?limit=100&orderBy=updatedAt%7CDESC&connectionId=conn-1"
            + "&updatedAtStart=2024-03-01T00%3A00%3A00Z",
            "{\"data\":[" + job(9003, "conn-1", "2024-03-08T01:04:12Z") + "," + job(9002, "conn-1",
                "2024-03-07T01:03:00Z") + "],\"next\":\"" + jobsPage2 + "\"}")
        .get("/v1/jobs\\?connectionId=conn-1&limit=100&offset=100.*", "{\"data\":[" + job(9001, "conn-1",
            "2024-03-02T01:02:00Z") + "],\"next\":\"\"}")
        .get("/v1/jobs\\?limit=100&orderBy=updatedAt%7CDESC&connectionId=conn-2"
            + "&updatedAtStart=2024-03-01T00%3A00%3A00Z",
            "{\"data\":[" + job(7001, "conn-2", "2024-03-04T06:00:00Z") + "],\"next\":\"\"}");

    var first = connector.read(CONFIG, List.of(), "Jobs");

    assertThat(first.records("Jobs")).extracting(record -> record.get("jobId"))
        .containsExactly(9003.0, 9002.0, 9001.0, 7001.0);
    assertThat(first.records("Jobs").getFirst()).containsEntry("connectionId", "conn-1")
        .containsEntry("status", "succeeded").containsEntry("rowsSynced", 301.0);
    // The second page of conn-1's jobs is the API's URL; nothing from the manifest is added twice.
    assertThat(connector.api().requests()).extracting(request -> request.url().toString()).contains(jobsPage2);
    // Airbyte's per-partition state: a cursor per connection, and the latest over all of them.
    JsonNode state = first.lastState("Jobs");
    assertThat(state.path("use_global_cursor").asBoolean()).isFalse();
    assertThat(state.path("state").path("lastUpdatedAt").asText()).isEqualTo("2024-03-08T01:04:12Z");
    assertThat(state.path("states")).hasSize(2);
    assertThat(state.path("states").get(0).path("partition").path("connectionId").asText()).isEqualTo("conn-1");
    assertThat(state.path("states").get(0).path("cursor").path("lastUpdatedAt").asText())
        .isEqualTo("2024-03-08T01:04:12Z");
    assertThat(state.path("states").get(1).path("partition").path("connectionId").asText()).isEqualTo("conn-2");
    assertThat(state.path("states").get(1).path("cursor").path("lastUpdatedAt").asText())
        .isEqualTo("2024-03-04T06:00:00Z");

    // The second read asks each connection for jobs updated since its own cursor.
    int before = connector.api().requests().size();
    connector.api()
        .get("/v1/jobs\\?.*connectionId=conn-1&updatedAtStart=2024-03-08T01%3A04%3A12Z", "{\"data\":[],\"next\":\"\"}")
        .get("/v1/jobs\\?.*connectionId=conn-2&updatedAtStart=2024-03-04T06%3A00%3A00Z", "{\"data\":["
            + job(7002, "conn-2", "2024-03-09T06:00:00Z") + "],\"next\":\"\"}");
    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("Jobs"), state)),
        "Jobs");
    List<CorpusApi.Request> jobs = connector.api().requests().subList(before, connector.api().requests().size())
        .stream().filter(request -> request.path().equals("/v1/jobs")).toList();
    assertThat(jobs).extracting(request -> request.query().get("updatedAtStart"))
        .containsExactly("2024-03-08T01:04:12Z", "2024-03-04T06:00:00Z");
    assertThat(jobs).extracting(request -> request.query().get("orderBy")).containsOnly("updatedAt|DESC");
    assertThat(second.records("Jobs")).extracting(record -> record.get("jobId")).containsExactly(7002.0);
    JsonNode after = second.lastState("Jobs");
    assertThat(after.path("states").get(1).path("cursor").path("lastUpdatedAt").asText())
        .isEqualTo("2024-03-09T06:00:00Z");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
