package dev.gale.connectors.declarative.auth;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;

/**
 * Adds credentials to a request: a header, a query parameter or a body field. Immutable; what an authenticator
 * obtains while reading (an access or session token) lives in the {@link Run}, so it is fetched once per read and
 * never shared between configurations. Every credential it obtains is added to the run's secrets.
 */
public interface Authenticator {

  /** The parts that authenticate a request; may send a request first to obtain a token. */
  RequestParts parts(Run run) throws InterruptedException;

  /** Forgets an obtained token, so the next request obtains a fresh one (after a 401 the manifest retries). */
  default void invalidate(Run run) {}
}
