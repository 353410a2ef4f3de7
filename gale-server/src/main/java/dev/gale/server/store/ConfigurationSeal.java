package dev.gale.server.store;

import dev.gale.server.domain.Actor;

/**
 * The seal of an actor's stored configuration: a MAC over what decides where its secrets are sent (the actor's id,
 * workspace, definition, type and the whole configuration), computed with a key the store does not hold. A row
 * changed outside Gale no longer matches its seal, and {@link ActorRepository} refuses it.
 */
@FunctionalInterface
public interface ConfigurationSeal {
  /** The seal of {@code actor} as it is stored: the same for the same content, never computable without the key. */
  String of(Actor actor);
}
