package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * How a connection maps source streams to destination streams: Airbyte's namespace definition and prefix, and the
 * fields selected per stream.
 *
 * @param namespaceDefinition where destination streams live: the source's namespace, the destination's default, or
 *     a custom format
 * @param namespaceFormat for {@link NamespaceDefinition#CUSTOMFORMAT}: a text in which {@code ${SOURCE_NAMESPACE}}
 *     stands for the source stream's namespace
 * @param prefix put before every destination stream name; empty for none
 * @param selectedFields per source stream name (as {@code namespace.name} or {@code name}), the top-level fields to
 *     keep; a stream that is absent keeps all its fields
 */
public record StreamMapping(NamespaceDefinition namespaceDefinition, String namespaceFormat, String prefix,
                            Map<String, List<String>> selectedFields) {
  public StreamMapping {
    requireNonNull(namespaceDefinition, "namespaceDefinition is null");
    prefix = prefix == null ? "" : prefix;
    selectedFields = Map.copyOf(requireNonNull(selectedFields, "selectedFields is null"));
  }

  public static StreamMapping identity() {
    return new StreamMapping(NamespaceDefinition.SOURCE, null, "", Map.of());
  }

  public enum NamespaceDefinition { SOURCE, DESTINATION, CUSTOMFORMAT }
}
