package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An attempt's lifecycle. */
public enum AttemptStatus {
  @JsonProperty("running") RUNNING,
  @JsonProperty("failed") FAILED,
  @JsonProperty("succeeded") SUCCEEDED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
