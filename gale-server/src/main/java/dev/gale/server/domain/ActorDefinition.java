package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A connector definition (Airbyte's source or destination definition). What it runs lives in its versions; the
 * default version is the one new actors use.
 *
 * @param icon nullable
 * @param sourceType nullable; only sources have one
 * @param isPublic visible to every workspace; a non-public definition is visible only where it is granted
 * @param defaultVersionId nullable only while the definition is being created
 * @param resourceRequirements Airbyte's {@code ActorDefinitionResourceRequirements}; nullable
 */
public record ActorDefinition(
    UUID id,
    ActorType actorType,
    String name,
    String icon,
    SourceType sourceType,
    boolean custom,
    boolean isPublic,
    boolean tombstone,
    UUID defaultVersionId,
    JsonNode resourceRequirements,
    Instant createdAt,
    Instant updatedAt) {

  public ActorDefinition {
    requireNonNull(id, "id is null");
    requireNonNull(actorType, "actorType is null");
    requireNonNull(name, "name is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }

  public ActorDefinition withUpdatedAt(Instant instant) {
    return new ActorDefinition(id, actorType, name, icon, sourceType, custom, isPublic, tombstone, defaultVersionId,
        resourceRequirements, createdAt, instant);
  }
}
