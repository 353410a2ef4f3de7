package dev.gale.server.http;

/**
 * A failure the client caused or must know about. Each subclass maps to one HTTP status and one of Airbyte's
 * error bodies; anything else escaping a handler is a server fault and is answered without its details.
 */
public abstract class ApiException extends RuntimeException {
  protected ApiException(String message) {
    super(message, null, false, false);
  }

  public abstract int status();
}
