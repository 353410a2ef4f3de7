package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A connector version's maturity as published in the registry. */
public enum ReleaseStage {
  @JsonProperty("alpha") ALPHA,
  @JsonProperty("beta") BETA,
  @JsonProperty("generally_available") GENERALLY_AVAILABLE,
  @JsonProperty("custom") CUSTOM
}
