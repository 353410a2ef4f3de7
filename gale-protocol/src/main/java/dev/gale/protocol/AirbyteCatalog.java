package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** What a source can offer: the streams {@code discover} found. */
public record AirbyteCatalog(@JsonProperty(value = "streams", required = true) List<AirbyteStream> streams) {
  public AirbyteCatalog {
    streams = List.copyOf(requireNonNull(streams, "streams is null"));
  }

  public Optional<AirbyteStream> stream(StreamDescriptor descriptor) {
    return streams.stream().filter(stream -> stream.descriptor().equals(descriptor)).findFirst();
  }
}
