package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Names one stream: its name and, when the source has namespaces, its namespace. */
public record StreamDescriptor(@JsonProperty(value = "name", required = true) String name,
                               @JsonProperty("namespace") String namespace) {
  public StreamDescriptor {
    requireNonNull(name, "name is null");
  }

  public static StreamDescriptor of(String name) {
    return new StreamDescriptor(name, null);
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "." + name;
  }
}
