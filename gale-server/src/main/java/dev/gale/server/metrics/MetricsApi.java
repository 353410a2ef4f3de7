package dev.gale.server.metrics;

import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.http.Route;
import java.util.List;

/**
 * {@code GET /metrics}: this process's meters in Prometheus's text format (0.0.4), for servers and workers alike.
 *
 * <p>Open without credentials, like {@code /api/v1/health}: Prometheus scrapers usually carry none, and what the
 * exposition holds is safe to show to anyone who can reach the port. It has counts, durations and sizes; route
 * templates (never a request's path, so no id); job types and statuses; JVM and pool figures. It has no
 * configuration, secret, connection, workspace, name or id. A deployment that wants it private keeps the port off
 * public networks or puts the path behind its proxy, as it would the health check.
 */
public final class MetricsApi implements ApiModule {
  public static final String PATH = "/metrics";

  private final GaleMetrics metrics;

  public MetricsApi(GaleMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(new Route<>("GET", PATH, "metrics", "This process's metrics in Prometheus's text format", null,
        String.class, true, (body, call) -> metrics.scrape()).producing(GaleMetrics.CONTENT_TYPE));
  }
}
