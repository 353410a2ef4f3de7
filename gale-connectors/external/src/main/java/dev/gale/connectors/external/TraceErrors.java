package dev.gale.connectors.external;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.ConnectorException.Kind;
import java.util.function.UnaryOperator;

/**
 * A TRACE error as the failure Gale reports: its {@code failure_type} becomes the exception's kind, which the engine
 * turns into the failure reason's {@code failureType} ({@code config_error} → CONFIG_ERROR, not retried;
 * {@code transient_error} → TRANSIENT_ERROR; {@code system_error}, or none, → SYSTEM_ERROR), and its message is the
 * reason shown to the user.
 */
final class TraceErrors {
  private TraceErrors() {}

  static Kind kind(String failureType) {
    if (failureType == null) {
      return Kind.SYSTEM;
    }
    return switch (failureType) {
      case "config_error" -> Kind.CONFIG;
      case "transient_error" -> Kind.TRANSIENT;
      default -> Kind.SYSTEM;
    };
  }

  static ConnectorException exception(ProtocolMessage.TraceError error, String display, UnaryOperator<String> mask) {
    String message = error.message() != null && !error.message().isBlank() ? error.message()
        : error.internalMessage() != null && !error.internalMessage().isBlank() ? error.internalMessage()
        : "The connector " + display + " reported a failure without a message";
    return new ConnectorException(kind(error.failureType()), mask.apply(message), null);
  }
}
