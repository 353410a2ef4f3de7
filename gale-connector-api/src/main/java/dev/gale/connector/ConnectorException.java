package dev.gale.connector;

/**
 * A problem with a connector's configuration or with the system it connects to that the user can fix. The message is
 * shown to the user as is, so it names fields and never carries a secret value. A cause ends up in the server log:
 * attach one only when its own message carries no secret either.
 */
public class ConnectorException extends RuntimeException {
  public ConnectorException(String message) {
    super(message);
  }

  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
