package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An operation a connection runs after its sync (normalization, dbt, webhook).
 *
 * @param operatorConfiguration Airbyte's {@code OperatorConfiguration} as a whole
 */
public record Operation(
    UUID id,
    UUID workspaceId,
    String name,
    OperatorType operatorType,
    JsonNode operatorConfiguration,
    boolean tombstone,
    Instant createdAt,
    Instant updatedAt) {

  public Operation {
    requireNonNull(id, "id is null");
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(name, "name is null");
    requireNonNull(operatorType, "operatorType is null");
    requireNonNull(operatorConfiguration, "operatorConfiguration is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }
}
