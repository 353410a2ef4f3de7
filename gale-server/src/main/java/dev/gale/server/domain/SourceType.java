package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of system a source definition reads from. */
public enum SourceType {
  @JsonProperty("api") API,
  @JsonProperty("file") FILE,
  @JsonProperty("database") DATABASE,
  @JsonProperty("custom") CUSTOM
}
