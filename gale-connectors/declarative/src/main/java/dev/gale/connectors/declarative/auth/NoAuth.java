package dev.gale.connectors.declarative.auth;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;

/** No credentials. */
public record NoAuth() implements Authenticator {
  @Override
  public RequestParts parts(Run run) {
    return new RequestParts();
  }
}
