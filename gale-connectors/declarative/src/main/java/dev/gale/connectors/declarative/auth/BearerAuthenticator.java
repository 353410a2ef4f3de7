package dev.gale.connectors.declarative.auth;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;

/** {@code Authorization: Bearer <token>}. */
public record BearerAuthenticator(TokenSource token) implements Authenticator {
  public BearerAuthenticator {
    requireNonNull(token, "token is null");
  }

  @Override
  public RequestParts parts(Run run) throws InterruptedException {
    RequestParts parts = new RequestParts();
    parts.headers().put("Authorization", "Bearer " + token.token(run));
    return parts;
  }

  @Override
  public void invalidate(Run run) {
    token.invalidate(run);
  }
}
