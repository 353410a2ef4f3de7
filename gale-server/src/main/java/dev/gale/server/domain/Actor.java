package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A configured source or destination in a workspace.
 *
 * @param configuration the connector configuration as stored (secrets already replaced by the service)
 * @param tombstone a deleted actor keeps its row so that old jobs and connections still resolve
 */
public record Actor(
    UUID id,
    UUID workspaceId,
    UUID actorDefinitionId,
    ActorType actorType,
    String name,
    JsonNode configuration,
    boolean tombstone,
    Instant createdAt,
    Instant updatedAt) {

  public Actor {
    requireNonNull(id, "id is null");
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(actorDefinitionId, "actorDefinitionId is null");
    requireNonNull(actorType, "actorType is null");
    requireNonNull(name, "name is null");
    requireNonNull(configuration, "configuration is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }
}
