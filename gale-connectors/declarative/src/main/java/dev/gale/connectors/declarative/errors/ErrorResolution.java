package dev.gale.connectors.declarative.errors;

import static java.util.Objects.requireNonNull;

/** The verdict on one response or exception: the action, whose fault a failure is, and the message for the user. */
public record ErrorResolution(ResponseAction action, FailureType failureType, String message) {
  public static final ErrorResolution SUCCESS = new ErrorResolution(ResponseAction.SUCCESS, null, null);

  public ErrorResolution {
    requireNonNull(action, "action is null");
  }
}
