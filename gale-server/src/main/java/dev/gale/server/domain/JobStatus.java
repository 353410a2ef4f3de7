package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A job's lifecycle. {@code INCOMPLETE} means an attempt failed and another one may follow. */
public enum JobStatus {
  @JsonProperty("pending") PENDING,
  @JsonProperty("running") RUNNING,
  @JsonProperty("incomplete") INCOMPLETE,
  @JsonProperty("failed") FAILED,
  @JsonProperty("succeeded") SUCCEEDED,
  @JsonProperty("cancelled") CANCELLED;

  /** A terminal job never changes status again and gets no new attempts. */
  public boolean isTerminal() {
    return this == FAILED || this == SUCCEEDED || this == CANCELLED;
  }
}
