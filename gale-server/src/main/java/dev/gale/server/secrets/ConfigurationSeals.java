package dev.gale.server.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.store.ConfigurationSeal;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals actor configurations with HMAC-SHA256 under a key derived from the secret key, so only a holder of the
 * secret key (a Gale process) can make a row the store accepts. The sealed text binds the configuration to its
 * actor: an envelope or a whole configuration copied from one row to another fails too.
 */
public final class ConfigurationSeals {
  private static final String ALGORITHM = "HmacSHA256";
  private static final String VERSION = "gale actor seal v1";

  private ConfigurationSeals() {}

  public static ConfigurationSeal of(SecretCipher cipher) {
    requireNonNull(cipher, "cipher is null");
    SecretKeySpec key = new SecretKeySpec(cipher.deriveKey("stored configuration seal"), ALGORITHM);
    return actor -> {
      try {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(key);
        return Base64.getEncoder().encodeToString(mac.doFinal(sealedText(actor).getBytes(UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
      }
    };
  }

  // Json.write is stable across a store round trip: the store keeps the text, and parsing keeps property order.
  private static String sealedText(Actor actor) {
    return String.join("\n", VERSION, actor.id().toString(), actor.workspaceId().toString(),
        actor.actorDefinitionId().toString(), actor.actorType().name(), Json.write(actor.configuration()));
  }
}
