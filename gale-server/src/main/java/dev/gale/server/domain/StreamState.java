package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The saved state of one stream.
 *
 * @param state the connector's opaque state blob for the stream; nullable (Airbyte allows a stream without a blob)
 */
public record StreamState(StreamDescriptor stream, JsonNode state) {
  public StreamState {
    requireNonNull(stream, "stream is null");
  }
}
