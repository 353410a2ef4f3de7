package dev.gale.connectors.declarative.auth;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** {@code Authorization: Basic base64(username:password)} (RFC 7617); the password may be empty. */
public record BasicHttpAuthenticator(Template username, Template password) implements Authenticator {
  public BasicHttpAuthenticator {
    requireNonNull(username, "username is null");
    requireNonNull(password, "password is null");
  }

  @Override
  public RequestParts parts(Run run) {
    String user = username.evalString(run, Map.of());
    String secret = password.evalString(run, Map.of());
    run.secrets().add(secret);
    run.secrets().addBasic(user, secret);
    RequestParts parts = new RequestParts();
    parts.headers().put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    return parts;
  }
}
