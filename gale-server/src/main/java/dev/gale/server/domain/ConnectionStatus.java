package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Active connections sync; inactive ones are paused; deprecated ones are deleted and cannot be re-activated. */
public enum ConnectionStatus {
  @JsonProperty("active") ACTIVE,
  @JsonProperty("inactive") INACTIVE,
  @JsonProperty("deprecated") DEPRECATED
}
