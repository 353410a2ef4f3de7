package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an attempt's failure came from (Airbyte's {@code FailureOrigin}). */
public enum FailureOrigin {
  @JsonProperty("source") SOURCE,
  @JsonProperty("destination") DESTINATION,
  @JsonProperty("replication") REPLICATION,
  @JsonProperty("persistence") PERSISTENCE,
  @JsonProperty("normalization") NORMALIZATION,
  @JsonProperty("dbt") DBT,
  @JsonProperty("airbyte_platform") AIRBYTE_PLATFORM,
  @JsonProperty("unknown") UNKNOWN
}
