package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/** Bearer tokens of the Public API's applications, accepted on every authenticated route. */
public final class BearerAuthenticator implements Authenticator {
  private final Function<String, Optional<String>> verifier;

  /** @param verifier the client id a valid token belongs to, or empty; it must not log the token */
  public BearerAuthenticator(Function<String, Optional<String>> verifier) {
    this.verifier = requireNonNull(verifier, "verifier is null");
  }

  @Override
  public Optional<Principal> authenticate(RequestHeaders headers) {
    String authorization = headers.first("Authorization").orElse(null);
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    // One message for every failure: a client learns nothing from it about which check refused the token.
    Principal principal = verifier.apply(authorization.substring(7).trim()).map(Principal::new)
        .orElseThrow(() -> new UnauthorizedException("Invalid or expired token"));
    return Optional.of(principal);
  }

  @Override
  public String challenge() {
    return "Bearer realm=\"Gale\"";
  }
}
