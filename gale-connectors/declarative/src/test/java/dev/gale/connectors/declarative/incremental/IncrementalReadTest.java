package dev.gale.connectors.declarative.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.connectors.declarative.testing.TestManifests;
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
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Incremental reads end to end: count cursors, data feeds, and parents read with their child's state. */
class IncrementalReadTest {
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private RecordingOutput read(DeclarativeSource source, String stream, List<AirbyteStateMessage> state)
      throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    AirbyteStream airbyte = AirbyteStream.of(stream, Json.parse("{\"type\":\"object\",\"properties\":{}}"),
        List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));
    source.read(Json.object().put("base_url", api.url()), new ConfiguredAirbyteCatalog(List.of(
        ConfiguredAirbyteStream.of(airbyte, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND))), state, output);
    return output;
  }

  @Test
  void anIncrementingCountCursorResumesAfterTheHighestValue() throws Exception {
    DeclarativeSource source = TestSources.load(TestManifests.stream("""
        incremental_sync:
          type: IncrementingCountCursor
          cursor_field: id
          start_value: 0
          start_value_option:
            type: RequestOption
            inject_into: request_parameter
            field_name: since_id
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
          record_selector:
            type: RecordSelector
            extractor: {type: DpathExtractor, field_path: []}
        """));
    api.json("[{\"id\": 3}, {\"id\": 7}]").json("[{\"id\": 8}]");

    RecordingOutput first = read(source, "items", List.of());
    RecordingOutput second = read(source, "items", List.of(first.checkpoints().getLast()));

    assertThat(first.checkpoints().getLast().stream().streamState()).isEqualTo(Json.parse("{\"id\": 7}"));
    assertThat(api.take().getUrl().queryParameter("since_id")).isEqualTo("0");
    assertThat(api.take().getUrl().queryParameter("since_id")).isEqualTo("7");
    assertThat(second.checkpoints().getLast().stream().streamState()).isEqualTo(Json.parse("{\"id\": 8}"));
  }

  @Test
  void nowInTheManifestsTemplatesIsTheSourcesClock() throws Exception {
    // Cursors and templates tell the same time: an end written as now_utc() is the source's "now".
    DeclarativeSource source = TestSources.load(TestManifests.stream("""
        incremental_sync:
          type: DatetimeBasedCursor
          cursor_field: created
          datetime_format: "%Y-%m-%d"
          start_datetime: "2024-03-08"
          end_datetime: "{{ now_utc().strftime('%Y-%m-%d') }}"
          step: P1D
          cursor_granularity: P1D
          start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}
          end_time_option: {type: RequestOption, inject_into: request_parameter, field_name: until}
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
          record_selector:
            type: RecordSelector
            extractor: {type: DpathExtractor, field_path: []}
        """));
    api.json("[]").json("[]");

    read(source, "items", List.of());

    // TestSources' clock says 2024-03-10T12:00:00Z.
    assertThat(api.takeAll()).extracting(request -> request.getUrl().queryParameter("since") + ".."
        + request.getUrl().queryParameter("until")).containsExactly("2024-03-08..2024-03-08", "2024-03-09..2024-03-10");
  }

  @Test
  void aDataFeedStopsPagingAtRecordsOlderThanTheState() throws Exception {
    DeclarativeSource source = TestSources.load(TestManifests.stream("""
        incremental_sync:
          type: DatetimeBasedCursor
          cursor_field: created
          datetime_format: "%Y-%m-%d"
          start_datetime: "2024-01-01"
          is_data_feed: true
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
          record_selector:
            type: RecordSelector
            extractor: {type: DpathExtractor, field_path: [data]}
          paginator:
            type: DefaultPaginator
            page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
            pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"}
        """));
    api.json("{\"data\": [{\"id\": 3, \"created\": \"2024-03-09\"}, {\"id\": 2, \"created\": \"2024-03-04\"}],"
        + " \"next\": 2}");
    api.json("{\"data\": [{\"id\": 1, \"created\": \"2024-02-01\"}], \"next\": 3}");

    RecordingOutput output = read(source, "items", List.of(AirbyteStateMessage.stream(StreamDescriptor.of("items"),
        Json.parse("{\"created\": \"2024-03-05\"}"))));

    assertThat(output.rows(StreamDescriptor.of("items"))).extracting(row -> row[0]).containsExactly(3L);
    assertThat(api.requestCount()).isEqualTo(1);
    assertThat(output.checkpoints().getLast().stream().streamState())
        .isEqualTo(Json.parse("{\"created\": \"2024-03-09\"}"));
  }

  @Test
  void aParentWithIncrementalDependencyIsReadFromTheStateItsChildKeeps() throws Exception {
    DeclarativeSource source = TestSources.load("""
        version: 6.4.0
        type: DeclarativeSource
        check: {type: CheckStream, stream_names: [comments]}
        definitions:
          posts:
            type: DeclarativeStream
            name: posts
            incremental_sync:
              type: DatetimeBasedCursor
              cursor_field: updated
              datetime_format: "%Y-%m-%d"
              start_datetime: "2024-01-01"
              start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}
            retriever:
              type: SimpleRetriever
              requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: posts}
              record_selector:
                type: RecordSelector
                extractor: {type: DpathExtractor, field_path: []}
            schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
        streams:
          - type: DeclarativeStream
            name: comments
            incremental_sync:
              type: DatetimeBasedCursor
              cursor_field: updated
              datetime_format: "%Y-%m-%d"
              start_datetime: "2024-01-01"
            retriever:
              type: SimpleRetriever
              requester:
                type: HttpRequester
                url_base: "{{ config['base_url'] }}"
                path: "posts/{{ stream_partition.post }}/comments"
              record_selector:
                type: RecordSelector
                extractor: {type: DpathExtractor, field_path: []}
              partition_router:
                type: SubstreamPartitionRouter
                parent_stream_configs:
                  - type: ParentStreamConfig
                    stream: {$ref: "#/definitions/posts"}
                    parent_key: id
                    partition_field: post
                    incremental_dependency: true
            schema_loader:
              type: InlineSchemaLoader
              schema: {type: object, properties: {id: {type: integer}, updated: {type: string}}}
        spec:
          type: Spec
          connection_specification: {type: object, properties: {base_url: {type: string}}}
        """);
    api.dispatch(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String body = request.getUrl().encodedPath().equals("/posts")
            ? "[{\"id\": 1, \"updated\": \"2024-03-02\"}]"
            : "[{\"id\": 10, \"updated\": \"2024-03-03\"}]";
        return new MockResponse.Builder().code(200).body(body).build();
      }
    });

    RecordingOutput first = read(source, "comments", List.of());
    JsonNode state = first.checkpoints().getLast().stream().streamState();
    assertThat(state.at("/parent_state/posts")).isEqualTo(Json.parse("{\"updated\": \"2024-03-02\"}"));
    api.takeAll();

    read(source, "comments", List.of(first.checkpoints().getLast()));

    RecordedRequest parent = api.take();
    assertThat(parent.getUrl().encodedPath()).isEqualTo("/posts");
    assertThat(parent.getUrl().queryParameter("since")).isEqualTo("2024-03-02");
  }
}
