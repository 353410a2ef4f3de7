package dev.gale.server.api.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.GaleServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Public API calls for the tests: a bearer client as Airbyte's SDKs make one, and the REST verbs. */
final class PublicApiCalls {
  static final String PUBLIC = "/api/public/v1";
  static final String MASK = "**********";

  private PublicApiCalls() {}

  /**
   * A client sending a bearer token bought with the default application's credentials, as a script that was given
   * {@code gale credentials} does.
   */
  static ApiClient bearer(GaleServerExtension gale) {
    JsonNode applications = gale.api().get(PUBLIC + "/applications").expect(200).path("applications");
    JsonNode first = null;
    for (JsonNode application : applications) {
      if (application.path("name").asText().equals("Default application")) {
        first = application;
      }
    }
    assertThat(first).as("the default application in %s", applications).isNotNull();
    String token = gale.api().withAuthorization(null).post(PUBLIC + "/applications/token", Map.of(
            "client_id", first.path("clientId").asText(), "client_secret", first.path("clientSecret").asText(),
            "grant_type", "client_credentials"))
        .expect(200).path("access_token").asText();
    return gale.api().withAuthorization("Bearer " + token);
  }

  static ApiResponse patch(ApiClient client, String path, Object body) {
    return client.patch(PUBLIC + path, body);
  }

  static ApiResponse put(ApiClient client, String path, Object body) {
    return client.put(PUBLIC + path, body);
  }

  static ApiResponse post(ApiClient client, String path, Object body) {
    return client.post(PUBLIC + path, body);
  }

  static ApiResponse get(ApiClient client, String path) {
    return client.get(PUBLIC + path);
  }

  /** Deletes without a body, as the generated clients do. */
  static ApiResponse delete(ApiClient client, String path) {
    return client.delete(PUBLIC + path);
  }

  /** Every page of a list, following its {@code next} links from the first; checks each page's links. */
  static List<JsonNode> walk(ApiClient client, String firstPage, int limit) {
    List<JsonNode> rows = new ArrayList<>();
    String next = PUBLIC + firstPage;
    int pages = 0;
    while (next != null) {
      JsonNode page = client.get(next).expect(200);
      assertThat(page.path("data").size()).isLessThanOrEqualTo(limit);
      if (pages == 0) {
        assertThat(page.has("previous")).as("no previous link on the first page").isFalse();
      } else {
        assertThat(page.path("previous").asText()).as("the previous link of page %d", pages + 1)
            .startsWith("http://").contains("offset=" + (pages - 1) * limit).contains("limit=" + limit);
      }
      page.path("data").forEach(rows::add);
      next = page.hasNonNull("next") ? page.path("next").asText() : null;
      if (next != null) {
        assertThat(next).startsWith("http://").contains("offset=" + (pages + 1) * limit);
      }
      pages++;
      assertThat(pages).as("pages walked").isLessThan(1000);
    }
    return rows;
  }
}
