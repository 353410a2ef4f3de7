package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

/**
 * Names a stream. A null namespace and an empty one are different streams, as in the Airbyte Protocol.
 *
 * @param namespace nullable
 */
public record StreamDescriptor(String name, String namespace) {
  public StreamDescriptor {
    requireNonNull(name, "name is null");
  }

  public static StreamDescriptor of(String name) {
    return new StreamDescriptor(name, null);
  }
}
