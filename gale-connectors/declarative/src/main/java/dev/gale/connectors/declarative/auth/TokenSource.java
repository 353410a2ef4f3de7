package dev.gale.connectors.declarative.auth;

import dev.gale.connectors.declarative.runtime.Run;

/** Where an authenticator's token comes from: a template over the config, or a session obtained by logging in. */
public interface TokenSource {
  String token(Run run) throws InterruptedException;

  default void invalidate(Run run) {}
}
