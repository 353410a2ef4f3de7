package dev.gale.connectors.declarative.rest;

import static dev.gale.connectors.declarative.rest.RestApiTests.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.testing.ApiServer;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each kind of pagination, by the requests it makes and where it stops. */
class RestApiPaginationTest {
  private static final String SCHEMA = "\"json_schema\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\":"
      + " \"integer\"}}}";
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private ObjectNode config(String pagination) {
    return RestApiTests.config(api, "/items", "{" + SCHEMA + (pagination.isEmpty() ? "" : ", \"pagination\": "
        + pagination) + "}");
  }

  @Test
  void withoutPaginationOneRequestReadsEverything() throws Exception {
    api.json(ids(1, 3));

    assertThat(RestApiTests.values(RestApiTests.read(config("")), "id")).containsExactly(1L, 2L, 3L);
    assertThat(api.takeAll()).hasSize(1);
  }

  @Test
  void pageNumbersAskForEachPageWithItsSizeUntilAShortPage() throws Exception {
    api.json(ids(1, 2)).json(ids(3, 4)).json(ids(5, 5));

    assertThat(RestApiTests.values(RestApiTests.read(config("""
        {"pagination_type": "page_number", "page_size": 2, "page_size_param": "per_page"}""")), "id"))
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    List<RecordedRequest> requests = api.takeAll();
    assertThat(requests).extracting(request -> request.getUrl().queryParameter("page")).containsExactly("1", "2", "3");
    assertThat(requests).extracting(request -> request.getUrl().queryParameter("per_page"))
        .containsExactly("2", "2", "2");
  }

  @Test
  void pageNumbersWithoutAPageSizeStopAtAnEmptyPage() throws Exception {
    api.json(ids(1, 2)).json(ids(3, 3)).json("[]");

    assertThat(RestApiTests.values(RestApiTests.read(config("""
        {"pagination_type": "page_number", "page_param": "p", "start_page": 0}""")), "id"))
        .containsExactly(1L, 2L, 3L);
    assertThat(api.takeAll()).extracting(request -> request.getUrl().encodedQuery())
        .containsExactly("p=0", "p=1", "p=2");
  }

  @Test
  void offsetsCountTheRecordsReadAndAskForTheLimit() throws Exception {
    api.json(ids(1, 2)).json(ids(3, 4)).json(ids(5, 5));

    assertThat(RestApiTests.values(RestApiTests.read(config("""
        {"pagination_type": "offset", "limit": 2}""")), "id")).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(api.takeAll()).extracting(request -> request.getUrl().encodedQuery())
        .containsExactly("offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2");
  }

  @Test
  void aCursorFromTheResponseGoesBackInItsParameterUntilTheResponseHasNone() throws Exception {
    api.json("{\"data\": " + ids(1, 2) + ", \"meta\": {\"next\": \"c2==\"}}")
        .json("{\"data\": " + ids(3, 3) + ", \"meta\": {\"next\": null}}");

    ObjectNode config = config("""
        {"pagination_type": "cursor", "cursor_path": "meta.next", "cursor_param": "after", "page_size": 2,
         "page_size_param": "limit"}""");
    config.put("records_path", "data");

    assertThat(RestApiTests.values(RestApiTests.read(config), "id")).containsExactly(1L, 2L, 3L);
    assertThat(api.takeAll()).extracting(request -> request.getUrl().encodedQuery())
        .containsExactly("limit=2", "after=c2%3D%3D&limit=2");
  }

  @Test
  void aCursorWithoutAParameterIsTheUrlOfTheNextPage() throws Exception {
    api.json("{\"items\": " + ids(1, 2) + ", \"links\": {\"next\": \"" + api.url() + "/items/after/2\"}}")
        .json("{\"items\": " + ids(3, 3) + ", \"links\": {}}");

    ObjectNode config = config("""
        {"pagination_type": "cursor", "cursor_path": ["links", "next"]}""");
    config.put("records_path", "items");

    assertThat(RestApiTests.values(RestApiTests.read(config), "id")).containsExactly(1L, 2L, 3L);
    assertThat(api.takeAll()).extracting(request -> request.getUrl().encodedPath())
        .containsExactly("/items", "/items/after/2");
  }

  @Test
  void theLinkHeadersNextUrlIsFollowedUntilThereIsNone() throws Exception {
    api.json(ids(1, 2), "Link: <" + api.url() + "/items?page=2&per_page=2>; rel=\"next\", <" + api.url()
            + "/items?page=3&per_page=2>; rel=\"last\"")
        .json(ids(3, 4), "Link: <" + api.url() + "/items?page=3&per_page=2>; rel=\"next\"")
        .json(ids(5, 5), "Link: <" + api.url() + "/items?page=1&per_page=2>; rel=\"first\"");

    assertThat(RestApiTests.values(RestApiTests.read(config("""
        {"pagination_type": "link_header", "page_size": 2, "page_size_param": "per_page"}""")), "id"))
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(api.takeAll()).extracting(request -> request.getUrl().encodedQuery())
        .containsExactly("per_page=2", "page=2&per_page=2", "page=3&per_page=2");
  }
}
