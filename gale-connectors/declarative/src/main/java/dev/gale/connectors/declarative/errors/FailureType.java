package dev.gale.connectors.declarative.errors;

import dev.gale.connector.ConnectorException;
import java.util.Locale;

/** Whose fault a failure is, as Airbyte's {@code FailureType}. */
public enum FailureType {
  SYSTEM_ERROR, CONFIG_ERROR, TRANSIENT_ERROR;

  public static FailureType of(String manifestValue) {
    return valueOf(manifestValue.toUpperCase(Locale.ROOT));
  }

  /** Whether a later retry may help: only for transient failures. */
  public ConnectorException.Kind kind() {
    return this == TRANSIENT_ERROR ? ConnectorException.Kind.TRANSIENT : ConnectorException.Kind.CONFIG;
  }
}
