package dev.gale.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {
  @Test
  void requestsAreCountedByRouteTemplateMethodAndStatusWithTheirDuration() {
    try (GaleMetrics metrics = new GaleMetrics()) {
      metrics.http().record("/api/public/v1/jobs/{jobId}", "GET", 200, TimeUnit.MILLISECONDS.toNanos(30));
      metrics.http().record("/api/public/v1/jobs/{jobId}", "GET", 200, TimeUnit.MILLISECONDS.toNanos(10));

      assertThat(metrics.scrape())
          .contains("gale_http_requests_seconds_count{method=\"GET\",route=\"/api/public/v1/jobs/{jobId}\",status=\"200\"} 2")
          .contains("gale_http_requests_seconds_sum{method=\"GET\",route=\"/api/public/v1/jobs/{jobId}\",status=\"200\"} 0.04");
    }
  }

  @Test
  void aMethodNoRouteKnowsCountsAsOtherSoClientsCannotAddSeries() {
    try (GaleMetrics metrics = new GaleMetrics()) {
      metrics.http().record(HttpMetrics.UNMATCHED, "BREW", 404, 1_000);
      metrics.http().record(HttpMetrics.UNMATCHED, "PROPFIND", 404, 1_000);

      assertThat(metrics.scrape())
          .contains("gale_http_requests_seconds_count{method=\"OTHER\",route=\"unmatched\",status=\"404\"} 2")
          .doesNotContain("BREW").doesNotContain("PROPFIND");
    }
  }

  @Test
  void aClientThatLeftBeforeAnyStatusCountsUnderMinusOne() {
    try (GaleMetrics metrics = new GaleMetrics()) {
      metrics.http().record("/api/v1/health", "GET", -1, 1_000);

      assertThat(metrics.scrape()).contains("status=\"-1\"");
    }
  }
}
