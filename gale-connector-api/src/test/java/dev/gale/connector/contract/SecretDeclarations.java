package dev.gale.connector.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code airbyte_secret} declarations in a connection specification for the contract tests: which secret
 * values a configuration holds, and which secret declarations are not on strings. Kept apart from the server's
 * secret handling on purpose, so the contract does not trust the code it helps to check.
 */
final class SecretDeclarations {
  private static final List<String> BRANCH_KEYWORDS = List.of("oneOf", "anyOf", "allOf");

  private SecretDeclarations() {}

  /** The text of every value in {@code config} that sits where the schema declares a secret. */
  static List<String> secretValues(JsonNode schema, JsonNode config) {
    List<String> values = new ArrayList<>();
    collectValues(schema, config, values);
    return values;
  }

  /** Paths of properties marked secret whose declared type is not {@code string}. */
  static List<String> secretsNotOnStrings(JsonNode schema) {
    List<String> paths = new ArrayList<>();
    collectNonStringSecrets(schema, "$", paths);
    return paths;
  }

  private static void collectValues(JsonNode schema, JsonNode value, List<String> values) {
    if (schema == null || value == null || value.isNull()) {
      return;
    }
    if (schema.path("airbyte_secret").asBoolean(false)) {
      values.add(value.isTextual() ? value.textValue() : value.toString());
      return;
    }
    for (String keyword : BRANCH_KEYWORDS) {
      schema.path(keyword).forEach(branch -> collectValues(branch, value, values));
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        collectValues(property.getValue(), value.get(property.getKey()), values);
      }
    } else if (value.isArray() && schema.has("items")) {
      value.forEach(item -> collectValues(schema.get("items"), item, values));
    }
  }

  private static void collectNonStringSecrets(JsonNode schema, String path, List<String> paths) {
    if (schema.path("airbyte_secret").asBoolean(false) && !"string".equals(schema.path("type").asText())) {
      paths.add(path);
    }
    for (String keyword : BRANCH_KEYWORDS) {
      schema.path(keyword).forEach(branch -> collectNonStringSecrets(branch, path, paths));
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      collectNonStringSecrets(property.getValue(), path + "." + property.getKey(), paths);
    }
    if (schema.path("items").isObject()) {
      collectNonStringSecrets(schema.get("items"), path + "[*]", paths);
    }
  }
}
