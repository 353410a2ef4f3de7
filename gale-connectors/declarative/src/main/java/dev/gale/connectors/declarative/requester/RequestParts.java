package dev.gale.connectors.declarative.requester;

import dev.gale.connector.ConnectorException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options of a request besides its URL: query parameters, headers, form or raw body data, JSON body. Each
 * component that shapes a request (requester, authenticator, paginator, partition router, cursor) gives its own
 * parts; {@link #combine} joins them and refuses two components setting the same key, as the CDK does (for the JSON
 * body, the same value at the same path is allowed and objects merge).
 */
public final class RequestParts {
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final Map<String, Object> headers = new LinkedHashMap<>();
  private final Map<String, Object> bodyData = new LinkedHashMap<>();
  private final Map<String, Object> bodyJson = new LinkedHashMap<>();
  private String rawBody;

  public Map<String, Object> parameters() {
    return parameters;
  }

  public Map<String, Object> headers() {
    return headers;
  }

  public Map<String, Object> bodyData() {
    return bodyData;
  }

  public Map<String, Object> bodyJson() {
    return bodyJson;
  }

  /** A body given as one string (a form body written out, or plain text), or null. */
  public String rawBody() {
    return rawBody;
  }

  public void setRawBody(String body) {
    this.rawBody = body;
  }

  public Map<String, Object> target(InjectInto into) {
    return switch (into) {
      case REQUEST_PARAMETER -> parameters;
      case HEADER -> headers;
      case BODY_DATA -> bodyData;
      case BODY_JSON -> bodyJson;
    };
  }

  /**
   * All parts in one; {@code stream} names the stream in the error.
   *
   * @throws ConnectorException when two parts set the same key (the manifest is at fault)
   */
  public static RequestParts combine(String stream, List<RequestParts> all) {
    RequestParts combined = new RequestParts();
    for (RequestParts parts : all) {
      if (parts == null) {
        continue;
      }
      merge(stream, "request parameter", combined.parameters, parts.parameters, false, "");
      merge(stream, "header", combined.headers, parts.headers, false, "");
      merge(stream, "body field", combined.bodyData, parts.bodyData, false, "");
      merge(stream, "JSON body field", combined.bodyJson, parts.bodyJson, true, "");
      if (parts.rawBody != null && !parts.rawBody.isEmpty()) {
        if (combined.rawBody != null) {
          throw new ConnectorException("Stream '" + stream + "': two components of the manifest set the request body");
        }
        combined.rawBody = parts.rawBody;
      }
    }
    if (combined.rawBody != null && !combined.bodyData.isEmpty()) {
      throw new ConnectorException("Stream '" + stream + "': the manifest sets the request body as text and as fields");
    }
    return combined;
  }

  @SuppressWarnings("unchecked")
  private static void merge(String stream, String what, Map<String, Object> target, Map<String, Object> source,
                            boolean sameValueMerges, String prefix) {
    for (Map.Entry<String, Object> entry : source.entrySet()) {
      String key = entry.getKey();
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      if (!target.containsKey(key)) {
        target.put(key, entry.getValue() instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map)
            : entry.getValue());
        continue;
      }
      Object existing = target.get(key);
      if (sameValueMerges && existing instanceof Map<?, ?> left && entry.getValue() instanceof Map<?, ?> right) {
        merge(stream, what, (Map<String, Object>) left, (Map<String, Object>) right, true, path);
      } else if (!sameValueMerges || !Objects.equals(existing, entry.getValue())) {
        throw new ConnectorException("Stream '" + stream + "': two components of the manifest set the " + what + " '"
            + path + "'; every key of a request must be set once");
      }
    }
  }
}
