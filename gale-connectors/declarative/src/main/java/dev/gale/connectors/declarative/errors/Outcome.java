package dev.gale.connectors.declarative.errors;

import dev.gale.connectors.declarative.runtime.HttpResult;
import java.io.IOException;

/** What a request ended with: a response (any status) or a transport failure. Exactly one is set. */
public record Outcome(HttpResult response, IOException failure) {
  public Outcome {
    if ((response == null) == (failure == null)) {
      throw new IllegalArgumentException("an outcome is a response or a failure");
    }
  }

  public static Outcome of(HttpResult response) {
    return new Outcome(response, null);
  }

  public static Outcome of(IOException failure) {
    return new Outcome(null, failure);
  }
}
