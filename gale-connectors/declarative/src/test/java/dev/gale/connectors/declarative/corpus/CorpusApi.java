package dev.gale.connectors.declarative.corpus;

import dev.gale.connectors.declarative.runtime.HttpCall;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.HttpTransport;
import dev.gale.connectors.declarative.runtime.JdkHttpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The API of a connector from Airbyte's corpus, answered in the test JVM. A manifest's requests keep their URLs as
 * the manifest builds them; {@link #transport()} sends each one here instead of to its host, and the host it was
 * meant for is kept with the request. Responses are routes: the first route whose method and pattern match the
 * request's path and query answers it (a route given {@code times} answers that often, then steps aside for the
 * next). A request no route matches gets a 599 and is listed by {@link #unmatched()}, so a test sees the request it
 * did not expect rather than a confusing failure.
 */
final class CorpusApi implements AutoCloseable {
  private static final String BODY_HEADER = "X-Corpus-Body";
  private final MockWebServer server = new MockWebServer();
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Request> unmatched = new CopyOnWriteArrayList<>();

  /** A request as the connector made it: its original URL and host, and what the API received. */
  record Request(String method, URI url, Map<String, String> headers, String body) {
    String host() {
      return url.getHost();
    }

    String path() {
      return url.getRawPath();
    }

    /** The decoded query parameters, in order; a parameter given twice keeps its last value. */
    Map<String, String> query() {
      Map<String, String> query = new LinkedHashMap<>();
      String raw = url.getRawQuery();
      if (raw != null) {
        for (String pair : raw.split("&")) {
          int equals = pair.indexOf('=');
          query.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
              equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
      }
      return query;
    }

    /** A header by its name in any case, or null. */
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }

    private static String decode(String text) {
      return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static final class Route {
    final String method;
    final Pattern pathAndQuery;
    final int status;
    final String body;
    final String[] headers;
    int remaining;

    Route(String method, String pathAndQuery, int status, String body, String[] headers, int times) {
      this.method = method;
      this.pathAndQuery = Pattern.compile(pathAndQuery);
      this.status = status;
      this.body = body;
      this.headers = headers;
      this.remaining = times;
    }
  }

  CorpusApi() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A route pattern for requests to {@code path} whose query holds each of {@code params} ({@code "name=value"}, as
   * encoded in the URL) in any order, among any others: for queries whose order says nothing.
   */
  static String withQuery(String path, String... params) {
    StringBuilder regex = new StringBuilder(Pattern.quote(path)).append("\\?");
    for (String param : params) {
      regex.append("(?=(?:.*&)?").append(Pattern.quote(param)).append("(?:&|$))");
    }
    return regex.append(".*").toString();
  }

  /** Answers GET requests whose path and query match {@code pathAndQuery} (a regex, matched whole) with JSON. */
  CorpusApi get(String pathAndQuery, String json, String... headers) {
    return route("GET", pathAndQuery, 200, json, Integer.MAX_VALUE, headers);
  }

  /** Answers POST requests whose path and query match {@code pathAndQuery} with JSON. */
  CorpusApi post(String pathAndQuery, String json, String... headers) {
    return route("POST", pathAndQuery, 200, json, Integer.MAX_VALUE, headers);
  }

  /**
   * Answers {@code times} requests of {@code method} whose path and query match {@code pathAndQuery} with
   * {@code status} and {@code body}; headers as {@code "Name: value"}.
   */
  synchronized CorpusApi route(String method, String pathAndQuery, int status, String body, int times,
                               String... headers) {
    routes.add(new Route(method, pathAndQuery, status, body, headers, times));
    return this;
  }

  /** The transport that sends a source's requests here, keeping the URL it meant. */
  HttpTransport transport() {
    String here = server.url("/").toString();
    URI base = URI.create(here.substring(0, here.length() - 1));
    return call -> {
      URI meant = URI.create(call.url());
      String pathAndQuery = (meant.getRawPath() == null || meant.getRawPath().isEmpty() ? "/" : meant.getRawPath())
          + (meant.getRawQuery() == null ? "" : "?" + meant.getRawQuery());
      Map<String, String> headers = new LinkedHashMap<>(call.headers());
      headers.put("X-Corpus-Url", call.url());
      byte[] body = call.body();
      if (body.length > 0 && (call.method().equals("GET") || call.method().equals("HEAD"))) {
        // MockWebServer refuses a GET with a body, which some manifests send (as requests does): it travels in a
        // header instead, and the request is recorded with it.
        headers.put(BODY_HEADER, Base64.getEncoder().encodeToString(body));
        body = new byte[0];
      }
      HttpResult result = JdkHttpTransport.INSTANCE.send(new HttpCall(call.method(), base + pathAndQuery, headers,
          body));
      // The source sees the answer as coming from the URL it called.
      return new HttpResult(call, result.status(), result.headers(), result.body());
    };
  }

  /** Every request received, in order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests received whose original host is {@code host}. */
  List<Request> requestsTo(String host) {
    return requests.stream().filter(request -> request.host().equals(host)).toList();
  }

  /** The requests no route answered. */
  List<Request> unmatched() {
    return List.copyOf(unmatched);
  }

  private synchronized MockResponse answer(RecordedRequest recorded) {
    Map<String, String> headers = new LinkedHashMap<>();
    recorded.getHeaders().forEach(pair -> headers.put(pair.getFirst(), pair.getSecond()));
    String meant = headers.remove("X-Corpus-Url");
    URI url = URI.create(meant != null ? meant : recorded.getUrl().toString());
    String carried = headers.remove(BODY_HEADER);
    String body = carried != null ? new String(Base64.getDecoder().decode(carried), StandardCharsets.UTF_8)
        : recorded.getBody() == null ? "" : recorded.getBody().utf8();
    Request request = new Request(recorded.getMethod(), url, headers, body);
    requests.add(request);
    String pathAndQuery = request.path() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    for (Route route : new ArrayList<>(routes)) {
      if (route.remaining > 0 && route.method.equals(request.method())
          && route.pathAndQuery.matcher(pathAndQuery).matches()) {
        route.remaining--;
        MockResponse.Builder response = new MockResponse.Builder().code(route.status).body(route.body);
        if (route.body.startsWith("{") || route.body.startsWith("[")) {
          response.addHeader("Content-Type", "application/json");
        }
        for (String header : route.headers) {
          response.addHeader(header);
        }
        return response.build();
      }
    }
    unmatched.add(request);
    return new MockResponse.Builder().code(599).body("{\"error\":\"no route for " + request.method() + " "
        + pathAndQuery.replace("\"", "'") + "\"}").build();
  }

  @Override
  public void close() {
    server.close();
  }
}
