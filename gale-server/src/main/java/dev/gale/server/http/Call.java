package dev.gale.server.http;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a handler may know of the HTTP exchange beyond its body: the path and its parameters, the query, headers, the
 * caller, and the base URL to build absolute links from.
 *
 * @param path the request's path, without the query
 * @param query every query parameter with all its values, in the order sent
 */
public record Call(String path, Map<String, String> pathParams, Map<String, List<String>> query, RequestHeaders headers,
                   Principal principal, URI baseUri) {
  public Call {
    pathParams = Map.copyOf(pathParams);
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query)); // in the order sent, for links that repeat it
  }

  public String path(String name) {
    return pathParams.get(name);
  }

  /** The first value of a query parameter; a blank value counts as absent, as generated clients send {@code a=}. */
  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name)).map(List::getFirst).filter(value -> !value.isBlank());
  }

  /**
   * Every value of a list parameter, whether the client repeats the name ({@code ids=a&ids=b}, OpenAPI's default) or
   * joins the values with commas ({@code ids=a,b}, as some clients do).
   */
  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of()).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  // Typed readings of declared query parameters: ApiServer has checked their values against the route's declaration.

  public Optional<UUID> queryUuid(String name) {
    return query(name).map(UUID::fromString);
  }

  public List<UUID> queryUuids(String name) {
    return queryAll(name).stream().map(UUID::fromString).toList();
  }

  public boolean queryBoolean(String name, boolean absent) {
    return query(name).map(Boolean::parseBoolean).orElse(absent);
  }

  public Optional<Instant> queryInstant(String name) {
    return query(name).map(QueryParameter::instant);
  }

  public Optional<String> header(String name) {
    return headers.first(name);
  }
}
