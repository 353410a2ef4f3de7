package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a stream whose columns were changed by schema propagation is re-read from the start. */
public enum BackfillPreference {
  @JsonProperty("enabled") ENABLED,
  @JsonProperty("disabled") DISABLED
}
