package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a declarative source definition's manifest (the low-code YAML connector, as JSON). Versions count
 * from 1 and are immutable once stored; the newest is the one the definition runs.
 */
public record DeclarativeManifest(UUID actorDefinitionId, long version, JsonNode manifest, Instant createdAt) {
  public DeclarativeManifest {
    requireNonNull(actorDefinitionId, "actorDefinitionId is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(createdAt, "createdAt is null");
    if (version < 1) {
      throw new IllegalArgumentException("manifest versions count from 1, not " + version);
    }
  }
}
