package dev.gale.server.secrets;

/**
 * A stored secret that cannot be decrypted: altered, truncated, or encrypted with a different key. The message says
 * which of these without quoting the envelope.
 */
public final class SecretEnvelopeException extends RuntimeException {
  public SecretEnvelopeException(String message) {
    super(message);
  }
}
