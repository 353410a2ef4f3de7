package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a connection does when a discover finds a non-breaking schema change. */
public enum NonBreakingChangesPreference {
  @JsonProperty("ignore") IGNORE,
  @JsonProperty("disable") DISABLE,
  @JsonProperty("propagate_columns") PROPAGATE_COLUMNS,
  @JsonProperty("propagate_fully") PROPAGATE_FULLY
}
