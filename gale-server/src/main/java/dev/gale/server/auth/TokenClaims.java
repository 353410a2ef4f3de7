package dev.gale.server.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** What a Gale access token says: who issued it, for which application (client id), when, until when, its id. */
public record TokenClaims(String issuer, String subject, Instant issuedAt, Instant expiresAt, String tokenId) {
  public TokenClaims {
    requireNonNull(issuer, "issuer is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(issuedAt, "issuedAt is null");
    requireNonNull(expiresAt, "expiresAt is null");
    requireNonNull(tokenId, "tokenId is null");
  }
}
