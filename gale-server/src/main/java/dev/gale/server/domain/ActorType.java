package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an actor or a connector definition reads (source) or writes (destination). */
public enum ActorType {
  @JsonProperty("source") SOURCE,
  @JsonProperty("destination") DESTINATION
}
