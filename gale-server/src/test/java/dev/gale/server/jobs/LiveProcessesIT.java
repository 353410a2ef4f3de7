package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gale.server.GaleConfig;
import dev.gale.server.GaleWorker;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.PrometheusSamples;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The live processes of a deployment, as every process's metrics show them: idle servers and workers count by their
 * heartbeats, and one that stops gracefully stops counting at once. Two servers (one without workers) and a worker
 * process on one PostgreSQL; no job runs.
 */
class LiveProcessesIT {
  @Test
  void idleProcessesCountByKindAndAGracefulStopLeavesTheCount() {
    Database.Settings database = TestingPostgres.shared().newDatabase();
    try (TestingGaleServer apiOnly = TestingGaleServer.start(database, TestingGaleServer.fastJobs().withWorkers(0));
         TestingGaleServer withWorkers = TestingGaleServer.start(database, TestingGaleServer.fastJobs())) {
      GaleWorker worker = GaleWorker.start(new GaleConfig("127.0.0.1", 0, apiOnly.dataDir(), database,
          new GaleConfig.Auth(true, TestingGaleServer.USER, TestingGaleServer.PASSWORD),
          Optional.of(TestingGaleServer.SECRET_KEY), TestingGaleServer.fastJobs()));
      ApiClient metrics = apiOnly.client().withAuthorization(null);
      try {
        PrometheusSamples all = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
            .until(() -> scrape(metrics), scrape -> live(scrape, "worker") == 1);
        assertThat(live(all, "server")).isEqualTo(2);
        assertThat(all.sum("gale_worker_processes_live", Map.of())).as("the API-only server runs no workers")
            .isEqualTo(2);
        assertThat(all.sum("gale_worker_processes_busy", Map.of())).as("idle: no lease").isZero();
      } finally {
        worker.close();
      }

      PrometheusSamples after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
          .until(() -> scrape(metrics), scrape -> live(scrape, "worker") == 0);
      assertThat(live(after, "server")).isEqualTo(2);
      assertThat(after.sum("gale_worker_processes_live", Map.of())).isEqualTo(1);
    }
  }

  private static double live(PrometheusSamples samples, String kind) {
    return samples.sum("gale_processes_live", Map.of("kind", kind));
  }

  private static PrometheusSamples scrape(ApiClient client) {
    return PrometheusSamples.checked(client.get("/metrics").rawBody());
  }
}
