package dev.gale.server.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtCodecTest {
  private static final byte[] KEY = filled(32, (byte) 7);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final ManualClock clock = new ManualClock(NOW);
  private final JwtCodec codec = new JwtCodec(KEY, "gale", clock);

  @Test
  void signedClaimsVerifyBack() {
    TokenClaims claims = claims(NOW.plusSeconds(900));

    assertThat(codec.verify(codec.sign(claims))).isEqualTo(claims);
  }

  @Test
  void expiredTokenIsRefusedFromItsExpiryOn() {
    String token = codec.sign(claims(NOW.plusSeconds(60)));
    clock.advance(Duration.ofSeconds(59));
    assertThat(codec.verify(token).subject()).isEqualTo("client");

    clock.advance(Duration.ofSeconds(1));
    assertRefused(token, "Token expired");
  }

  @Test
  void tamperedPayloadIsRefused() {
    String[] parts = codec.sign(claims(NOW.plusSeconds(900))).split("\\.");
    String forged = B64.encodeToString("{\"iss\":\"gale\",\"sub\":\"someone-else\",\"iat\":0,\"exp\":9999999999,\"jti\":\"x\"}"
        .getBytes(UTF_8));

    assertRefused(parts[0] + "." + forged + "." + parts[2], "Bad token signature");
  }

  @Test
  void signatureOfAnotherKeyIsRefused() {
    String foreign = new JwtCodec(filled(32, (byte) 8), "gale", clock).sign(claims(NOW.plusSeconds(900)));

    assertRefused(foreign, "Bad token signature");
  }

  @Test
  void unsignedAlgNoneTokenIsRefused() {
    String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(UTF_8));
    String payload = codec.sign(claims(NOW.plusSeconds(900))).split("\\.")[1];

    // Not a signed token at all, so not one of ours.
    assertRefused(header + "." + payload + ".", "Malformed token");
  }

  @Test
  void otherAlgorithmIsRefusedEvenWithOurSignature() throws Exception {
    // Correctly signed with our key, but with another algorithm: only HS256 is ever accepted.
    String header = B64.encodeToString("{\"alg\":\"HS512\"}".getBytes(UTF_8));
    String payload = codec.sign(claims(NOW.plusSeconds(900))).split("\\.")[1];
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(KEY, "HmacSHA512"));
    String signature = B64.encodeToString(mac.doFinal((header + "." + payload).getBytes(UTF_8)));

    assertRefused(header + "." + payload + "." + signature, "Unsupported token algorithm");
  }

  @Test
  void malformedTokensAreRefused() {
    for (String token : new String[] {null, "", "abc", "a.b", "a.b.c.d", "!!.??.**", "a".repeat(5000)}) {
      assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(InvalidTokenException.class);
    }
    String header = B64.encodeToString("{\"alg\":\"HS256\"}".getBytes(UTF_8));
    String notJson = B64.encodeToString("not json".getBytes(UTF_8));
    assertThatThrownBy(() -> codec.verify(header + "." + notJson + "." + B64.encodeToString(new byte[32])))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void tokenOfAnotherIssuerIsRefused() {
    String token = new JwtCodec(KEY, "elsewhere", clock).sign(new TokenClaims("elsewhere", "client", NOW,
        NOW.plusSeconds(900), "id"));

    assertRefused(token, "Token claims missing or foreign");
  }

  @Test
  void ourSignatureOverIncompleteClaimsIsRefused() throws Exception {
    String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(UTF_8));
    for (String claims : new String[] {"{\"iss\":\"gale\",\"iat\":0,\"exp\":9999999999}",
        "{\"iss\":\"gale\",\"sub\":\"client\",\"iat\":0}", "{\"sub\":\"client\",\"iat\":0,\"exp\":9999999999}"}) {
      String payload = B64.encodeToString(claims.getBytes(UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      String signature = B64.encodeToString(mac.doFinal((header + "." + payload).getBytes(UTF_8)));

      assertRefused(header + "." + payload + "." + signature, "Token claims missing or foreign");
    }
  }

  @Test
  void shortKeysAreRejected() {
    assertThatThrownBy(() -> new JwtCodec(new byte[16], "gale", clock)).isInstanceOf(IllegalArgumentException.class);
  }

  private void assertRefused(String token, String message) {
    assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessage(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
  }

  private static TokenClaims claims(Instant expiry) {
    return new TokenClaims("gale", "client", NOW, expiry, "token-1");
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
