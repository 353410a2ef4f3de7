package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The headers of a request, names compared without regard to case as HTTP says. Gale's own type, so handlers and
 * authenticators do not depend on the HTTP server library that carries the request.
 */
public final class RequestHeaders {
  private static final RequestHeaders NONE = new RequestHeaders(Map.of());

  private final Map<String, List<String>> values;

  private RequestHeaders(Map<String, List<String>> values) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    values.forEach((name, list) -> copy.merge(name, List.copyOf(list), RequestHeaders::concat));
    this.values = Collections.unmodifiableMap(copy);
  }

  /** Headers from each name to its values in the order sent; names that differ only in case are merged. */
  public static RequestHeaders of(Map<String, List<String>> values) {
    return new RequestHeaders(requireNonNull(values, "values is null"));
  }

  public static RequestHeaders none() {
    return NONE;
  }

  /** The first value of a header, or empty when the request has none. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    return List.copyOf(both);
  }

  @Override
  public String toString() {
    // Names only: values may be credentials.
    return "RequestHeaders" + values.keySet();
  }
}
