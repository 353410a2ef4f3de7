package dev.gale.server.service.definition;

/**
 * No connector runs a definition: its image is none this Gale ships, or its stored manifest does not load. The
 * message says which and why, for the user; it holds no configuration value.
 */
public final class UnrunnableDefinitionException extends IllegalStateException {
  public UnrunnableDefinitionException(String message) {
    super(message);
  }
}
