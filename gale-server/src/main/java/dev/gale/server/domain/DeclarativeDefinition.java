package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

/** A declarative source definition with its newest manifest. */
public record DeclarativeDefinition(ActorDefinition definition, DeclarativeManifest manifest) {
  public DeclarativeDefinition {
    requireNonNull(definition, "definition is null");
    requireNonNull(manifest, "manifest is null");
    if (!manifest.actorDefinitionId().equals(definition.id())) {
      throw new IllegalArgumentException("manifest of " + manifest.actorDefinitionId() + " given for " + definition.id());
    }
  }
}
