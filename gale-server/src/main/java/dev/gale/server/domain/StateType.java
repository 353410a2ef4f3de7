package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The shape of a connection's saved state. {@code NOT_SET} exists only on the wire (a connection without state);
 * the store says "no state" with an empty {@code Optional} instead.
 */
public enum StateType {
  @JsonProperty("global") GLOBAL,
  @JsonProperty("stream") STREAM,
  @JsonProperty("legacy") LEGACY,
  @JsonProperty("not_set") NOT_SET
}
