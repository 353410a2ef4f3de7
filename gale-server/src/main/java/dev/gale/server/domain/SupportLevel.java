package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who supports a connector version. */
public enum SupportLevel {
  @JsonProperty("community") COMMUNITY,
  @JsonProperty("certified") CERTIFIED,
  @JsonProperty("archived") ARCHIVED,
  @JsonProperty("none") NONE
}
