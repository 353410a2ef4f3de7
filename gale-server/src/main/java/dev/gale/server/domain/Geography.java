package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a workspace's or connection's data is processed. */
public enum Geography {
  @JsonProperty("auto") AUTO,
  @JsonProperty("us") US,
  @JsonProperty("eu") EU
}
