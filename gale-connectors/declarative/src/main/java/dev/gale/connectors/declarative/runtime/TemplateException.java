package dev.gale.connectors.declarative.runtime;

import dev.gale.connector.ConnectorException;

/**
 * A template of the manifest that failed while reading. Its message names the template (manifest text, no secret) and
 * the cause as the interpolation reported it, which names no context value either.
 */
public final class TemplateException extends ConnectorException {
  public TemplateException(String template, RuntimeException cause) {
    super(Kind.CONFIG, "the template " + template + " failed: " + cause.getMessage(), null);
  }
}
