package dev.gale.server.secrets;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gale.protocol.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a connection specification declares secrets ({@code airbyte_secret: true}), and the operations that follow
 * from it on configurations. Secrets are found under {@code properties}, {@code additionalProperties},
 * {@code patternProperties}, {@code items}, the branches of {@code oneOf}/{@code anyOf}/{@code allOf},
 * {@code if}/{@code then}/{@code else}, {@code dependencies}, and local {@code $ref}s. The branches of a one-of
 * share one namespace: a property secret in any branch is treated as secret in all of them, which can only mask more.
 * Immutable.
 */
public final class SecretPaths {
  /** What a secret value is replaced with wherever a configuration leaves the server. */
  public static final String MASK = "**********";

  private static final List<String> BRANCH_KEYWORDS = List.of("oneOf", "anyOf", "allOf");
  private static final List<String> CONDITIONAL_KEYWORDS = List.of("if", "then", "else");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]+");

  private final Node root;

  private SecretPaths(Node root) {
    this.root = root;
  }

  /** The secret paths of {@code connectionSpecification}, a JSON Schema object. */
  public static SecretPaths of(JsonNode connectionSpecification) {
    requireNonNull(connectionSpecification, "connectionSpecification is null");
    Node root = new Node();
    collect(connectionSpecification, connectionSpecification, root, new HashSet<>());
    return new SecretPaths(root);
  }

  /**
   * JSONPath-like strings of the secret properties, such as {@code $.tunnel_method.tunnel_user_password} or
   * {@code $.keys[*].secret}.
   */
  public List<String> jsonPaths() {
    List<String> paths = new ArrayList<>();
    root.describe("$", paths);
    return paths;
  }

  public boolean isEmpty() {
    return !root.hasSecret();
  }

  /**
   * Whether the value at {@code path} in a configuration is secret or lies inside a secret.
   *
   * @param path property names ({@code String}) and array indices ({@code Integer}) from the configuration's root
   */
  public boolean isSecret(List<?> path) {
    Node node = root;
    for (Object element : path) {
      if (node.secret) {
        return true;
      }
      node = node.child(element);
      if (node == null) {
        return false;
      }
    }
    return node.secret;
  }

  /** A copy of {@code config} with every non-null secret value replaced by {@link #MASK}. */
  public JsonNode mask(JsonNode config) {
    return replaceSecrets(config, (path, value) -> TextNode.valueOf(MASK));
  }

  /** The values in {@code config} at secret paths, as text, for scrubbing them out of messages. */
  public List<String> secretValues(JsonNode config) {
    List<String> values = new ArrayList<>();
    replaceSecrets(config, (path, value) -> {
      values.add(value.isTextual() ? value.textValue() : Json.write(value));
      return value;
    });
    return values;
  }

  /** A copy of {@code config} in which each non-null secret value is what {@code replacer} makes of it. */
  public JsonNode replaceSecrets(JsonNode config, SecretReplacer replacer) {
    requireNonNull(replacer, "replacer is null");
    return config == null ? null : replace(config, root, new ArrayList<>(), replacer);
  }

  /** Computes the stored, shown or used form of one secret value. */
  @FunctionalInterface
  public interface SecretReplacer {
    /**
     * @param path where the value is, as for {@link #isSecret(List)}
     * @param value the non-null value found there
     */
    JsonNode replace(List<Object> path, JsonNode value);
  }

  private static JsonNode replace(JsonNode value, Node node, List<Object> path, SecretReplacer replacer) {
    if (node == null || !node.hasSecret()) {
      return value.deepCopy();
    }
    if (node.secret) {
      return value.isNull() ? value : replacer.replace(List.copyOf(path), value);
    }
    if (value.isObject()) {
      ObjectNode copy = Json.object();
      for (Map.Entry<String, JsonNode> property : value.properties()) {
        path.add(property.getKey());
        copy.set(property.getKey(), replace(property.getValue(), node.child(property.getKey()), path, replacer));
        path.removeLast();
      }
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = Json.mapper().createArrayNode();
      for (int i = 0; i < value.size(); i++) {
        path.add(i);
        copy.add(replace(value.get(i), node.items, path, replacer));
        path.removeLast();
      }
      return copy;
    }
    return value.deepCopy();
  }

  private static void collect(JsonNode root, JsonNode schema, Node node, Set<String> refsInProgress) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    String ref = schema.path("$ref").asText(null);
    // Only local references: a specification is never allowed to make the server fetch anything.
    if (ref != null && ref.startsWith("#") && refsInProgress.add(ref)) {
      collect(root, root.at(ref.substring(1)), node, refsInProgress);
      refsInProgress.remove(ref);
    }
    if (schema.path("airbyte_secret").asBoolean(false)) {
      node.secret = true;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      collect(root, property.getValue(), node.properties.computeIfAbsent(property.getKey(), k -> new Node()),
          refsInProgress);
    }
    collect(root, schema.get("additionalProperties"), node.anyProperty(), refsInProgress);
    for (JsonNode patternSchema : schema.path("patternProperties")) {
      collect(root, patternSchema, node.anyProperty(), refsInProgress);
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isArray()) {
      items.forEach(item -> collect(root, item, node.items(), refsInProgress));
    } else {
      collect(root, items, node.items(), refsInProgress);
    }
    collect(root, schema.get("additionalItems"), node.items(), refsInProgress);
    for (String keyword : BRANCH_KEYWORDS) {
      schema.path(keyword).forEach(branch -> collect(root, branch, node, refsInProgress));
    }
    for (String keyword : CONDITIONAL_KEYWORDS) {
      collect(root, schema.get(keyword), node, refsInProgress);
    }
    schema.path("dependencies").forEach(dependency -> collect(root, dependency, node, refsInProgress));
  }

  /** One position in a configuration: its named children, the children of any other name, and array items. */
  private static final class Node {
    final Map<String, Node> properties = new LinkedHashMap<>();
    Node anyProperty;
    Node items;
    boolean secret;

    Node anyProperty() {
      if (anyProperty == null) {
        anyProperty = new Node();
      }
      return anyProperty;
    }

    Node items() {
      if (items == null) {
        items = new Node();
      }
      return items;
    }

    Node child(Object element) {
      if (element instanceof Integer) {
        return items;
      }
      Node named = properties.get(String.valueOf(element));
      return named != null ? named : anyProperty;
    }

    boolean hasSecret() {
      return secret || properties.values().stream().anyMatch(Node::hasSecret)
          || (anyProperty != null && anyProperty.hasSecret()) || (items != null && items.hasSecret());
    }

    void describe(String path, List<String> paths) {
      if (secret) {
        paths.add(path);
        return;
      }
      properties.forEach((name, child) ->
          child.describe(path + (PLAIN_NAME.matcher(name).matches() ? "." + name : "['" + name + "']"), paths));
      if (anyProperty != null) {
        anyProperty.describe(path + ".*", paths);
      }
      if (items != null) {
        items.describe(path + "[*]", paths);
      }
    }
  }
}
