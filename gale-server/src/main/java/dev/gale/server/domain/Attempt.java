package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One try at running a job. Attempt numbers start at 0, as in Airbyte.
 *
 * @param logPath where the attempt's log is; nullable
 * @param output the job output (e.g. a sync summary or a discovered catalog id); nullable
 * @param failureSummary Airbyte's {@code AttemptFailureSummary}; nullable
 * @param syncConfig the connection configuration the attempt ran with; nullable
 * @param endedAt set when the attempt reaches a terminal status
 */
public record Attempt(
    long id,
    long jobId,
    int attemptNumber,
    AttemptStatus status,
    String logPath,
    JsonNode output,
    JsonNode failureSummary,
    JsonNode syncConfig,
    Instant createdAt,
    Instant updatedAt,
    Instant endedAt) {

  public Attempt {
    requireNonNull(status, "status is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }
}
