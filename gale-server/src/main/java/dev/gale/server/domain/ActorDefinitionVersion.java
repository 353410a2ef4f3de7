package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One version of a connector definition: the image (or built-in connector) to run and the spec it declares.
 * Versions are immutable once stored.
 *
 * @param spec the Airbyte Protocol {@code ConnectorSpecification}
 * @param documentationUrl nullable
 * @param protocolVersion nullable
 * @param releaseStage nullable
 * @param releaseDate nullable
 */
public record ActorDefinitionVersion(
    UUID id,
    UUID actorDefinitionId,
    String dockerRepository,
    String dockerImageTag,
    String documentationUrl,
    JsonNode spec,
    String protocolVersion,
    ReleaseStage releaseStage,
    LocalDate releaseDate,
    SupportLevel supportLevel,
    Instant createdAt) {

  public ActorDefinitionVersion {
    requireNonNull(id, "id is null");
    requireNonNull(actorDefinitionId, "actorDefinitionId is null");
    requireNonNull(dockerRepository, "dockerRepository is null");
    requireNonNull(dockerImageTag, "dockerImageTag is null");
    requireNonNull(spec, "spec is null");
    requireNonNull(supportLevel, "supportLevel is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
