package dev.gale.engine;

import dev.gale.connector.ConnectorException;
import dev.gale.engine.Failure.Origin;
import dev.gale.engine.Failure.Type;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns what went wrong into Airbyte's failure reasons. The origin is where it happened; the type comes from the
 * exception: a {@link ConnectorException} (anywhere in the causes, since connectors wrap) is the user's to fix
 * ({@code CONFIG_ERROR}, not retryable), a passing trouble ({@code TRANSIENT_ERROR}, retryable) or the connector's own
 * failure it explains itself ({@code SYSTEM_ERROR}, retryable), and its message is shown to the user; anything else is a bug or an outage ({@code SYSTEM_ERROR}, retryable) and the user sees a
 * general message, since only connector exceptions promise messages without secrets.
 */
final class Failures {
  private Failures() {}

  static Failure of(Origin origin, Throwable error) {
    String internal = String.valueOf(error);
    String stacktrace = stacktrace(error);
    ConnectorException connector = connectorCause(error);
    if (connector != null && connector.getMessage() != null) {
      Type type = switch (connector.kind()) {
        case CONFIG -> Type.CONFIG_ERROR;
        case TRANSIENT -> Type.TRANSIENT_ERROR;
        case SYSTEM -> Type.SYSTEM_ERROR;
      };
      return new Failure(origin, type, connector.getMessage(), internal, stacktrace, type != Type.CONFIG_ERROR);
    }
    return new Failure(origin, Type.SYSTEM_ERROR, generalMessage(origin), internal, stacktrace, true);
  }

  static Failure cancelled() {
    return new Failure(Origin.AIRBYTE_PLATFORM, Type.MANUAL_CANCELLATION, "The sync was cancelled.", null, null,
        false);
  }

  /** A sync that stopped early on request, at a committed state: the next attempt goes on from there. */
  static Failure stopped() {
    return new Failure(Origin.REPLICATION, Type.TRANSIENT_ERROR,
        "The sync was stopped at its last committed state before it finished.", null, null, true);
  }

  private static String generalMessage(Origin origin) {
    return switch (origin) {
      case SOURCE -> "Something went wrong in the source connector.";
      case DESTINATION -> "Something went wrong in the destination connector.";
      case PERSISTENCE -> "The sync's state could not be saved.";
      default -> "Something went wrong while moving the data.";
    };
  }

  private static ConnectorException connectorCause(Throwable error) {
    // Bounded: a cause chain may loop.
    Throwable cause = error;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause instanceof ConnectorException connector) {
        return connector;
      }
    }
    return null;
  }

  private static String stacktrace(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
