package dev.gale.connectors.declarative.manifest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a JSON tree from YAML as PyYAML loads it: an alias ({@code *name}) is a copy of its anchored value
 * ({@code &name}) and a merge key ({@code <<: *name}) lays the anchored object under the one holding it. Jackson's own
 * tree reading would give an alias as the anchor's name. Scalars keep Jackson's types; unquoted dates stay text.
 */
public final class YamlTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE = "<<";

  private final YAMLParser parser;
  private final Map<String, JsonNode> anchors = new HashMap<>();

  private YamlTrees(YAMLParser parser) {
    this.parser = parser;
  }

  /** The document {@code parser} stands before, or null for an empty one. */
  public static JsonNode read(YAMLParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    return first == null ? null : new YamlTrees(parser).value();
  }

  private JsonNode value() throws IOException {
    String anchor = parser.getObjectId() instanceof String name ? name : null;
    JsonToken token = parser.currentToken();
    JsonNode node = switch (token) {
      case START_OBJECT -> object();
      case START_ARRAY -> array();
      case VALUE_STRING -> parser.isCurrentAlias() ? alias(parser.getText()) : NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue()).canConvertToLong()
          ? NODES.numberNode(parser.getLongValue()) : NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IOException("unexpected YAML token " + token);
    };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private JsonNode alias(String name) throws IOException {
    JsonNode anchored = anchors.get(name);
    if (anchored == null) {
      throw new IOException("the alias *" + name + " names no anchor before it");
    }
    return anchored.deepCopy();
  }

  private ObjectNode object() throws IOException {
    ObjectNode object = NODES.objectNode();
    ObjectNode merged = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      JsonNode value = value();
      if (name.equals(MERGE)) {
        // Earlier merged objects win over later ones, and the object's own keys over all of them.
        for (JsonNode source : value.isArray() ? value : NODES.arrayNode().add(value)) {
          if (!source.isObject()) {
            throw new IOException("a merge key (<<) must name an object or a list of objects");
          }
          source.properties().forEach(entry -> merged.putIfAbsent(entry.getKey(), entry.getValue().deepCopy()));
        }
      } else {
        object.set(name, value);
      }
    }
    merged.properties().forEach(entry -> object.putIfAbsent(entry.getKey(), entry.getValue()));
    return object;
  }

  private ArrayNode array() throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value());
    }
    return array;
  }
}
