package dev.gale.connectors.declarative.auth;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One of several authenticators, chosen by a value of the config (the {@code auth_type} of a one-of in the spec).
 * The choice is made per request from the run's config, since one source serves many configurations.
 */
public record SelectiveAuthenticator(List<String> selectionPath, Map<String, Authenticator> authenticators)
    implements Authenticator {

  public SelectiveAuthenticator {
    selectionPath = List.copyOf(selectionPath);
    authenticators = Map.copyOf(authenticators);
  }

  @Override
  public RequestParts parts(Run run) throws InterruptedException {
    return selected(run).parts(run);
  }

  @Override
  public void invalidate(Run run) {
    selected(run).invalidate(run);
  }

  private Authenticator selected(Run run) {
    Object value = run.config();
    for (String key : selectionPath) {
      value = value instanceof Map<?, ?> map ? map.get(key) : null;
    }
    if (value == null) {
      throw new ConnectorException("The configuration has no value at " + String.join(".", selectionPath)
          + ", which chooses the authentication method");
    }
    String key = Values.pythonString(value);
    Authenticator chosen = authenticators.get(key);
    if (chosen == null) {
      throw new ConnectorException(run.secrets().mask("The authentication method '" + key + "' chosen at "
          + String.join(".", selectionPath) + " is not one of " + new TreeSet<>(authenticators.keySet())));
    }
    return chosen;
  }
}
