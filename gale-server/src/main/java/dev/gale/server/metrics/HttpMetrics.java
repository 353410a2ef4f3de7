package dev.gale.server.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * HTTP requests by route, method and status, with their duration: {@code gale_http_requests_seconds_count},
 * {@code _sum} and {@code _max}. The route is the route's template ({@code /api/public/v1/jobs/{jobId}}), never the
 * raw path, so the series stay as few as the routes; a request no route matched counts under {@link #UNMATCHED}, one
 * the HTTP layer refused before routing under {@link #REFUSED}.
 */
public final class HttpMetrics {
  /** The route label of requests that matched no route (404, 405, and 401 before them). */
  public static final String UNMATCHED = "unmatched";
  /**
   * The route label of requests the HTTP layer answered before any route was looked for: headers over the limit, a
   * malformed request line or URI, a request arriving while the server stops.
   */
  public static final String REFUSED = "refused";
  /** A client may send any method name; others than these count as {@code OTHER}, so no client adds series. */
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final MeterRegistry registry;

  HttpMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  /**
   * Counts one answered request.
   *
   * @param route the matched route's path template, or {@link #UNMATCHED}
   * @param method as the client sent it; null when its request line could not be read
   * @param status the status sent; -1 when the client went away before any was
   */
  public void record(String route, String method, int status, long nanos) {
    Timer.builder("gale.http.requests")
        .description("HTTP requests answered, by route template, method and status")
        .tag("route", route)
        .tag("method", method != null && METHODS.contains(method) ? method : "OTHER")
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
