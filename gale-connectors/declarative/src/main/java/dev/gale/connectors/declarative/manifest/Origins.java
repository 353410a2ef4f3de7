package dev.gale.connectors.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Where each object or list of a resolved manifest was written, by identity: the paths errors name. */
record Origins(Map<JsonNode, String> paths) {

  /** The origin of {@code node}, or {@code fallback} (its path in the resolved tree) when it has none. */
  String of(JsonNode node, String fallback) {
    String origin = paths.get(node);
    return origin == null ? fallback : origin;
  }
}
