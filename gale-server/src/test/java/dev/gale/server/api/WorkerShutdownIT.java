package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.id;
import static dev.gale.server.api.JobCalls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.store.Database;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A server that stops while one of its workers runs an attempt stops the sync at its next committed state, ends the
 * attempt as a shutdown (retryable, outside the retry policy's counts) and leaves the job to whichever process runs
 * workers next, at once: the lease goes with the attempt's end. (gale-app's {@code WorkerSigtermIT} does the same
 * with a real SIGTERM to a worker process on PostgreSQL.)
 */
class WorkerShutdownIT {
  @Test
  void aStoppedServersRunningAttemptFailsRetryablyAndAnotherServerRetriesTheJob() {
    // One in-memory H2 database that outlives the first server (DB_CLOSE_DELAY=-1), as a shared store would.
    Database.Settings database = Database.Settings.h2Memory("shutdown-" + UUID.randomUUID());
    long jobId;
    try (TestingGaleServer stopping = TestingGaleServer.start(database, TestingGaleServer.fastJobs())) {
      var api = stopping.client();
      String connection = longConnection(stopping);
      jobId = id(JobCalls.sync(api, connection));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
          () -> JobCalls.get(api, jobId), info -> info.at("/attempts/0/attempt/totalStats/recordsEmitted").asLong() > 0);
    }

    try (TestingGaleServer next = TestingGaleServer.start(database, TestingGaleServer.fastJobs())) {
      var api = next.client();
      JsonNode retried = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> JobCalls.get(api, jobId), info -> info.path("attempts").size() == 2
              && info.at("/attempts/1/attempt/totalStats/recordsEmitted").asLong() > 0);

      JsonNode stopped = retried.at("/attempts/0/attempt");
      assertThat(stopped.path("status").asText()).isEqualTo("failed");
      assertThat(stopped.at("/failureSummary/failures/0/externalMessage").asText()).contains("The worker shut down");
      assertThat(stopped.at("/failureSummary/failures/0/failureOrigin").asText()).isEqualTo("replication");
      assertThat(stopped.at("/failureSummary/failures/0/retryable").asBoolean()).isTrue();
      assertThat(status(retried)).isEqualTo("running");

      api.post("/api/v1/jobs/cancel", Json.object().put("id", jobId)).expect(200);
      assertThat(status(JobCalls.awaitEnd(api, jobId))).isEqualTo("cancelled");
    }
  }

  /** A Sample Data connection with more records than any test waits for. */
  private static String longConnection(TestingGaleServer gale) {
    return JobCalls.connection(new TestingStore(gale.server()), gale.client(), ConnectionFixtures.SAMPLE_DATA,
        "{\"count\": 2000000000, \"seed\": 1}", "full_refresh", "overwrite", Json.object());
  }
}
