package dev.gale.server.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Signs and checks Gale's access tokens: compact JWTs signed with HS256, on nimbus-jose-jwt (the JOSE library most
 * Java identity servers use, without dependencies of its own). The algorithm is pinned: a token must say
 * {@code HS256} and carry the signature this key makes, so {@code alg: none} and algorithm swaps fail; its claims
 * are read only once the signature holds. Thread-safe.
 */
public final class JwtCodec {
  private static final int MAX_TOKEN_CHARS = 4096;
  private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final String issuer;
  private final Clock clock;

  /** @param key at least 32 bytes, as HS256 requires */
  public JwtCodec(byte[] key, String issuer, Clock clock) {
    requireNonNull(key, "key is null");
    if (key.length < 32) {
      throw new IllegalArgumentException("an HS256 key needs at least 32 bytes");
    }
    try {
      this.signer = new MACSigner(key.clone());
      this.verifier = new MACVerifier(key.clone());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not an HS256 key: " + e.getMessage(), e);
    }
    this.issuer = requireNonNull(issuer, "issuer is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public String sign(TokenClaims claims) {
    requireNonNull(claims, "claims is null");
    SignedJWT jwt = new SignedJWT(HEADER, new JWTClaimsSet.Builder()
        .issuer(claims.issuer())
        .subject(claims.subject())
        .issueTime(Date.from(claims.issuedAt()))
        .expirationTime(Date.from(claims.expiresAt()))
        .jwtID(claims.tokenId())
        .build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return jwt.serialize();
  }

  /** The claims of a token this codec signed that has not expired; anything else throws {@link InvalidTokenException}. */
  public TokenClaims verify(String token) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      throw new InvalidTokenException("Malformed token");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException("Malformed token");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException("Unsupported token algorithm");
    }
    if (!verified(jwt)) {
      throw new InvalidTokenException("Bad token signature");
    }
    TokenClaims claims = claims(jwt);
    if (!clock.instant().isBefore(claims.expiresAt())) {
      throw new InvalidTokenException("Token expired");
    }
    return claims;
  }

  private boolean verified(SignedJWT jwt) {
    try {
      return jwt.verify(verifier);
    } catch (JOSEException e) {
      return false;
    }
  }

  private TokenClaims claims(SignedJWT jwt) {
    JWTClaimsSet set;
    try {
      set = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException("Malformed token");
    }
    if (!issuer.equals(set.getIssuer()) || set.getSubject() == null || set.getIssueTime() == null
        || set.getExpirationTime() == null) {
      throw new InvalidTokenException("Token claims missing or foreign");
    }
    return new TokenClaims(set.getIssuer(), set.getSubject(), set.getIssueTime().toInstant(),
        set.getExpirationTime().toInstant(), set.getJWTID() == null ? "" : set.getJWTID());
  }
}
