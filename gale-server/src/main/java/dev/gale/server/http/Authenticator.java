package dev.gale.server.http;

import java.util.Optional;

/**
 * Recognises the caller of a request from its headers. Empty means "not my kind of credentials"; a present but wrong
 * credential throws {@link UnauthorizedException}.
 */
public interface Authenticator {
  Optional<Principal> authenticate(RequestHeaders headers);

  /** The scheme this authenticator answers a 401 with, for the WWW-Authenticate header. */
  String challenge();
}
