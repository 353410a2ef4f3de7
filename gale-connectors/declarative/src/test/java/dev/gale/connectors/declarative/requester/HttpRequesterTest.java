package dev.gale.connectors.declarative.requester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connectors.declarative.DeclarativeSource;
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

/** Requests as the requester builds them: URL, method, parameters, headers, bodies and request options. */
class HttpRequesterTest {
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private RecordedRequest firstRequest(String retriever) throws Exception {
    api.json("[]");
    DeclarativeSource source = TestSources.load(TestManifests.stream(retriever));
    TestRead read = source.testRead(Json.object().put("base_url", api.url() + "/api").put("api_key", "k-123456"),
        "items", List.of(), TestReadLimits.DEFAULT);
    assertThat(read.logs()).noneMatch(line -> line.level().equals("ERROR"));
    return api.take();
  }

  @Test
  void getsTheJoinedUrlWithParametersAndHeaders() throws Exception {
    RecordedRequest request = firstRequest("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: "/v2/items"
            request_parameters:
              sort: name
              "{{ 'per' }}_page": "50"
              empty: "{{ config.get('missing') }}"
              ids: "1,2"
              tags: "{{ ['x', 'y'] }}"
            request_headers:
              Accept: application/json
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
        """);

    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/items");
    assertThat(request.getUrl().queryParameter("sort")).isEqualTo("name");
    assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("50");
    assertThat(request.getUrl().queryParameterNames()).doesNotContain("empty");
    // Text that Python would read as a tuple stays text; a list repeats its parameter.
    assertThat(request.getUrl().queryParameter("ids")).isEqualTo("1,2");
    assertThat(request.getUrl().queryParameterValues("tags")).containsExactly("x", "y");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void postsAJsonBody() throws Exception {
    RecordedRequest request = firstRequest("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: search
            http_method: POST
            request_body_json:
              query: all
              filter:
                active: true
                tags: [a, b]
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
        """);

    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(Json.parse(request.getBody().utf8()))
        .isEqualTo(Json.parse("{\"query\":\"all\",\"filter\":{\"active\":true,\"tags\":[\"a\",\"b\"]}}"));
  }

  @Test
  void postsAFormBody() throws Exception {
    RecordedRequest request = firstRequest("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: search
            http_method: POST
            request_body_data:
              query: all of it
              key: "{{ config['api_key'] }}"
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
        """);

    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.getBody().utf8()).isEqualTo("query=all+of+it&key=k-123456");
  }

  @Test
  void requestOptionsGoWhereTheySay() throws Exception {
    RecordedRequest request = firstRequest("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: items
            http_method: POST
            authenticator:
              type: ApiKeyAuthenticator
              api_token: "{{ config['api_key'] }}"
              inject_into:
                type: RequestOption
                inject_into: body_json
                field_path: [auth, key]
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
          partition_router:
            type: ListPartitionRouter
            cursor_field: region
            values: [eu]
            request_option:
              type: RequestOption
              inject_into: header
              field_name: X-Region
          paginator:
            type: DefaultPaginator
            page_size_option:
              type: RequestOption
              inject_into: body_json
              field_path: [paging, size]
            pagination_strategy:
              type: OffsetIncrement
              page_size: 25
        """);

    assertThat(request.getHeaders().get("X-Region")).isEqualTo("eu");
    assertThat(Json.parse(request.getBody().utf8()))
        .isEqualTo(Json.parse("{\"paging\":{\"size\":25},\"auth\":{\"key\":\"k-123456\"}}"));
  }

  @Test
  void theUrlFieldWorksWithoutAUrlBase() throws Exception {
    RecordedRequest request = firstRequest("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url: "{{ config['base_url'] }}/items/all"
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
        """);

    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/items/all");
  }

  @Test
  void aPathEndingInAQuestionMarkTakesTheParametersAsItsQuery() throws Exception {
    // CallRail's manifest writes paths as "{account}/calls.json?"; requests then adds "fields=...", not "&fields=...".
    RecordedRequest request = firstRequest("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: "a/items.json?"
            request_parameters:
              fields: id,name
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
        """);

    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/a/items.json");
    assertThat(request.getUrl().encodedQuery()).isEqualTo("fields=id%2Cname");
  }

  @Test
  void aNextPageUrlKeepsItsQueryAndGetsOnlyParametersItLacksOrGivesAnotherValue() throws Exception {
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"" + api.url() + "/api/items?cursor=c2&limit=50&sort=old\"}");
    api.json("{\"data\": [{\"id\": 2}]}");
    DeclarativeSource source = TestSources.load(TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: items
            request_parameters:
              limit: "50"
              sort: new
              fields: id
          paginator:
            type: DefaultPaginator
            page_token_option:
              type: RequestPath
            pagination_strategy:
              type: CursorPagination
              cursor_value: "{{ response.next }}"
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: [data]
        """));

    TestRead read = source.testRead(Json.object().put("base_url", api.url() + "/api").put("api_key", "k-123456"),
        "items", List.of(), TestReadLimits.DEFAULT);

    assertThat(read.records()).hasSize(2);
    assertThat(api.take().getUrl().encodedQuery()).isEqualTo("limit=50&sort=new&fields=id");
    // As the CDK's requester: limit=50 is in the URL with the same value, so it is not repeated; sort has another
    // value in the URL, so both go out, the URL's first; fields is not in the URL, so it is added.
    assertThat(api.take().getUrl().encodedQuery()).isEqualTo("cursor=c2&limit=50&sort=old&sort=new&fields=id");
  }

  @Test
  void gzipResponsesAreUnpacked() throws Exception {
    api.gzipJson("[{\"id\": 1}, {\"id\": 2}]");
    DeclarativeSource source = TestSources.load(TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
        """));

    TestRead read = source.testRead(Json.object().put("base_url", api.url()), "items", List.of(),
        TestReadLimits.DEFAULT);

    assertThat(read.records()).hasSize(2);
    assertThat(api.take().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void twoComponentsSettingOneParameterFailClearly() throws Exception {
    api.json("[]");
    DeclarativeSource source = TestSources.load(TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            request_parameters:
              limit: "10"
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
          paginator:
            type: DefaultPaginator
            page_size_option:
              type: RequestOption
              inject_into: request_parameter
              field_name: limit
            pagination_strategy:
              type: PageIncrement
              page_size: 10
        """));

    TestRead read = source.testRead(Json.object().put("base_url", api.url()), "items", List.of(),
        TestReadLimits.DEFAULT);

    assertThat(read.logs()).anyMatch(line -> line.level().equals("ERROR") && line.message().contains("'limit'"));
    assertThat(api.requestCount()).isZero();
  }
}
