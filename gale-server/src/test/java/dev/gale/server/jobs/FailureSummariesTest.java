package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.FailureType;
import dev.gale.server.secrets.SecretMasker;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureSummariesTest {
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void aShutdownsSummaryIsARetryableReplicationFailureThatIsToldFromOthers() {
    JsonNode shutdown = FailureSummaries.shutdown(true, AT);

    JsonNode reason = shutdown.at("/failures/0");
    assertThat(reason.path("failureOrigin").asText()).isEqualTo("replication");
    assertThat(reason.path("failureType").asText()).isEqualTo("system_error");
    assertThat(reason.path("externalMessage").asText()).startsWith("The worker shut down");
    assertThat(FailureSummaries.retryable(shutdown)).isTrue();
    assertThat(FailureSummaries.partialSuccess(shutdown)).isTrue();
    assertThat(FailureSummaries.isShutdown(shutdown)).isTrue();
  }

  @Test
  void otherSummariesAreNoShutdowns() {
    JsonNode lostWorker = FailureSummaries.platform(FailureType.SYSTEM_ERROR,
        "The worker running this attempt stopped sending heartbeats", null, true, false, SecretMasker.NONE, AT);

    assertThat(FailureSummaries.isShutdown(lostWorker)).isFalse();
    assertThat(FailureSummaries.isShutdown(FailureSummaries.cancelled(false, AT))).isFalse();
    assertThat(FailureSummaries.isShutdown(null)).isFalse();
  }
}
