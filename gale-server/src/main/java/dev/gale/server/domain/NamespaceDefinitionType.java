package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a connection computes the namespace that records land in at the destination. */
public enum NamespaceDefinitionType {
  @JsonProperty("source") SOURCE,
  @JsonProperty("destination") DESTINATION,
  @JsonProperty("customformat") CUSTOMFORMAT
}
