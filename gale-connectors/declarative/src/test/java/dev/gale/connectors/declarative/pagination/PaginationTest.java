package dev.gale.connectors.declarative.pagination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.connectors.declarative.testing.TestManifests;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.protocol.Json;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each pagination strategy, by the requests it makes and where it stops. */
class PaginationTest {
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private TestRead read(String paginator, String fieldPath) throws Exception {
    TestRead read = TestSources.load(TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: items
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: %s
        %s
        """.formatted(fieldPath, paginator.indent(2).stripTrailing()))).testRead(
        Json.object().put("base_url", api.url()), "items", List.of(), new TestReadLimits(100, 10, 5, 1000));
    assertThat(read.logs()).noneMatch(line -> line.level().equals("ERROR"));
    return read;
  }

  @Test
  void pageIncrementCountsPagesUntilAShortPage() throws Exception {
    api.json("[{\"id\": 1}, {\"id\": 2}]").json("[{\"id\": 3}, {\"id\": 4}]").json("[{\"id\": 5}]");

    TestRead read = read("""
        paginator:
          type: DefaultPaginator
          page_size_option:
            type: RequestOption
            inject_into: request_parameter
            field_name: per_page
          page_token_option:
            type: RequestOption
            inject_into: request_parameter
            field_name: page
          pagination_strategy:
            type: PageIncrement
            page_size: 2
            start_from_page: 1
            inject_on_first_request: true
        """, "[]");

    assertThat(read.records()).hasSize(5);
    List<RecordedRequest> requests = api.takeAll();
    assertThat(requests).extracting(request -> request.getUrl().queryParameter("page"))
        .containsExactly("1", "2", "3");
    assertThat(requests).extracting(request -> request.getUrl().queryParameter("per_page"))
        .containsExactly("2", "2", "2");
  }

  @Test
  void pageIncrementWithoutInjectingTheFirstPageStartsAfterIt() throws Exception {
    api.json("[{\"id\": 1}]").json("[]");

    read("""
        paginator:
          type: DefaultPaginator
          page_token_option:
            type: RequestOption
            inject_into: request_parameter
            field_name: page
          pagination_strategy:
            type: PageIncrement
        """, "[]");

    assertThat(api.takeAll()).extracting(request -> request.getUrl().queryParameter("page"))
        .containsExactly(null, "1");
  }

  @Test
  void offsetIncrementCountsRecordsAndStopsOnAShortPage() throws Exception {
    api.json("{\"rows\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}").json("{\"rows\": [{\"id\": 4}]}");

    read("""
        paginator:
          type: DefaultPaginator
          page_token_option:
            type: RequestOption
            inject_into: request_parameter
            field_name: offset
          page_size_option:
            type: RequestOption
            inject_into: request_parameter
            field_name: limit
          pagination_strategy:
            type: OffsetIncrement
            page_size: 3
            inject_on_first_request: true
        """, "[rows]");

    assertThat(api.takeAll()).extracting(request -> request.getUrl().queryParameter("offset"))
        .containsExactly("0", "3");
  }

  @Test
  void cursorPaginationFollowsTheLinkHeader() throws Exception {
    api.json("[{\"id\": 1}]", "Link: <" + api.url() + "/items?page=2>; rel=\"next\", <" + api.url()
        + "/items?page=9>; rel=\"last\"");
    api.json("[{\"id\": 2}]");

    read("""
        paginator:
          type: DefaultPaginator
          page_token_option:
            type: RequestPath
          pagination_strategy:
            type: CursorPagination
            cursor_value: "{{ headers['link']['next']['url'] }}"
            stop_condition: "{{ 'next' not in headers['link'] }}"
        """, "[]");

    List<RecordedRequest> requests = api.takeAll();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).getUrl().encodedPath()).isEqualTo("/items");
    assertThat(requests.get(1).getUrl().queryParameter("page")).isEqualTo("2");
  }

  @Test
  void cursorPaginationStopsOnItsCondition() throws Exception {
    api.json("{\"data\": [{\"id\": 1}], \"meta\": {\"next\": \"abc\", \"last\": false}}")
        .json("{\"data\": [{\"id\": 2}], \"meta\": {\"next\": \"def\", \"last\": true}}");

    TestRead read = read("""
        paginator:
          type: DefaultPaginator
          page_token_option:
            type: RequestOption
            inject_into: header
            field_name: X-Cursor
          pagination_strategy:
            type: CursorPagination
            cursor_value: "{{ response.meta.next }}"
            stop_condition: "{{ response.meta.last }}"
        """, "[data]");

    assertThat(read.records()).hasSize(2);
    assertThat(api.takeAll()).extracting(request -> request.getHeaders().get("X-Cursor"))
        .containsExactly(null, "abc");
  }

  @Test
  void cursorPaginationSeesTheLastRecord() throws Exception {
    api.json("[{\"id\": 10}, {\"id\": 11}]").json("[]");

    read("""
        paginator:
          type: DefaultPaginator
          page_token_option:
            type: RequestOption
            inject_into: request_parameter
            field_name: after
          pagination_strategy:
            type: CursorPagination
            cursor_value: "{{ last_record.id }}"
        """, "[]");

    assertThat(api.takeAll()).extracting(request -> request.getUrl().queryParameter("after"))
        .containsExactly(null, "11");
  }
}
