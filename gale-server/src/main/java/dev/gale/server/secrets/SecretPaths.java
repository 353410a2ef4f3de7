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
 *
 * <p>A property the specification does not declare (no {@code properties} entry where it is, at any depth: extra
 * properties, properties inside an undeclared object or inside the items of an undeclared array, names matched only
 * by {@code additionalProperties} or {@code patternProperties}) is secret when {@link SecretNames} says its name is:
 * the operations below work on configurations, so they find those too, and treat the whole value as one secret
 * whatever its type. A declared property is secret exactly when its specification says so. Immutable.
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

  /**
   * Whether the specification declares no secret. A configuration may still hold undeclared secret-like properties,
   * which the operations on configurations find.
   */
  public boolean isEmpty() {
    return !root.hasSecret();
  }

  /**
   * Whether the value at {@code path} in a configuration is secret or lies inside a secret: declared so, or an
   * undeclared property whose name looks secret ({@link SecretNames}).
   *
   * @param path property names ({@code String}) and array indices ({@code Integer}) from the configuration's root
   */
  public boolean isSecret(List<?> path) {
    Node node = root;
    if (node.secret) {
      return true;
    }
    String parentName = null;
    for (Object element : path) {
      if (element instanceof Integer) {
        node = node == null ? null : node.items;
        if (node != null && node.secret) {
          return true;
        }
        continue;
      }
      String name = String.valueOf(element);
      if (isSecretProperty(node, name, parentName)) {
        return true;
      }
      node = node == null ? null : node.child(name);
      parentName = name;
    }
    return false;
  }

  /** A copy of {@code config} with every non-null secret value replaced by {@link #MASK}. */
  public JsonNode mask(JsonNode config) {
    return replaceSecrets(config, (path, value) -> TextNode.valueOf(MASK));
  }

  /**
   * The values in {@code config} at secret paths, as text, for scrubbing them out of messages. A secret object or
   * array (an undeclared {@code credentials}) gives its JSON text and each text inside it, since a connector that
   * leaks one is likelier to print a single field than the whole document.
   */
  public List<String> secretValues(JsonNode config) {
    List<String> values = new ArrayList<>();
    replaceSecrets(config, (path, value) -> {
      values.add(value.isTextual() ? value.textValue() : Json.write(value));
      if (value.isContainerNode()) {
        addTexts(value, values);
      }
      return value;
    });
    return values;
  }

  private static void addTexts(JsonNode value, List<String> texts) {
    if (value.isTextual()) {
      texts.add(value.textValue());
    }
    value.forEach(child -> addTexts(child, texts));
  }

  /** A copy of {@code config} in which each non-null secret value is what {@code replacer} makes of it. */
  public JsonNode replaceSecrets(JsonNode config, SecretReplacer replacer) {
    requireNonNull(replacer, "replacer is null");
    if (config == null) {
      return null;
    }
    return root.secret && !config.isNull() ? replacer.replace(List.of(), config)
        : replace(config, root, null, new ArrayList<>(), replacer);
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

  /**
   * The copy of {@code value}, found at {@code path} where the specification's {@code node} describes it ({@code null}
   * where it describes nothing), with its secret values replaced. The whole value is walked, not only the declared
   * part: undeclared secret-like properties may be anywhere.
   *
   * @param name the name of the property holding {@code value} (the nearest one, for array items), or {@code null}
   */
  private static JsonNode replace(JsonNode value, Node node, String name, List<Object> path, SecretReplacer replacer) {
    if (value.isObject()) {
      ObjectNode copy = Json.object();
      for (Map.Entry<String, JsonNode> property : value.properties()) {
        String key = property.getKey();
        JsonNode child = property.getValue();
        path.add(key);
        if (isSecretProperty(node, key, name)) {
          copy.set(key, child.isNull() ? child : replacer.replace(List.copyOf(path), child));
        } else {
          copy.set(key, replace(child, node == null ? null : node.child(key), key, path, replacer));
        }
        path.removeLast();
      }
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = Json.mapper().createArrayNode();
      Node items = node == null ? null : node.items;
      for (int i = 0; i < value.size(); i++) {
        path.add(i);
        JsonNode item = value.get(i);
        // Items declared secret ("items": {"airbyte_secret": true}) are each a secret of their own.
        copy.add(items != null && items.secret && !item.isNull() ? replacer.replace(List.copyOf(path), item)
            : replace(item, items, name, path, replacer));
        path.removeLast();
      }
      return copy;
    }
    return value.deepCopy();
  }

  /**
   * Whether the property {@code name} of an object described by {@code node} is secret: as its declaration says when
   * the specification declares it there, else by its name. A name matched only by {@code additionalProperties} is not
   * declared, but is secret when that schema says so.
   */
  private static boolean isSecretProperty(Node node, String name, String parentName) {
    Node child = node == null ? null : node.child(name);
    if (child != null && child.secret) {
      return true;
    }
    boolean declared = node != null && node.properties.containsKey(name);
    return !declared && SecretNames.looksSecret(name, parentName);
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
