package dev.gale.server.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route for a method and path. Templates use {@code {name}} segments; literal segments win over them. */
public final class Router {
  private final List<Route<?, ?>> routes = new ArrayList<>();

  public Router add(Route<?, ?> route) {
    for (Route<?, ?> existing : routes) {
      if (existing.method().equals(route.method()) && existing.path().equals(route.path())) {
        throw new IllegalStateException("Route registered twice: " + route.method() + " " + route.path());
      }
    }
    routes.add(route);
    return this;
  }

  public List<Route<?, ?>> routes() {
    return Collections.unmodifiableList(routes);
  }

  /** A route matched to a request path, with the values of its template's parameters. */
  public record Match(Route<?, ?> route, Map<String, String> pathParams) {}

  /**
   * The route for this request, or empty. Throws a 405 when the path exists only under other methods, so a client
   * that GETs a Config API path learns it must POST.
   */
  public Optional<Match> match(String method, String path) {
    String[] segments = split(path);
    Match best = null;
    int bestLiterals = -1;
    boolean pathKnown = false;
    for (Route<?, ?> route : routes) {
      String[] template = split(route.path());
      if (template.length != segments.length) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      int literals = 0;
      boolean matches = true;
      for (int i = 0; i < template.length && matches; i++) {
        if (template[i].startsWith("{") && template[i].endsWith("}")) {
          params.put(template[i].substring(1, template[i].length() - 1), segments[i]);
        } else if (template[i].equals(segments[i])) {
          literals++;
        } else {
          matches = false;
        }
      }
      if (!matches) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method) && literals > bestLiterals) {
        best = new Match(route, params);
        bestLiterals = literals;
      }
    }
    if (best == null && pathKnown) {
      throw new BadRequestException(405, "Method " + method + " is not allowed on " + path);
    }
    return Optional.ofNullable(best);
  }

  private static String[] split(String path) {
    String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return trimmed.split("/", -1);
  }
}
