package dev.gale.connectors.declarative.errors;

/** What to do with a response, as Airbyte's {@code ResponseAction}. */
public enum ResponseAction {
  SUCCESS, FAIL, RETRY, IGNORE, RATE_LIMITED, REFRESH_TOKEN_THEN_RETRY;

  public boolean retries() {
    return this == RETRY || this == RATE_LIMITED || this == REFRESH_TOKEN_THEN_RETRY;
  }
}
