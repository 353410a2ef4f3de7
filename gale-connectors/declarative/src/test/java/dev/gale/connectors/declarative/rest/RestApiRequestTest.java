package dev.gale.connectors.declarative.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.protocol.Json;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a request carries besides pagination and the key, and where the records are found in its response. */
class RestApiRequestTest {
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void postSendsTheBodyAsJsonWithTheHeadersAndParameters() throws Exception {
    ObjectNode config = RestApiTests.config(api, "/search?v=2", """
        {"method": "POST", "body": {"query": "{{ not a template }}", "limit": 100, "exact": true,
          "filters": {"status": ["open", "pending"], "owner": null}, "code": "007"},
         "headers": {"Accept-Language": "fr", "X-Retries": 3},
         "params": {"expand": ["owner", "tags"], "archived": false},
         "records_path": "hits",
         "json_schema": {"type": "object", "properties": {"id": {"type": "integer"}}}}""");
    api.json("{\"hits\": [{\"id\": 7}]}");

    assertThat(RestApiTests.values(RestApiTests.read(config), "id")).containsExactly(7L);
    RecordedRequest request = api.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(Json.parse(request.getBody().utf8())).isEqualTo(Json.parse("""
        {"query": "{{ not a template }}", "limit": 100, "exact": true,
         "filters": {"status": ["open", "pending"], "owner": null}, "code": "007"}"""));
    assertThat(request.getHeaders().get("Accept-Language")).isEqualTo("fr");
    assertThat(request.getHeaders().get("X-Retries")).isEqualTo("3");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/search");
    assertThat(request.getUrl().queryParameter("v")).isEqualTo("2");
    assertThat(request.getUrl().queryParameterValues("expand")).containsExactly("owner", "tags");
    assertThat(request.getUrl().queryParameter("archived")).isEqualTo("false");
  }

  @Test
  void aDottedRecordsPathWithWildcardsCollectsFromEveryMatch() throws Exception {
    ObjectNode config = RestApiTests.config(api, "/teams", """
        {"records_path": "result.teams.*.members.*",
         "json_schema": {"type": "object", "properties": {"id": {"type": "integer"}}}}""");
    api.json("""
        {"result": {"teams": [{"members": [{"id": 1}, {"id": 2}]}, {"members": []}, {"members": [{"id": 3}]}]}}""");

    assertThat(RestApiTests.values(RestApiTests.read(config), "id")).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aRecordsPathAsAListOfKeysReachesKeysWithDots() throws Exception {
    ObjectNode config = RestApiTests.config(api, "/report", """
        {"records_path": ["report.v2", "*", "rows", "*"],
         "json_schema": {"type": "object", "properties": {"id": {"type": "integer"}}}}""");
    api.json("{\"report.v2\": {\"eu\": {\"rows\": [{\"id\": 1}]}, \"us\": {\"rows\": [{\"id\": 2}]}}}");

    assertThat(RestApiTests.values(RestApiTests.read(config), "id")).containsExactly(1L, 2L);
  }

  @Test
  void valuesThatLookLikeTemplatesOrReferencesAreUsedAsWritten() throws Exception {
    ObjectNode config = RestApiTests.config(api, "/odd", """
        {"records_path": ["{{ data }}", "#/items"], "params": {"q": "{{ config['api_key'] }}"},
         "pagination": {"pagination_type": "page_number", "page_param": "{% page %}", "page_size": 2},
         "json_schema": {"type": "object", "properties": {"id": {"type": "integer"}}}}""");
    api.json("{\"{{ data }}\": {\"#/items\": [{\"id\": 1}]}}");

    assertThat(RestApiTests.values(RestApiTests.read(config), "id")).containsExactly(1L);
    RecordedRequest request = api.take();
    assertThat(request.getUrl().queryParameter("{% page %}")).isEqualTo("1");
    assertThat(request.getUrl().queryParameter("q")).isEqualTo("{{ config['api_key'] }}");
  }

  @Test
  void anObjectAtTheRecordsPathIsOneRecord() throws Exception {
    ObjectNode config = RestApiTests.config(api, "/me", """
        {"records_path": "user",
         "json_schema": {"type": "object", "properties": {"id": {"type": "integer"}}}}""");
    api.json("{\"user\": {\"id\": 42}}");

    assertThat(RestApiTests.values(RestApiTests.read(config), "id")).containsExactly(42L);
  }
}
