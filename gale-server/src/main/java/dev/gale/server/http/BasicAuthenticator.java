package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** HTTP Basic auth against one configured user, as Airbyte's OSS deployment does. */
public final class BasicAuthenticator implements Authenticator {
  private final String username;
  private final byte[] password;

  public BasicAuthenticator(String username, String password) {
    this.username = requireNonNull(username, "username is null");
    this.password = requireNonNull(password, "password is null").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Optional<Principal> authenticate(RequestHeaders headers) {
    String authorization = headers.first("Authorization").orElse(null);
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new UnauthorizedException("Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    byte[] given = (colon < 0 ? "" : decoded.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
    // Constant-time comparisons: the answer's timing must not tell how much of the password was right.
    boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), username.getBytes(StandardCharsets.UTF_8));
    boolean passwordMatches = MessageDigest.isEqual(given, password);
    if (!(userMatches && passwordMatches)) {
      throw new UnauthorizedException("Wrong user name or password");
    }
    return Optional.of(new Principal(user));
  }

  @Override
  public String challenge() {
    return "Basic realm=\"Gale\", charset=\"UTF-8\"";
  }
}
