package dev.gale.server.auth;

/** A token that is malformed, badly signed, expired or for an unknown application. The message never quotes it. */
public final class InvalidTokenException extends RuntimeException {
  public InvalidTokenException(String message) {
    super(message, null, false, false);
  }
}
