package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * Records that a discover of an actor, with a given configuration and connector version, found a catalog. A later
 * discover with the same configuration hash and connector version may reuse the catalog instead of running again.
 */
public record ActorCatalogFetchEvent(
    UUID id, UUID actorId, UUID actorCatalogId, String configHash, String connectorVersion, Instant createdAt) {

  public ActorCatalogFetchEvent {
    requireNonNull(id, "id is null");
    requireNonNull(actorId, "actorId is null");
    requireNonNull(actorCatalogId, "actorCatalogId is null");
    requireNonNull(configHash, "configHash is null");
    requireNonNull(connectorVersion, "connectorVersion is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
