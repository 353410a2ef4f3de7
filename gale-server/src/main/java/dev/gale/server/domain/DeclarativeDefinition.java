package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

/**
 * A declarative source definition with its active manifest: the version the definition's default version is tagged
 * with, which its sources run. It is the newest unless a client chose another as active.
 */
public record DeclarativeDefinition(ActorDefinition definition, DeclarativeManifest manifest) {
  public DeclarativeDefinition {
    requireNonNull(definition, "definition is null");
    requireNonNull(manifest, "manifest is null");
    if (!manifest.actorDefinitionId().equals(definition.id())) {
      throw new IllegalArgumentException("manifest of " + manifest.actorDefinitionId() + " given for " + definition.id());
    }
  }
}
