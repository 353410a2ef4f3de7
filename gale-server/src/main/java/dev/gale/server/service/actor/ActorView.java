package dev.gale.server.service.actor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.service.definition.DefinitionService;
import java.time.Instant;
import java.util.UUID;

/**
 * What the APIs may show of a source or destination. It holds the configuration only masked, so nothing built
 * from a view can leak a secret, not even encrypted.
 *
 * @param definitionName the name of the connector definition (Airbyte's {@code sourceName}/{@code destinationName})
 * @param connectorType the connector's short name (the Public API's {@code sourceType}/{@code destinationType}), see
 *     {@link DefinitionService#connectorType}
 * @param icon the definition's icon; nullable
 * @param maskedConfiguration the configuration with every secret the specification declares replaced by the mask
 */
public record ActorView(UUID id, UUID workspaceId, UUID definitionId, String name, String definitionName,
                        String connectorType, String icon, JsonNode maskedConfiguration, Instant createdAt) {
  public ActorView {
    requireNonNull(id, "id is null");
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(definitionId, "definitionId is null");
    requireNonNull(name, "name is null");
    requireNonNull(definitionName, "definitionName is null");
    requireNonNull(connectorType, "connectorType is null");
    requireNonNull(maskedConfiguration, "maskedConfiguration is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  static ActorView of(Actor actor, DefinitionWithVersion definition, JsonNode maskedConfiguration) {
    return new ActorView(actor.id(), actor.workspaceId(), actor.actorDefinitionId(), actor.name(),
        definition.definition().name(), DefinitionService.connectorType(definition), definition.definition().icon(),
        maskedConfiguration, actor.createdAt());
  }
}
