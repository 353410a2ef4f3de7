package dev.gale.server.secrets;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gale.protocol.Json;
import dev.gale.server.http.InvalidInputException;
import java.util.List;

/**
 * The three forms of a connector configuration and the moves between them, driven by the secrets its connection
 * specification declares and the undeclared properties whose names look secret ({@link SecretPaths}):
 * <ul>
 *   <li><b>plain</b>, as a client sends it and a connector uses it;</li>
 *   <li><b>stored</b>, each secret value replaced by an encrypted envelope ({@link SecretCipher});</li>
 *   <li><b>masked</b>, each secret value replaced by {@link SecretPaths#MASK}: the only form that leaves the
 *       server.</li>
 * </ul>
 * An envelope holds the secret's JSON text, so a secret keeps its JSON type through storage. Thread-safe.
 */
public final class ConfigSecrets {
  /** The property under which the Config API carries a configuration; prefixes the paths of input errors. */
  public static final String CONNECTION_CONFIGURATION = "connectionConfiguration";

  private final SecretCipher cipher;

  public ConfigSecrets(SecretCipher cipher) {
    this.cipher = requireNonNull(cipher, "cipher is null");
  }

  /**
   * The stored form of a configuration a client sent. A secret that arrives masked keeps the value stored at the
   * same path of {@code previousStoredConfig}, which is how a client updates a configuration it only ever saw
   * masked; every other secret value is encrypted. Values arrive plain: an envelope sent by a client is just text.
   *
   * @param previousStoredConfig the stored form being updated, or {@code null} when creating
   * @throws InvalidInputException when a secret arrives masked but nothing is stored for it
   */
  public JsonNode protectForStorage(JsonNode connectionSpecification, JsonNode config, JsonNode previousStoredConfig) {
    return protectForStorage(connectionSpecification, config, previousStoredConfig, CONNECTION_CONFIGURATION);
  }

  /**
   * As {@link #protectForStorage(JsonNode, JsonNode, JsonNode)}, for a configuration the request carries under
   * {@code property} (a builder project's {@code testingValues}).
   */
  public JsonNode protectForStorage(JsonNode connectionSpecification, JsonNode config, JsonNode previousStoredConfig,
                                    String property) {
    requireNonNull(config, "config is null");
    return SecretPaths.of(connectionSpecification).replaceSecrets(config, (path, value) -> {
      if (!isMask(value)) {
        return TextNode.valueOf(cipher.encrypt(Json.write(value)));
      }
      JsonNode previous = previousStoredConfig == null ? null : valueAt(previousStoredConfig, path);
      if (previous == null || previous.isNull()) {
        throw new InvalidInputException(property + PropertyPaths.render(path), null,
            "The secret arrived masked, but no value is stored for it; send the value itself.");
      }
      // A value stored before the property became secret is plain; encrypt it now rather than keep it plain.
      return previous.isTextual() && SecretCipher.isEnvelope(previous.textValue())
          ? previous : TextNode.valueOf(cipher.encrypt(Json.write(previous)));
    });
  }

  /**
   * The plain form of a stored configuration, for a connector to use; never for a response. A secret stored plain
   * (before its property was declared secret) is returned as it is.
   *
   * @throws SecretEnvelopeException when a stored secret cannot be decrypted; the message names its path
   */
  public JsonNode reveal(JsonNode connectionSpecification, JsonNode storedConfig) {
    requireNonNull(storedConfig, "storedConfig is null");
    return SecretPaths.of(connectionSpecification).replaceSecrets(storedConfig, (path, value) -> {
      if (!value.isTextual() || !SecretCipher.isEnvelope(value.textValue())) {
        return value;
      }
      try {
        return Json.parse(cipher.decrypt(value.textValue()));
      } catch (SecretEnvelopeException e) {
        throw new SecretEnvelopeException("secret $" + PropertyPaths.render(path) + ": " + e.getMessage());
      }
    });
  }

  /** The masked form of a stored or plain configuration: what every response and error may show. */
  public JsonNode mask(JsonNode connectionSpecification, JsonNode storedOrPlainConfig) {
    return SecretPaths.of(connectionSpecification).mask(storedOrPlainConfig);
  }

  private static boolean isMask(JsonNode value) {
    return value.isTextual() && SecretPaths.MASK.equals(value.textValue());
  }

  private static JsonNode valueAt(JsonNode config, List<Object> path) {
    JsonNode node = config;
    for (Object element : path) {
      node = element instanceof Integer index ? node.get(index) : node.get((String) element);
      if (node == null) {
        return null;
      }
    }
    return node;
  }
}
