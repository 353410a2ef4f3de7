package dev.gale.server.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks compact JWTs with HS256 only. The header is never trusted to choose the algorithm: a token must
 * say {@code HS256} and carry the signature this key makes, so {@code alg: none} and algorithm swaps fail.
 */
public final class JwtCodec {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(UTF_8));
  private static final int MAX_TOKEN_CHARS = 4096;

  private final SecretKeySpec key;
  private final String issuer;
  private final Clock clock;

  public JwtCodec(byte[] key, String issuer, Clock clock) {
    requireNonNull(key, "key is null");
    if (key.length < 32) {
      throw new IllegalArgumentException("an HS256 key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.issuer = requireNonNull(issuer, "issuer is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public String sign(TokenClaims claims) {
    requireNonNull(claims, "claims is null");
    ObjectNode payload = Json.mapper().createObjectNode()
        .put("iss", claims.issuer())
        .put("sub", claims.subject())
        .put("iat", claims.issuedAt().getEpochSecond())
        .put("exp", claims.expiresAt().getEpochSecond())
        .put("jti", claims.tokenId());
    String signingInput = HEADER + "." + ENCODER.encodeToString(Json.write(payload).getBytes(UTF_8));
    return signingInput + "." + ENCODER.encodeToString(mac(signingInput));
  }

  /** The claims of a token this codec signed that has not expired; anything else throws {@link InvalidTokenException}. */
  public TokenClaims verify(String token) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      throw new InvalidTokenException("Malformed token");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("Malformed token");
    }
    // The signature first: nothing of an unsigned token is parsed beyond splitting it.
    byte[] expected = mac(parts[0] + "." + parts[1]);
    if (!MessageDigest.isEqual(expected, decode(parts[2]))) {
      throw new InvalidTokenException("Bad token signature");
    }
    JsonNode header = parse(parts[0]);
    if (!"HS256".equals(header.path("alg").asText())) {
      throw new InvalidTokenException("Unsupported token algorithm");
    }
    JsonNode payload = parse(parts[1]);
    if (!issuer.equals(payload.path("iss").asText()) || !payload.path("sub").isTextual()
        || !payload.path("exp").canConvertToLong() || !payload.path("iat").canConvertToLong()) {
      throw new InvalidTokenException("Token claims missing or foreign");
    }
    TokenClaims claims = new TokenClaims(payload.path("iss").asText(), payload.path("sub").asText(),
        Instant.ofEpochSecond(payload.path("iat").asLong()), Instant.ofEpochSecond(payload.path("exp").asLong()),
        payload.path("jti").asText(""));
    if (!clock.instant().isBefore(claims.expiresAt())) {
      throw new InvalidTokenException("Token expired");
    }
    return claims;
  }

  private byte[] mac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(signingInput.getBytes(UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static byte[] decode(String part) {
    try {
      return DECODER.decode(part);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("Malformed token");
    }
  }

  private static JsonNode parse(String part) {
    try {
      JsonNode node = Json.mapper().readTree(decode(part));
      if (node == null || !node.isObject()) {
        throw new InvalidTokenException("Malformed token");
      }
      return node;
    } catch (java.io.IOException e) {
      throw new InvalidTokenException("Malformed token");
    }
  }
}
