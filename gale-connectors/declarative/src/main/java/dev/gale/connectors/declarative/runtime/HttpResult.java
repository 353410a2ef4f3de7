package dev.gale.connectors.declarative.runtime;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.manifest.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as the connector received it, with the request that got it. Header names are kept in lower case, as HTTP
 * treats them case-insensitively. The body is decoded from JSON on demand and once.
 */
public final class HttpResult {
  private final HttpCall call;
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private Object json;
  private boolean decoded;

  public HttpResult(HttpCall call, int status, Map<String, List<String>> headers, byte[] body) {
    this.call = requireNonNull(call, "call is null");
    this.status = status;
    Map<String, List<String>> lower = new LinkedHashMap<>();
    requireNonNull(headers, "headers is null").forEach((name, values) ->
        lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
          List<String> merged = new ArrayList<>(a);
          merged.addAll(b);
          return merged;
        }));
    this.headers = lower;
    this.body = body == null ? new byte[0] : body;
  }

  public HttpCall call() {
    return call;
  }

  public int status() {
    return status;
  }

  public boolean ok() {
    return status < 400;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  public byte[] body() {
    return body;
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body as JSON: {@code {}} for an empty body, as Airbyte's JSON decoder gives.
   *
   * @throws IOException when the body is not JSON
   */
  public synchronized Object json() throws IOException {
    if (!decoded) {
      json = isBlank() ? new LinkedHashMap<String, Object>() : JsonValues.parse(body);
      decoded = true;
    }
    return json;
  }

  /** The body as JSON, or {@code {}} when it is none: what the CDK's error filters see. */
  public Object jsonOrEmpty() {
    try {
      return json();
    } catch (IOException e) {
      return new LinkedHashMap<String, Object>();
    }
  }

  public boolean isBlank() {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The headers as the CDK's templates see them ({@code headers['X-Rate-Limit']}, any case of the name), with the
   * parsed {@code Link} header under {@code link}: {@code headers['link']['next']['url']}.
   */
  public Map<String, Object> templateHeaders() {
    Map<String, Object> view = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> view.put(name, String.join(", ", values)));
    view.put("link", LinkHeader.parse(headers.getOrDefault("link", List.of())));
    return view;
  }
}
