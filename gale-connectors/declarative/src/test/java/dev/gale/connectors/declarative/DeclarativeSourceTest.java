package dev.gale.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.ValueType;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A small API in the style of Airbyte's manifest-only connectors, end to end through check, discover and read. */
class DeclarativeSourceTest {
  private static final String SECRET = "sk-live-0123456789";
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private String manifest() {
    return """
        version: 4.5.4
        type: DeclarativeSource
        check:
          type: CheckStream
          stream_names: [users]
        definitions:
          base_requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}/v1"
            http_method: GET
            authenticator:
              type: ApiKeyAuthenticator
              api_token: "{{ config['api_key'] }}"
              inject_into:
                type: RequestOption
                inject_into: header
                field_name: X-Api-Key
          paginator:
            type: DefaultPaginator
            page_token_option:
              type: RequestOption
              inject_into: request_parameter
              field_name: cursor
            page_size_option:
              type: RequestOption
              inject_into: request_parameter
              field_name: limit
            pagination_strategy:
              type: CursorPagination
              cursor_value: "{{ response.next_cursor }}"
              stop_condition: "{{ not response.has_more }}"
              page_size: 2
          streams:
            users:
              type: DeclarativeStream
              name: users
              primary_key: [id]
              retriever:
                type: SimpleRetriever
                requester:
                  $ref: "#/definitions/base_requester"
                  path: /users
                  request_parameters:
                    status: active
                record_selector:
                  type: RecordSelector
                  extractor:
                    type: DpathExtractor
                    field_path: [data]
                  record_filter:
                    type: RecordFilter
                    condition: "{{ record.deleted != True }}"
                paginator:
                  $ref: "#/definitions/paginator"
              transformations:
                - type: AddFields
                  fields:
                    - path: [source]
                      value: api
                - type: RemoveFields
                  field_pointers:
                    - [internal]
              schema_loader:
                type: InlineSchemaLoader
                schema:
                  $ref: "#/schemas/users"
            events:
              type: DeclarativeStream
              name: events
              primary_key: id
              incremental_sync:
                type: DatetimeBasedCursor
                cursor_field: created_at
                datetime_format: "%Y-%m-%dT%H:%M:%SZ"
                cursor_datetime_formats: ["%Y-%m-%dT%H:%M:%SZ"]
                start_datetime:
                  type: MinMaxDatetime
                  datetime: "{{ config['start_date'] }}"
                  datetime_format: "%Y-%m-%d"
                start_time_option:
                  type: RequestOption
                  inject_into: request_parameter
                  field_name: since
                end_time_option:
                  type: RequestOption
                  inject_into: request_parameter
                  field_name: until
                step: P5D
                cursor_granularity: PT1S
              retriever:
                type: SimpleRetriever
                requester:
                  $ref: "#/definitions/base_requester"
                  path: /events
                record_selector:
                  type: RecordSelector
                  extractor:
                    type: DpathExtractor
                    field_path: []
              schema_loader:
                type: InlineSchemaLoader
                schema:
                  $ref: "#/schemas/events"
        streams:
          - $ref: "#/definitions/streams/users"
          - $ref: "#/definitions/streams/events"
        spec:
          type: Spec
          documentation_url: https://docs.example.com/users-api
          connection_specification:
            type: object
            $schema: http://json-schema.org/draft-07/schema#
            required: [api_key, base_url]
            properties:
              api_key:
                type: string
                airbyte_secret: true
              base_url:
                type: string
              start_date:
                type: string
                default: "2024-03-01"
        schemas:
          users:
            type: object
            properties:
              id: {type: integer}
              name: {type: [string, "null"]}
              signed_up: {type: string, format: date}
              score: {type: number}
              source: {type: string}
          events:
            type: object
            properties:
              id: {type: integer}
              created_at: {type: string, format: date-time}
        """;
  }

  private JsonNode config() {
    return Json.object().put("api_key", SECRET).put("base_url", api.url()).put("start_date", "2024-03-01");
  }

  @Test
  void specCarriesTheManifestsSpecification() {
    DeclarativeSource source = TestSources.load(manifest());

    assertThat(source.spec().documentationUrl()).isEqualTo("https://docs.example.com/users-api");
    assertThat(source.spec().connectionSpecification().at("/properties/api_key/airbyte_secret").asBoolean()).isTrue();
  }

  @Test
  void discoverListsStreamsWithKeysAndCursors() {
    AirbyteCatalog catalog = TestSources.load(manifest()).discover(config());

    AirbyteStream users = catalog.stream(StreamDescriptor.of("users")).orElseThrow();
    assertThat(users.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(users.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
    assertThat(users.jsonSchema().at("/properties/signed_up/format").asText()).isEqualTo("date");
    AirbyteStream events = catalog.stream(StreamDescriptor.of("events")).orElseThrow();
    assertThat(events.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(events.sourceDefinedCursor()).isTrue();
    assertThat(events.defaultCursorField()).containsExactly("created_at");
  }

  @Test
  void streamNamesListTheManifestsStreamsInOrderWithoutAConfiguration() {
    assertThat(TestSources.load(manifest()).streamNames()).containsExactly("users", "events");
  }

  @Test
  void checkReadsTheFirstPageOfTheCheckStreams() {
    api.json("{\"data\": [{\"id\": 1}], \"has_more\": true, \"next_cursor\": \"c2\"}");

    AirbyteConnectionStatus status = TestSources.load(manifest()).check(config());

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(api.requestCount()).isEqualTo(1);
  }

  @Test
  void checkFailsWithTheApisMessageAndWithoutTheSecret() {
    api.respond(401, "{\"error\": {\"message\": \"invalid key " + SECRET + "\"}}");

    AirbyteConnectionStatus status = TestSources.load(manifest()).check(config());

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("users").contains("401").contains("invalid key")
        .doesNotContain(SECRET);
  }

  @Test
  void checkFailsForAConfigWithoutRequiredProperties() {
    AirbyteConnectionStatus status = TestSources.load(manifest()).check(Json.object().put("api_key", SECRET));

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("base_url is required").doesNotContain(SECRET);
  }

  @Test
  void readFollowsPagesFiltersTransformsAndTypesRecords() throws Exception {
    api.json("{\"data\": [{\"id\": 1, \"name\": \"Ada\", \"signed_up\": \"2024-01-02\", \"score\": \"4.5\","
        + " \"internal\": \"x\", \"extra\": 1}, {\"id\": 2, \"deleted\": true}], \"has_more\": true,"
        + " \"next_cursor\": \"c2\"}");
    api.json("{\"data\": [{\"id\": 3, \"name\": null, \"signed_up\": \"not a date\", \"score\": 7}],"
        + " \"has_more\": false}");
    RecordingOutput output = new RecordingOutput();

    TestSources.load(manifest()).read(config(), catalog("users", SyncMode.FULL_REFRESH), List.of(), output);

    RecordedRequest first = api.take();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/users");
    assertThat(first.getUrl().queryParameter("status")).isEqualTo("active");
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
    assertThat(first.getUrl().queryParameter("cursor")).isNull();
    assertThat(first.getHeaders().get("X-Api-Key")).isEqualTo(SECRET);
    RecordedRequest second = api.take();
    assertThat(second.getUrl().queryParameter("cursor")).isEqualTo("c2");

    RecordBatch batch = output.batches().getFirst();
    assertThat(batch.schema().columns()).extracting(column -> column.name())
        .containsExactly("id", "name", "signed_up", "score", "source");
    assertThat(batch.schema().columns().get(2).type()).isEqualTo(ValueType.DATE);
    List<Object[]> rows = output.rows(StreamDescriptor.of("users"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsExactly(1L, "Ada", LocalDate.of(2024, 1, 2), 4.5, "api");
    assertThat(rows.get(1)).containsExactly(3L, null, null, 7.0, "api");
    assertThat(output.logs()).anyMatch(line -> line.startsWith("WARN") && line.contains("signed_up"));
    assertThat(output.logs()).anyMatch(line -> line.startsWith("DEBUG") && line.contains("/v1/users"));
    assertThat(output.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(output.checkpoints()).isEmpty();
  }

  @Test
  void incrementalReadCheckpointsEachWindowAndResumesFromItsState() throws Exception {
    // From the start date 2024-03-01 to the test clock's now, 2024-03-10T12:00:00Z, in 5-day windows.
    api.json("[{\"id\": 1, \"created_at\": \"2024-03-02T10:00:00Z\"}, {\"id\": 2, \"created_at\": \"2024-03-04T08:00:00Z\"}]");
    api.json("[{\"id\": 3, \"created_at\": \"2024-03-09T23:00:00Z\"}]");
    RecordingOutput first = new RecordingOutput();

    TestSources.load(manifest()).read(config(), catalog("events", SyncMode.INCREMENTAL), List.of(), first);

    RecordedRequest window1 = api.take();
    assertThat(window1.getUrl().queryParameter("since")).isEqualTo("2024-03-01T00:00:00Z");
    assertThat(window1.getUrl().queryParameter("until")).isEqualTo("2024-03-05T23:59:59Z");
    RecordedRequest window2 = api.take();
    assertThat(window2.getUrl().queryParameter("since")).isEqualTo("2024-03-06T00:00:00Z");
    assertThat(window2.getUrl().queryParameter("until")).isEqualTo("2024-03-10T12:00:00Z");
    assertThat(first.rows(StreamDescriptor.of("events"))).extracting(row -> row[1])
        .containsExactly(OffsetDateTime.parse("2024-03-02T10:00:00Z"), OffsetDateTime.parse("2024-03-04T08:00:00Z"),
            OffsetDateTime.parse("2024-03-09T23:00:00Z"));
    List<AirbyteStateMessage> states = first.checkpoints();
    assertThat(states).extracting(state -> state.stream().streamState().get("created_at").asText())
        .containsExactly("2024-03-04T08:00:00Z", "2024-03-09T23:00:00Z", "2024-03-09T23:00:00Z");

    api.json("[{\"id\": 4, \"created_at\": \"2024-03-10T11:00:00Z\"}]");
    RecordingOutput second = new RecordingOutput();
    TestSources.load(manifest()).read(config(), catalog("events", SyncMode.INCREMENTAL), List.of(states.getLast()),
        second);

    RecordedRequest resumed = api.take();
    assertThat(resumed.getUrl().queryParameter("since")).isEqualTo("2024-03-09T23:00:00Z");
    assertThat(resumed.getUrl().queryParameter("until")).isEqualTo("2024-03-10T12:00:00Z");
    assertThat(second.checkpoints().getLast().stream().streamState())
        .isEqualTo(Json.parse("{\"created_at\": \"2024-03-10T11:00:00Z\"}"));
  }

  @Test
  void readRefusesAStreamTheManifestDoesNotHave() {
    assertThatThrownBy(() -> TestSources.load(manifest()).read(config(), catalog("orders", SyncMode.FULL_REFRESH),
        List.of(), new RecordingOutput()))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("orders");
  }

  @Test
  void testReadShowsPagesWithMaskedRequestsAndRawRecords() throws Exception {
    api.json("{\"data\": [{\"id\": 1, \"extra\": \"kept\", \"internal\": \"x\"}], \"has_more\": true,"
        + " \"next_cursor\": \"c2\"}");
    api.json("{\"data\": [{\"id\": 2}], \"has_more\": false}");

    TestRead read = TestSources.load(manifest()).testRead(config(), "users", List.of(), TestReadLimits.DEFAULT);

    assertThat(read.slices()).hasSize(1);
    List<TestRead.Page> pages = read.slices().getFirst().pages();
    assertThat(pages).hasSize(2);
    assertThat(pages.getFirst().records().getFirst())
        .isEqualTo(Json.parse("{\"id\": 1, \"extra\": \"kept\", \"source\": \"api\"}"));
    assertThat(pages.getFirst().request().url()).contains("/v1/users").contains("limit=2");
    assertThat(pages.getFirst().request().headers()).containsEntry("X-Api-Key", "****");
    assertThat(pages.getFirst().response().status()).isEqualTo(200);
    assertThat(pages.get(1).request().url()).contains("cursor=c2");
    assertThat(read.limitReached()).isFalse();
  }

  @Test
  void testReadStopsAtItsLimits() throws Exception {
    api.json("{\"data\": [{\"id\": 1}, {\"id\": 2}], \"has_more\": true, \"next_cursor\": \"c2\"}");

    TestRead read = TestSources.load(manifest()).testRead(config(), "users", List.of(),
        new TestReadLimits(1, 5, 5, 10));

    assertThat(read.records()).hasSize(1);
    assertThat(read.limitReached()).isTrue();
    assertThat(read.slices().getFirst().pages().getFirst().response().body()).hasSize(10);
    assertThat(api.requestCount()).isEqualTo(1);
  }

  static ConfiguredAirbyteCatalog catalog(String stream, SyncMode mode) {
    JsonNode schema = Json.parse("{\"type\":\"object\",\"properties\":{}}");
    AirbyteStream airbyte = AirbyteStream.of(stream, schema, List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));
    return new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(airbyte, mode,
        DestinationSyncMode.APPEND)));
  }
}
