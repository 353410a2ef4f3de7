package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The state of one stream: where a later read resumes. */
public record AirbyteStreamState(@JsonProperty(value = "stream_descriptor", required = true) StreamDescriptor streamDescriptor,
                                 @JsonProperty("stream_state") JsonNode streamState) {
  public AirbyteStreamState {
    requireNonNull(streamDescriptor, "streamDescriptor is null");
  }
}
