package dev.gale.server.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A small HTTP API of "items" answered in the test JVM, for declarative sources to read: {@code GET /items} (and the
 * same at {@code /v2/items}) with the key in {@code X-Api-Key}, the items updated after {@code since} (an ISO
 * instant), oldest first, {@code per_page} at a time, page {@code page} (from 1), as {@code {"data": [...]}}. A wrong
 * key is a 401. Every request is recorded.
 */
public final class TestingItemsApi implements AutoCloseable {
  public static final Set<String> PATHS = Set.of("/items", "/v2/items");

  private final String apiKey = "sk-items-" + UUID.randomUUID();
  private final MockWebServer server = new MockWebServer();
  private final List<ObjectNode> items = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  public TestingItemsApi() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        return answer(request);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key the API takes: a secret of the source's configuration. */
  public String apiKey() {
    return apiKey;
  }

  /** The base URL, without a trailing slash. */
  public String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  public TestingItemsApi add(int id, String name, String updatedAt) {
    items.add(Json.object().put("id", id).put("name", name).put("updated_at", updatedAt));
    return this;
  }

  /** The requests received so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  private MockResponse answer(RecordedRequest request) {
    if (!apiKey.equals(request.getHeaders().get("X-Api-Key"))) {
      return json(401, "{\"error\": \"invalid API key\"}");
    }
    if (!PATHS.contains(request.getUrl().encodedPath())) {
      return json(404, "{\"error\": \"no such resource\"}");
    }
    String since = request.getUrl().queryParameter("since");
    int page = Integer.parseInt(orElse(request.getUrl().queryParameter("page"), "1"));
    int perPage = Integer.parseInt(orElse(request.getUrl().queryParameter("per_page"), "100"));
    List<ObjectNode> matching = items.stream()
        .filter(item -> since == null || item.path("updated_at").asText().compareTo(since) > 0)
        .sorted(Comparator.comparing((ObjectNode item) -> item.path("updated_at").asText())
            .thenComparing(item -> item.path("id").asInt()))
        .toList();
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    matching.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(data::add);
    return json(200, Json.write(body));
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String orElse(String value, String absent) {
    return value == null ? absent : value;
  }

  @Override
  public void close() {
    server.close();
  }
}
