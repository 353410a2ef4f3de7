package dev.gale.connectors.declarative.runtime;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request as the connector sends it: method, full URL with query string, headers in order, body bytes (empty
 * for none).
 */
public record HttpCall(String method, String url, Map<String, String> headers, byte[] body) {
  public HttpCall {
    requireNonNull(method, "method is null");
    requireNonNull(url, "url is null");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(headers, "headers is null")));
    body = body == null ? new byte[0] : body;
  }
}
