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
    // The token is a secret wherever it shows, even when the spec does not mark the property it comes from.
    String value = token.token(run);
    run.secrets().add(value);
    RequestParts parts = new RequestParts();
    parts.headers().put("Authorization", "Bearer " + value);
    return parts;
  }

  @Override
  public void invalidate(Run run) {
    token.invalidate(run);
  }
}
