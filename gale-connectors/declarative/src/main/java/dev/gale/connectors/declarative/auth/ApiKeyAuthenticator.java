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

  @Override
  public RequestParts parts(Run run) throws InterruptedException {
    return option.parts(token.token(run), run);
  }

  @Override
  public void invalidate(Run run) {
    token.invalidate(run);
  }
}
