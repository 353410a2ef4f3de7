package dev.gale.connector;

import static java.util.Objects.requireNonNull;

/**
 * A problem with a connector's configuration, its data or the system it connects to, as opposed to a bug. The message
 * is shown to the user as is, so it names fields and never carries a secret value. A cause ends up in the server log:
 * attach one only when its own message carries no secret either.
 *
 * <p>The {@link Kind} tells the one who runs the sync whether trying again may help: a wrong password or a missing
 * table will not go away by itself ({@link Kind#CONFIG}), an overloaded or unreachable system may
 * ({@link Kind#TRANSIENT}). Any other exception a connector throws counts as a bug, which a retry may also get past;
 * its message stays internal. {@link Kind#SYSTEM} is such a failure whose message is nevertheless safe to show: an
 * external connector that reports its own internal error (a protocol {@code system_error} trace) says why itself.
 */
public class ConnectorException extends RuntimeException {
  private final Kind kind;

  /** A configuration problem ({@link Kind#CONFIG}). */
  public ConnectorException(String message) {
    this(Kind.CONFIG, message, null);
  }

  /** A configuration problem ({@link Kind#CONFIG}). */
  public ConnectorException(String message, Throwable cause) {
    this(Kind.CONFIG, message, cause);
  }

  public ConnectorException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = requireNonNull(kind, "kind is null");
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the user has to change something before the same work can succeed. */
  public enum Kind {
    /** The configuration or the data is wrong; retrying as is fails the same way. */
    CONFIG,
    /** The other system failed for now (unreachable, overloaded, rate limited); a later retry may succeed. */
    TRANSIENT,
    /**
     * The connector failed in itself (a bug, an unexpected answer) and says why in a message fit for the user; a
     * retry may get past it. Airbyte's {@code system_error}.
     */
    SYSTEM
  }
}
