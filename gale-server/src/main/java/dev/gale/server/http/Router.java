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
  /** The routes' templates split once, here rather than at each request: matching was a fifth of a request's CPU. */
  private final List<Template> templates = new ArrayList<>();

  /** A route's template, in segments; a {@code {name}} segment is a parameter, kept as its name. */
  private record Template(Route<?, ?> route, String[] segments, boolean[] parameters) {
    static Template of(Route<?, ?> route) {
      String[] segments = split(route.path());
      boolean[] parameters = new boolean[segments.length];
      for (int i = 0; i < segments.length; i++) {
        parameters[i] = segments[i].startsWith("{") && segments[i].endsWith("}");
        segments[i] = parameters[i] ? segments[i].substring(1, segments[i].length() - 1) : segments[i];
      }
      return new Template(route, segments, parameters);
    }

    /** How many literal segments match {@code path}; -1 when it does not match. */
    int literalsMatched(String[] path) {
      if (path.length != segments.length) {
        return -1;
      }
      int literals = 0;
      for (int i = 0; i < segments.length; i++) {
        if (!parameters[i]) {
          if (!segments[i].equals(path[i])) {
            return -1;
          }
          literals++;
        }
      }
      return literals;
    }

    Map<String, String> parameterValues(String[] path) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < segments.length; i++) {
        if (parameters[i]) {
          values.put(segments[i], path[i]);
        }
      }
      return values;
    }
  }

  public Router add(Route<?, ?> route) {
    for (Route<?, ?> existing : routes) {
      if (existing.method().equals(route.method()) && existing.path().equals(route.path())) {
        throw new IllegalStateException("Route registered twice: " + route.method() + " " + route.path());
      }
    }
    routes.add(route);
    templates.add(Template.of(route));
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
    Template best = null;
    int bestLiterals = -1;
    boolean pathKnown = false;
    for (Template template : templates) {
      int literals = template.literalsMatched(segments);
      if (literals < 0) {
        continue;
      }
      pathKnown = true;
      if (template.route().method().equals(method) && literals > bestLiterals) {
        best = template;
        bestLiterals = literals;
      }
    }
    if (best == null && pathKnown) {
      throw new BadRequestException(405, "Method " + method + " is not allowed on " + path);
    }
    return best == null ? Optional.empty() : Optional.of(new Match(best.route(), best.parameterValues(segments)));
  }

  private static String[] split(String path) {
    String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return trimmed.split("/", -1);
  }
}
