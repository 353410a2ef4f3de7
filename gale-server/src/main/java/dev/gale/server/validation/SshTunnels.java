package dev.gale.server.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.InvalidInputException.ValidationError;
import java.util.List;

/**
 * The one rule about SSH tunnels: Airbyte's database connectors take a {@code tunnel_method} object whose
 * {@code tunnel_method} is {@code NO_TUNNEL}, {@code SSH_KEY_AUTH} (with {@code ssh_key}) or {@code SSH_PASSWORD_AUTH}
 * (with {@code tunnel_user_password}), and no connector of this Gale can open a tunnel yet. A configuration asking for
 * one is refused rather than stored and then run connecting directly, which would let a check "succeed" against
 * something else than the database behind the tunnel. When a connector learns to open tunnels, this rule is where it
 * is told apart.
 */
public final class SshTunnels {
  /** The property Airbyte's connectors configure a tunnel with, and the selector inside it. */
  public static final String TUNNEL_METHOD = "tunnel_method";
  /** The only tunnel method Gale accepts: no tunnel at all. */
  public static final String NO_TUNNEL = "NO_TUNNEL";

  private SshTunnels() {}

  /**
   * Throws when {@code config} asks for a tunnel: it has a non-null {@code tunnel_method} that is not an object whose
   * {@code tunnel_method} is {@code NO_TUNNEL}.
   *
   * @param property where the request carries the configuration, for the error's path
   * @throws InvalidInputException (422) naming {@code <property>.tunnel_method}; it shows no value, since the tunnel's
   *     settings hold its password or private key
   */
  public static void requireNoTunnel(JsonNode config, String property) {
    JsonNode tunnel = config == null ? null : config.get(TUNNEL_METHOD);
    if (tunnel == null || tunnel.isNull()) {
      return;
    }
    JsonNode method = tunnel.get(TUNNEL_METHOD);
    if (tunnel.isObject() && method != null && method.isTextual() && NO_TUNNEL.equals(method.textValue())) {
      return;
    }
    String path = property + "." + TUNNEL_METHOD;
    String message = "Gale cannot open SSH tunnels yet; connect to the host directly with "
        + "{\"tunnel_method\": \"NO_TUNNEL\"} (or leave tunnel_method out)";
    // The path leads the message too: the Public API's problem details show only the message.
    throw new InvalidInputException(path + ": " + message, List.of(new ValidationError(path, null, message)));
  }
}
