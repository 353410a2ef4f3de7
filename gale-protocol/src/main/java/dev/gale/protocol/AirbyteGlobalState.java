package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A state shared by all streams (a log position, say) with each stream's own part. */
public record AirbyteGlobalState(@JsonProperty("shared_state") JsonNode sharedState,
                                 @JsonProperty(value = "stream_states", required = true) List<AirbyteStreamState> streamStates) {
  public AirbyteGlobalState {
    streamStates = List.copyOf(requireNonNull(streamStates, "streamStates is null"));
  }
}
