package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** The streams a sync moves, each configured. */
public record ConfiguredAirbyteCatalog(@JsonProperty(value = "streams", required = true) List<ConfiguredAirbyteStream> streams) {
  public ConfiguredAirbyteCatalog {
    streams = List.copyOf(requireNonNull(streams, "streams is null"));
  }

  public Optional<ConfiguredAirbyteStream> find(StreamDescriptor descriptor) {
    return streams.stream().filter(s -> s.descriptor().equals(descriptor)).findFirst();
  }
}
