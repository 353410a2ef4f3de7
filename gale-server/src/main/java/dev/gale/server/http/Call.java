package dev.gale.server.http;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler may know of the HTTP exchange beyond its body: path parameters, query parameters, headers, the
 * caller, and the base URL to build absolute links from.
 */
public record Call(Map<String, String> pathParams, Map<String, String> query, Headers headers, Principal principal, URI baseUri) {
  public String path(String name) {
    return pathParams.get(name);
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name));
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.getFirst(name));
  }
}
