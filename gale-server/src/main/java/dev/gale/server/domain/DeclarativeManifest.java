package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a declarative source definition's manifest (the low-code YAML connector, as JSON). Versions are
 * positive and immutable once stored; the definition runs the active one (see {@link DeclarativeDefinition}).
 *
 * @param description what this version changed, as its author said; nullable
 */
public record DeclarativeManifest(UUID actorDefinitionId, long version, JsonNode manifest, String description,
                                  Instant createdAt) {
  public DeclarativeManifest {
    requireNonNull(actorDefinitionId, "actorDefinitionId is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(createdAt, "createdAt is null");
    if (version < 1) {
      throw new IllegalArgumentException("manifest versions count from 1, not " + version);
    }
  }

  /** A version without a description. */
  public DeclarativeManifest(UUID actorDefinitionId, long version, JsonNode manifest, Instant createdAt) {
    this(actorDefinitionId, version, manifest, null, createdAt);
  }

  /** The definition version tag of this manifest version: its number. */
  public String tag() {
    return String.valueOf(version);
  }
}
