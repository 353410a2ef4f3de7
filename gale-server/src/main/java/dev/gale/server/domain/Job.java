package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A unit of work for a worker: a check, a discover, a spec, or a sync (and its reset/refresh/clear kin).
 *
 * @param scope what the job is about: a connection id for replication jobs, an actor or definition id otherwise
 * @param config the job's input; nullable
 * @param startedAt when the first attempt started; null while pending
 */
public record Job(
    long id,
    JobConfigType configType,
    String scope,
    JsonNode config,
    JobStatus status,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt) {

  public Job {
    requireNonNull(configType, "configType is null");
    requireNonNull(scope, "scope is null");
    requireNonNull(status, "status is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }
}
