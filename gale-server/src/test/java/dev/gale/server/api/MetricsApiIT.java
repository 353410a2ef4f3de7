package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.PrometheusSamples;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} after a sync (Sample Data to Dev Null): the job, its attempt, its records and bytes, its
 * duration and the HTTP requests that drove it show up; the whole exposition passes Prometheus's own parser.
 */
class MetricsApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static final Map<String, String> SYNC = Map.of("config_type", "sync");
  private static final Map<String, String> SUCCEEDED_SYNC = Map.of("config_type", "sync", "status", "succeeded");
  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @Test
  void aScrapeAfterASyncShowsTheJobItsRecordsBytesAndDuration() {
    String connection = JobCalls.sampleConnection(fixtures, "{\"count\": 300, \"seed\": 4}", "full_refresh",
        "overwrite");
    PrometheusSamples before = scrape();

    JsonNode done = JobCalls.syncToEnd(api, connection);

    assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
    long records = done.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong();
    long bytes = done.at("/attempts/0/attempt/totalStats/bytesCommitted").asLong();
    assertThat(records).as("300 users, 100 products, 300 purchases").isEqualTo(700);
    assertThat(bytes).isPositive();
    // The worker counts the attempt just after ending it, and the store's gauges are reused for a few seconds.
    PrometheusSamples after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(MetricsApiIT::scrape, scrape -> scrape.sum("gale_attempts_total", SUCCEEDED_SYNC)
            > before.sum("gale_attempts_total", SUCCEEDED_SYNC)
            && scrape.sum("gale_jobs", SUCCEEDED_SYNC) > before.sum("gale_jobs", SUCCEEDED_SYNC));

    assertThat(delta(before, after, "gale_attempts_total", SUCCEEDED_SYNC)).isEqualTo(1);
    assertThat(delta(before, after, "gale_jobs", SUCCEEDED_SYNC)).isEqualTo(1);
    assertThat(delta(before, after, "gale_records_committed_total", SYNC)).isEqualTo(records);
    assertThat(delta(before, after, "gale_bytes_committed_total", SYNC)).isEqualTo(bytes);
    assertThat(delta(before, after, "gale_sync_duration_seconds_count", SUCCEEDED_SYNC)).isEqualTo(1);
    assertThat(delta(before, after, "gale_sync_duration_seconds_bucket", Map.of("config_type", "sync",
        "status", "succeeded", "le", "+Inf"))).as("the histogram's buckets count it too").isEqualTo(1);
    assertThat(after.sum("gale_sync_duration_seconds_sum", SUCCEEDED_SYNC)).isPositive();
    assertThat(after.sum("gale_jobs", Map.of("status", "running"))).isZero();
    assertThat(after.sum("gale_queue_depth", Map.of())).isZero();
    assertThat(after.sum("gale_worker_slots", Map.of())).isEqualTo(2);
    assertThat(after.sum("gale_worker_jobs_running", Map.of())).isZero();
    assertThat(after.sum("gale_http_requests_seconds_count",
        Map.of("route", "/api/v1/connections/sync", "method", "POST", "status", "200"))).isEqualTo(1);
    assertThat(after.sum("gale_http_requests_seconds_count",
        Map.of("route", "/api/v1/jobs/get", "method", "POST", "status", "200"))).isPositive();
  }

  @Test
  void theExpositionHasTheJvmAndPoolMetersAndOpenRoutesOnly() {
    PrometheusSamples metrics = scrape();

    assertThat(metrics.has("jvm_memory_used_bytes")).isTrue();
    assertThat(metrics.has("jvm_gc_pause_seconds_count") || metrics.has("jvm_gc_memory_allocated_bytes_total")).isTrue();
    assertThat(metrics.has("jvm_threads_live_threads")).isTrue();
    assertThat(metrics.has("jvm_classes_loaded_classes")).isTrue();
    assertThat(metrics.has("process_cpu_usage")).isTrue();
    assertThat(metrics.sum("process_cpu_seconds_total", Map.of())).isPositive();
    assertThat(metrics.sum("system_cpu_processors", Map.of())).isPositive();
    assertThat(metrics.has("process_uptime_seconds")).isTrue();
    assertThat(metrics.sum("hikaricp_connections_max", Map.of("pool", "gale-store"))).isPositive();
    assertThat(metrics.has("gale_scheduler_lag_seconds_count")).isTrue();
    assertThat(metrics.has("gale_worker_processes_live")).isTrue();
  }

  @Test
  void aRequestToAnUnknownPathCountsUnderOneLabelNotItsPath() {
    api.post("/api/v1/no/such/route-" + System.nanoTime(), "{}").expectError(404);

    PrometheusSamples metrics = scrape();

    assertThat(metrics.sum("gale_http_requests_seconds_count", Map.of("route", "unmatched", "status", "404")))
        .isPositive();
    assertThat(metrics.matching("gale_http_requests_seconds_count", Map.of()))
        .allSatisfy(sample -> assertThat(sample.labels().get("route")).doesNotContain("no/such"));
  }

  /** A scrape as Prometheus makes it: no credentials. */
  private static PrometheusSamples scrape() {
    ApiResponse response = api.withAuthorization(null).get("/metrics");
    assertThat(response.status()).as("%s", response.rawBody()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    return PrometheusSamples.checked(response.rawBody());
  }

  private static double delta(PrometheusSamples before, PrometheusSamples after, String name, Map<String, String> labels) {
    return after.sum(name, labels) - before.sum(name, labels);
  }
}
