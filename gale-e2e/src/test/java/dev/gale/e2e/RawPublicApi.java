package dev.gale.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.TestingGaleServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/**
 * The few Public API calls the Java SDK 0.16.2 cannot make: it has no applications (so no token) and it cannot ask for
 * a {@code clear} job. They go over plain HTTP, as a newer client (or a script) would send them.
 */
final class RawPublicApi {
  /** What Airbyte's current Python SDK sends; Gale answers it in the current document's shapes. */
  static final String PYTHON_SDK = "speakeasy-sdk/python 0.52.2 2.474.15 1.0.0 airbyte-api";

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  RawPublicApi(URI serverUri) {
    this.base = serverUri.resolve("/api/public/v1");
  }

  /**
   * A bearer token for the instance's first application, whose client id and secret an operator reads with
   * {@code gale credentials}; here they come from the applications list, under the default Basic credentials.
   */
  String token() {
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString((TestingGaleServer.USER + ":" + TestingGaleServer.PASSWORD).getBytes(UTF_8));
    JsonNode first = json(exchange("GET", "/applications", null, basic, null), 200).path("applications").get(0);
    String body = Json.write(Json.object().put("client_id", first.path("clientId").asText())
        .put("client_secret", first.path("clientSecret").asText()).put("grant_type", "client_credentials"));
    return json(exchange("POST", "/applications/token", body, null, null), 200).path("access_token").asText();
  }

  /** A call with a bearer token and the given {@code User-Agent} (none when null). */
  HttpResponse<String> send(String method, String path, String jsonBody, String token, String userAgent) {
    return exchange(method, path, jsonBody, "Bearer " + token, userAgent);
  }

  private HttpResponse<String> exchange(String method, String path, String jsonBody, String authorization,
                                        String userAgent) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (userAgent != null) {
      request.header("User-Agent", userAgent);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON body of an answer that must have the given status. */
  static JsonNode json(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
          + " where " + status + " was expected: " + response.body());
    }
    return Json.parse(response.body());
  }
}
