package dev.gale.connectors.declarative.factory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.declarative.stream.DeclarativeStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded manifest's runtime: its spec, the streams {@code check} reads, and its streams by name (in manifest order).
 * Immutable.
 *
 * @param connectionSpecification the spec's JSON Schema; do not modify (copy it to hand it out)
 * @param documentationUrl null when the manifest gives none
 * @param advancedAuth null when the manifest gives none
 */
public record SourceDefinition(JsonNode connectionSpecification, String documentationUrl, String changelogUrl,
                               JsonNode advancedAuth, List<String> checkStreams,
                               Map<String, DeclarativeStream> streams) {
  public SourceDefinition {
    checkStreams = List.copyOf(checkStreams);
    streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
  }
}
