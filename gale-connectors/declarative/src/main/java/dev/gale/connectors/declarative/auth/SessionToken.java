package dev.gale.connectors.declarative.auth;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.extract.Dpath;
import dev.gale.connectors.declarative.incremental.IsoDuration;
import dev.gale.connectors.declarative.requester.HttpRequester;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A token obtained by logging in, as Airbyte's {@code SessionTokenAuthenticator} does: the login requester's response
 * holds it at {@code session_token_path}. With an {@code expiration_duration} it is kept until that has passed and
 * then obtained again. Without one it is never kept: the CDK's session token provider only remembers a token together
 * with an expiry time, so it logs in again whenever a request asks for the token. Gale logs in once for each request
 * it sends (each attempt, as the CDK re-applies its authenticator on a retry); the CDK may even log in more than once
 * per request (an API-key header authenticator asks for the token to learn the header's name, then again for its
 * value), which no API needs and Gale does not repeat.
 *
 * @param format how the session token goes into requests: {@code {{ session_token }}} unless the manifest says
 *     otherwise (an {@code ApiKey} request authentication with an {@code api_token})
 */
public record SessionToken(HttpRequester login, List<String> tokenPath, IsoDuration expiration, Template format)
    implements TokenSource {

  public SessionToken {
    requireNonNull(login, "login is null");
    tokenPath = List.copyOf(tokenPath);
  }

  @Override
  public String token(Run run) throws InterruptedException {
    Holder holder = run.memory(this, owner -> new Holder());
    String session;
    synchronized (holder) {
      if (expiration == null || holder.token == null || !run.clock().instant().isBefore(holder.expires)) {
        holder.token = login(run);
        holder.expires = expiration == null ? null : expiration.addTo(run.clock().instant().atOffset(
            ZoneOffset.UTC)).toInstant();
      }
      session = holder.token;
    }
    if (format == null) {
      return session;
    }
    String token = format.evalString(run, Map.of("session_token", session));
    run.secrets().add(token);
    return token;
  }

  @Override
  public void invalidate(Run run) {
    Holder holder = run.memory(this, owner -> new Holder());
    synchronized (holder) {
      holder.token = null;
    }
  }

  private String login(Run run) throws InterruptedException {
    Optional<HttpResult> response = login.send(run, new HttpRequester.Request(Map.of(), null, null));
    if (response.isEmpty()) {
      throw new ConnectorException("The login request to obtain a session token was ignored by its error handler");
    }
    Object token;
    try {
      token = Dpath.get(response.get().json(), tokenPath).orElse(null);
    } catch (IOException e) {
      throw new ConnectorException("The login response is not JSON, so it holds no session token");
    }
    if (token == null || token instanceof Map || token instanceof List) {
      throw new ConnectorException("The login response has no session token at " + String.join(".", tokenPath));
    }
    String session = Values.pythonString(token);
    run.secrets().add(session);
    // Reported once the token is a known secret, so that a test read shows the response masked.
    run.exchanges().auxiliary("Login request", response.get());
    return session;
  }

  private static final class Holder {
    private String token;
    private Instant expires;
  }
}
