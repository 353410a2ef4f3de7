package dev.gale.connectors.declarative.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Partitions from listed values and from parent streams, and the per-partition state they give. */
class PartitionRouterTest {
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private static final String MANIFEST = """
      version: 6.1.0
      type: DeclarativeSource
      check: {type: CheckStream, stream_names: [projects]}
      definitions:
        requester:
          type: HttpRequester
          url_base: "{{ config['base_url'] }}"
        selector:
          type: RecordSelector
          extractor:
            type: DpathExtractor
            field_path: [data]
        projects:
          type: DeclarativeStream
          name: projects
          primary_key: id
          retriever:
            type: SimpleRetriever
            requester:
              $ref: "#/definitions/requester"
              path: projects
            record_selector:
              $ref: "#/definitions/selector"
            paginator:
              type: DefaultPaginator
              page_token_option:
                type: RequestOption
                inject_into: request_parameter
                field_name: page
              pagination_strategy:
                type: CursorPagination
                cursor_value: "{{ response.next }}"
          schema_loader:
            type: InlineSchemaLoader
            schema: {type: object, properties: {id: {type: string}}}
      streams:
        - $ref: "#/definitions/projects"
        - type: DeclarativeStream
          name: regions
          retriever:
            type: SimpleRetriever
            requester:
              $ref: "#/definitions/requester"
              path: "regions/{{ stream_partition.region }}"
            record_selector:
              $ref: "#/definitions/selector"
            partition_router:
              type: ListPartitionRouter
              cursor_field: region
              values: [eu, us]
              request_option:
                type: RequestOption
                inject_into: request_parameter
                field_name: zone
          schema_loader:
            type: InlineSchemaLoader
            schema: {type: object, properties: {name: {type: string}}}
        - type: DeclarativeStream
          name: tasks
          primary_key: id
          incremental_sync:
            type: DatetimeBasedCursor
            cursor_field: updated
            datetime_format: "%Y-%m-%dT%H:%M:%SZ"
            start_datetime: "2024-03-01T00:00:00Z"
            start_time_option:
              type: RequestOption
              inject_into: request_parameter
              field_name: since
          retriever:
            type: SimpleRetriever
            requester:
              $ref: "#/definitions/requester"
              path: "projects/{{ stream_partition.project_id }}/tasks"
            record_selector:
              $ref: "#/definitions/selector"
            partition_router:
              type: SubstreamPartitionRouter
              parent_stream_configs:
                - type: ParentStreamConfig
                  stream:
                    $ref: "#/definitions/projects"
                  parent_key: id
                  partition_field: project_id
                  extra_fields: [[owner, name]]
          transformations:
            - type: AddFields
              fields:
                - path: [project]
                  value: "{{ stream_partition.project_id }}"
                - path: [owner]
                  value: "{{ stream_slice.extra_fields['owner.name'] }}"
          schema_loader:
            type: InlineSchemaLoader
            schema:
              type: object
              properties:
                id: {type: integer}
                updated: {type: string, format: date-time}
                project: {type: string}
                owner: {type: string}
      spec:
        type: Spec
        connection_specification:
          type: object
          properties:
            base_url: {type: string}
      """;

  private JsonNode config() {
    return Json.object().put("base_url", api.url());
  }

  @Test
  void listedValuesArePartitions() throws Exception {
    api.json("{\"data\": [{\"name\": \"Paris\"}]}").json("{\"data\": [{\"name\": \"Ohio\"}]}");

    TestRead read = TestSources.load(MANIFEST).testRead(config(), "regions", List.of(), TestReadLimits.DEFAULT);

    assertThat(read.slices()).extracting(slice -> slice.descriptor().get("region").asText()).containsExactly("eu",
        "us");
    RecordedRequest eu = api.take();
    assertThat(eu.getUrl().encodedPath()).isEqualTo("/regions/eu");
    assertThat(eu.getUrl().queryParameter("zone")).isEqualTo("eu");
    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/regions/us");
  }

  @Test
  void parentRecordsArePartitionsWithTheirExtraFields() throws Exception {
    api.dispatch(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String body = switch (path) {
          case "/projects" -> "2".equals(request.getUrl().queryParameter("page"))
              ? "{\"data\": [{\"id\": \"p2\", \"owner\": {\"name\": \"Bo\"}}, {\"name\": \"no id\"}]}"
              : "{\"data\": [{\"id\": \"p1\", \"owner\": {\"name\": \"Ada\"}}], \"next\": 2}";
          case "/projects/p1/tasks" -> "{\"data\": [{\"id\": 1, \"updated\": \"2024-03-02T00:00:00Z\"}]}";
          case "/projects/p2/tasks" -> "{\"data\": [{\"id\": 2, \"updated\": \"2024-03-05T00:00:00Z\"}]}";
          default -> "{}";
        };
        return new mockwebserver3.MockResponse.Builder().code(200).body(body).build();
      }
    });
    RecordingOutput output = new RecordingOutput();
    DeclarativeSource source = TestSources.load(MANIFEST);

    source.read(config(), catalog("tasks"), List.of(), output);

    assertThat(output.rows(StreamDescriptor.of("tasks"))).extracting(row -> row[2] + "/" + row[3])
        .containsExactly("p1/Ada", "p2/Bo");
    JsonNode state = output.checkpoints().getLast().stream().streamState();
    assertThat(state.get("use_global_cursor").asBoolean()).isFalse();
    assertThat(state.get("states")).isEqualTo(Json.parse("""
        [{"partition": {"project_id": "p1", "parent_slice": {}}, "cursor": {"updated": "2024-03-02T00:00:00Z"}},
         {"partition": {"project_id": "p2", "parent_slice": {}}, "cursor": {"updated": "2024-03-05T00:00:00Z"}}]"""));
    assertThat(state.get("state")).isEqualTo(Json.parse("{\"updated\": \"2024-03-05T00:00:00Z\"}"));

    // A second read resumes each known partition from its own state, a new one from the global state.
    List<RecordedRequest> before = api.takeAll().stream()
        .filter(request -> request.getUrl().encodedPath().endsWith("/tasks")).toList();
    assertThat(before).extracting(request -> request.getUrl().queryParameter("since"))
        .containsExactly("2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z");
    source.read(config(), catalog("tasks"), List.of(AirbyteStateMessage.stream(StreamDescriptor.of("tasks"), state)),
        new RecordingOutput());
    List<RecordedRequest> after = api.takeAll().stream()
        .filter(request -> request.getUrl().encodedPath().endsWith("/tasks")).toList();
    assertThat(after).extracting(request -> request.getUrl().encodedPath() + "?" + request.getUrl()
        .queryParameter("since")).containsExactly("/projects/p1/tasks?2024-03-02T00:00:00Z",
        "/projects/p2/tasks?2024-03-05T00:00:00Z");
  }

  @Test
  void aParentValueGoesIntoTheRequestAndPagesCanLeaveTheSliceOut() throws Exception {
    String manifest = dev.gale.connectors.declarative.testing.TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          ignore_stream_slicer_parameters_on_paginated_requests: true
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: "{{ next_page_token['next_page_token'] or 'items' }}"
          record_selector:
            type: RecordSelector
            extractor: {type: DpathExtractor, field_path: [data]}
          paginator:
            type: DefaultPaginator
            page_token_option: {type: RequestPath}
            pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"}
          partition_router:
            type: SubstreamPartitionRouter
            parent_stream_configs:
              - type: ParentStreamConfig
                parent_key: key
                partition_field: account
                request_option: {type: RequestOption, inject_into: request_parameter, field_name: account}
                stream:
                  type: DeclarativeStream
                  name: accounts
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: accounts}
                    record_selector:
                      type: RecordSelector
                      extractor: {type: DpathExtractor, field_path: []}
                  schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
        """);
    api.json("[{\"key\": \"a1\"}]");
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"" + api.url() + "/items?cursor=2\"}");
    api.json("{\"data\": [{\"id\": 2}]}");

    TestRead read = TestSources.load(manifest).testRead(config(), "items", List.of(), TestReadLimits.DEFAULT);

    assertThat(read.records()).hasSize(2);
    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/accounts");
    RecordedRequest first = api.take();
    assertThat(first.getUrl().queryParameter("account")).isEqualTo("a1");
    RecordedRequest second = api.take();
    assertThat(second.getUrl().queryParameter("cursor")).isEqualTo("2");
    assertThat(second.getUrl().queryParameter("account")).isNull();
  }

  private static ConfiguredAirbyteCatalog catalog(String name) {
    AirbyteStream stream = AirbyteStream.of(name, Json.parse("{\"type\":\"object\",\"properties\":{}}"),
        List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));
    return new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(stream, SyncMode.INCREMENTAL,
        DestinationSyncMode.APPEND)));
  }
}
