package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.state;
import static dev.gale.server.api.JobCalls.status;
import static dev.gale.server.api.JobCalls.syncToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.FlakySource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed attempts and Airbyte's retry policy, with {@link FlakySource}: a failure after committed records is retried at
 * once from the committed state; one before any is retried after a growing backoff, up to a limit; a configuration
 * error is not retried. The test server's backoffs are milliseconds instead of Airbyte's seconds.
 */
class SyncRetriesApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;

  @BeforeAll
  static void client() {
    api = fixtures.api;
  }

  @Test
  void aTransientFailureAfterCommittedRecordsIsRetriedFromTheCommittedStateAndTheJobSucceeds() {
    String connection = flaky("{\"records\": 100, \"fail_after\": 50, \"failure\": \"transient\"}");

    JsonNode done = syncToEnd(api, connection);

    assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
    assertThat(done.path("attempts")).hasSize(2);
    JsonNode failed = done.at("/attempts/0/attempt");
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.at("/totalStats/recordsCommitted").asLong()).isEqualTo(50);
    JsonNode failure = failed.at("/failureSummary/failures/0");
    assertThat(failure.path("failureOrigin").asText()).isEqualTo("source");
    assertThat(failure.path("failureType").asText()).as("a transient error, in the 2023 document's terms").isEqualTo("system_error");
    assertThat(failure.path("retryable").asBoolean()).isTrue();
    assertThat(failure.path("externalMessage").asText()).contains("overloaded");
    assertThat(failure.path("timestamp").asLong()).isPositive();
    assertThat(failed.at("/failureSummary/partialSuccess").asBoolean()).isTrue();
    JsonNode retried = done.at("/attempts/1/attempt");
    assertThat(retried.path("status").asText()).isEqualTo("succeeded");
    assertThat(retried.path("id").asLong()).as("the attempt number, as Airbyte shows it").isEqualTo(1);
    assertThat(retried.at("/totalStats/recordsEmitted").asLong()).as("only what came after the committed state").isEqualTo(50);
    assertThat(done.at("/job/aggregatedStats/recordsCommitted").asLong()).isEqualTo(100);
    assertThat(done.at("/attempts/1/logs/logLines").toString()).contains("Resuming from 1 committed state messages");
    assertThat(done.at("/attempts/0/logs/logLines").toString()).contains("Retrying");
    assertThat(state(api, connection).at("/streamState/0/streamState/id").asLong()).isEqualTo(100);
  }

  @Test
  void failuresThatCommitNothingBackOffAndFailTheJobAtTheLimit() {
    String connection = flaky("{\"records\": 100, \"fail_after\": 0, \"failure\": \"transient\"}");

    JsonNode done = syncToEnd(api, connection);

    assertThat(status(done)).isEqualTo("failed");
    assertThat(done.path("attempts")).as("Airbyte's limit: five complete failures in a row").hasSize(5);
    List<Long> ends = new ArrayList<>();
    for (JsonNode attempt : done.path("attempts")) {
      assertThat(attempt.at("/attempt/status").asText()).isEqualTo("failed");
      assertThat(attempt.at("/attempt/failureSummary/partialSuccess").asBoolean()).isFalse();
      ends.add(attempt.at("/attempt/failureSummary/failures/0/timestamp").asLong());
    }
    assertThat(ends).isSorted();
    assertThat(done.at("/attempts/0/logs/logLines").toString()).contains("waits 20 ms");
    assertThat(done.at("/attempts/1/logs/logLines").toString()).contains("waits 60 ms");
    assertThat(done.at("/attempts/4/logs/logLines").toString()).contains("The job failed");
    assertThat(state(api, connection).path("stateType").asText()).isEqualTo("not_set");
  }

  @Test
  void aConfigurationErrorFailsTheJobWithoutRetry() {
    String connection = flaky("{\"failure\": \"config\"}");

    JsonNode done = syncToEnd(api, connection);

    assertThat(status(done)).isEqualTo("failed");
    assertThat(done.path("attempts")).hasSize(1);
    JsonNode failure = done.at("/attempts/0/attempt/failureSummary/failures/0");
    assertThat(failure.path("failureType").asText()).isEqualTo("config_error");
    assertThat(failure.path("retryable").asBoolean()).isFalse();
    assertThat(failure.path("externalMessage").asText()).contains("rejects this account");
    assertThat(done.at("/attempts/0/logs/logLines").toString()).contains("not retryable");
  }

  @Test
  void aConnectionWhoseSourceWasDeletedMeanwhileFailsWithoutRetry() {
    String connection = flaky("{\"failure\": \"none\"}");
    var stored = fixtures.store.connections.find(java.util.UUID.fromString(connection)).orElseThrow();
    fixtures.store.actors.tombstone(stored.sourceId());

    JsonNode done = syncToEnd(api, connection);

    assertThat(status(done)).isEqualTo("failed");
    assertThat(done.path("attempts")).hasSize(1);
    JsonNode failure = done.at("/attempts/0/attempt/failureSummary/failures/0");
    assertThat(failure.path("failureOrigin").asText()).isEqualTo("airbyte_platform");
    assertThat(failure.path("failureType").asText()).isEqualTo("config_error");
    assertThat(failure.path("externalMessage").asText()).contains("is deleted");
  }

  private static String flaky(String config) {
    return JobCalls.connection(fixtures, FlakySource.DEFINITION_ID, config, "incremental", "append");
  }
}
