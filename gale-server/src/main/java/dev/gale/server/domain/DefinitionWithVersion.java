package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

/** A definition together with its default version: what the definition APIs return. */
public record DefinitionWithVersion(ActorDefinition definition, ActorDefinitionVersion version) {
  public DefinitionWithVersion {
    requireNonNull(definition, "definition is null");
    requireNonNull(version, "version is null");
  }
}
