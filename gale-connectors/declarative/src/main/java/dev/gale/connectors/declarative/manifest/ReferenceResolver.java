package dev.gale.connectors.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.ManifestException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Replaces references by what they point to, as Airbyte's CDK does before anything else: an object with a
 * {@code $ref} key becomes the referenced object with the object's own fields laid over it, and any string starting
 * with {@code #/} anywhere becomes the value it points to. Pointers are read the CDK's way: a key may itself contain
 * {@code /}, so the longest key that exists wins, and numbers index lists.
 *
 * <p>Every reference is evaluated afresh, so two references to one definition give two independent trees (later
 * steps write {@code $parameters} into them). The resolver remembers for each object where its author wrote it,
 * which is what error messages name.
 */
final class ReferenceResolver {
  private static final String REF = "$ref";
  // Connector config copied verbatim by the CDK: its values may look like pointers without being ones.
  private static final String CONFIG_OVERRIDES = "config_overrides";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode manifest;
  private final Map<JsonNode, String> origins = new IdentityHashMap<>();
  private final Deque<String> resolving = new ArrayDeque<>();

  private ReferenceResolver(ObjectNode manifest) {
    this.manifest = manifest;
  }

  /** The manifest with every reference replaced, and the origin of each of its objects and lists. */
  static Resolved resolve(ObjectNode manifest) {
    ReferenceResolver resolver = new ReferenceResolver(manifest);
    JsonNode root = resolver.evaluate(manifest, "");
    return new Resolved((ObjectNode) root, resolver.origins);
  }

  record Resolved(ObjectNode root, Map<JsonNode, String> origins) {}

  private JsonNode evaluate(JsonNode node, String path) {
    if (node.isObject()) {
      return evaluateObject((ObjectNode) node, path);
    }
    if (node.isArray()) {
      ArrayNode list = NODES.arrayNode(node.size());
      for (int i = 0; i < node.size(); i++) {
        list.add(evaluate(node.get(i), Paths.index(path, i)));
      }
      origins.put(list, path);
      return list;
    }
    if (node.isTextual() && node.textValue().startsWith("#/")) {
      return dereference(node.textValue(), path);
    }
    if (node.isTextual() && node.textValue().startsWith("*ref(")) {
      throw new ManifestException(path, "the legacy reference form " + node.textValue() + " is not supported (Airbyte's"
          + " CDK dropped it too); write $ref: \"#/...\" instead");
    }
    return node;
  }

  private JsonNode evaluateObject(ObjectNode node, String path) {
    ObjectNode own = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals(REF)) {
        continue;
      }
      String fieldPath = Paths.field(path, field.getKey());
      own.set(field.getKey(), field.getKey().equals(CONFIG_OVERRIDES) ? field.getValue().deepCopy()
          : evaluate(field.getValue(), fieldPath));
    }
    if (!node.has(REF)) {
      origins.put(own, path);
      return own;
    }
    JsonNode target = evaluate(node.get(REF), Paths.field(path, REF));
    if (!target.isObject()) {
      return target;
    }
    ObjectNode merged = (ObjectNode) target;
    // The referencing object's own fields win; where it adds nothing, errors are best shown at the definition.
    merged.setAll(own);
    if (!own.isEmpty()) {
      origins.put(merged, path);
    }
    return merged;
  }

  private JsonNode dereference(String reference, String path) {
    if (resolving.contains(reference)) {
      throw new ManifestException(path, "circular reference " + reference + " (through " + String.join(" -> ",
          resolving.reversed()) + ")");
    }
    JsonNode target = lookUp(reference.substring(2));
    if (target == null) {
      throw new ManifestException(path, "reference " + reference + " points to nothing in the manifest");
    }
    resolving.push(reference);
    try {
      return evaluate(target, reference.substring(2).replace('/', '.'));
    } finally {
      resolving.pop();
    }
  }

  // Tries the whole rest of the pointer as one key first, then descends by its first segment.
  private JsonNode lookUp(String pointer) {
    JsonNode node = manifest;
    String rest = pointer;
    while (!rest.isEmpty()) {
      if (node.isObject() && node.has(rest)) {
        return node.get(rest);
      }
      int slash = rest.indexOf('/');
      String head = slash < 0 ? rest : rest.substring(0, slash);
      rest = slash < 0 ? "" : rest.substring(slash + 1);
      node = step(node, head);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static JsonNode step(JsonNode node, String segment) {
    if (node.isObject()) {
      return node.get(segment);
    }
    if (node.isArray() && segment.matches("\\d+")) {
      int index = Integer.parseInt(segment);
      return index < node.size() ? node.get(index) : null;
    }
    return null;
  }
}
