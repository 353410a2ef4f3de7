package dev.gale.connectors.declarative.auth;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.requester.RequestOption;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;

/**
 * A token put where the API wants it: a header (the older {@code header} field), or any {@link RequestOption}
 * ({@code inject_into}: query parameter, header, body).
 */
public record ApiKeyAuthenticator(RequestOption option, TokenSource token) implements Authenticator {
  public ApiKeyAuthenticator {
    requireNonNull(option, "option is null");
    requireNonNull(token, "token is null");
  }

  // The token is a secret wherever it shows, even when the spec does not mark the property it comes from.
  @Override
  public RequestParts parts(Run run) throws InterruptedException {
    String value = token.token(run);
    run.secrets().add(value);
    return option.parts(value, run);
  }

  @Override
  public void invalidate(Run run) {
    token.invalidate(run);
  }
}
