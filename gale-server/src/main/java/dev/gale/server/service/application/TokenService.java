package dev.gale.server.service.application;

import static java.util.Objects.requireNonNull;

import dev.gale.server.auth.InvalidTokenException;
import dev.gale.server.auth.JwtCodec;
import dev.gale.server.auth.TokenClaims;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Trades an application's client credentials for a short-lived bearer token, and checks such tokens. */
public final class TokenService {
  public static final String ISSUER = "gale";
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  private final ApplicationService applications;
  private final JwtCodec codec;
  private final Duration ttl;
  private final Clock clock;

  /** An access token and how many seconds it lives. */
  public record IssuedToken(String token, long expiresInSeconds) {
    @Override
    public String toString() {
      return "IssuedToken[token=**********, expiresInSeconds=" + expiresInSeconds + "]";
    }
  }

  public TokenService(ApplicationService applications, JwtCodec codec, Duration ttl, Clock clock) {
    this.applications = requireNonNull(applications, "applications is null");
    this.codec = requireNonNull(codec, "codec is null");
    this.ttl = requireNonNull(ttl, "ttl is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** A token for these credentials; 401 for an unknown client or a wrong secret, without saying which. */
  public IssuedToken issue(String clientId, String clientSecret, String grantType) {
    if (grantType != null && !grantType.equals(CLIENT_CREDENTIALS)) {
      throw new BadRequestException("Unsupported grant type; use " + CLIENT_CREDENTIALS);
    }
    String subject = applications.authenticate(clientId, clientSecret)
        .orElseThrow(() -> new UnauthorizedException("Wrong client id or client secret"))
        .clientId();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String token = codec.sign(new TokenClaims(ISSUER, subject, now, now.plus(ttl), UUID.randomUUID().toString()));
    return new IssuedToken(token, ttl.toSeconds());
  }

  /** The client id a token was issued to, while it is valid and its application exists. */
  public Optional<String> verify(String token) {
    try {
      String clientId = codec.verify(token).subject();
      return applications.exists(clientId) ? Optional.of(clientId) : Optional.empty();
    } catch (InvalidTokenException e) {
      return Optional.empty();
    }
  }
}
