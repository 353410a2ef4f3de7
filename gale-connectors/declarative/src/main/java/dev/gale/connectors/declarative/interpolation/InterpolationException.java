package dev.gale.connectors.declarative.interpolation;

/** A template that does not parse or cannot be evaluated. Its message names the template, never a context value. */
public final class InterpolationException extends RuntimeException {
  public InterpolationException(String message, Throwable cause) {
    super(message, cause);
  }

  public InterpolationException(String message) {
    super(message);
  }
}
