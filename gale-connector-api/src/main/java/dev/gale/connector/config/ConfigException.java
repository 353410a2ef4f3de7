package dev.gale.connector.config;

import dev.gale.connector.ConnectorException;
import java.util.List;

/** A configuration that does not match its declarations; one problem per property, none carrying a secret value. */
public final class ConfigException extends ConnectorException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("Invalid configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem starts with the dotted path of the property, for example {@code tunnel.port must be at least 1}. */
  public List<String> problems() {
    return problems;
  }
}
