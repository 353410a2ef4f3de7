package dev.gale.connectors.declarative.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.manifest.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A configuration made ready for templates: checked against the spec's {@code connection_specification} (required
 * properties, JSON types, enums, patterns; in a {@code oneOf}, the option the configuration picks). Messages name
 * properties, never values.
 *
 * <p>The spec's {@code default} values are not filled in, as in Airbyte: the CDK validates the configuration with
 * plain JSON Schema, which neither fills defaults nor lets a default stand in for a required property, and the
 * platform's server validates configurations it is sent the same way (only Airbyte's web form pre-fills defaults).
 * Templates see what the configuration holds, so {@code config.get('x', d)} gives the template's {@code d}, not the
 * spec's default, as it does in Airbyte.
 */
public final class ConfigPreparation {
  private ConfigPreparation() {}

  /**
   * @throws ConnectorException naming every property at fault
   */
  public static Map<String, Object> prepare(JsonNode specification, JsonNode config) {
    if (config == null || !config.isObject()) {
      throw new ConnectorException("Config validation error: the configuration must be a JSON object");
    }
    List<String> problems = new ArrayList<>();
    visit(specification, config, "", problems);
    if (!problems.isEmpty()) {
      throw new ConnectorException("Config validation error: " + String.join("; ", problems));
    }
    return JsonValues.toMap(config);
  }

  private static void visit(JsonNode schema, JsonNode object, String path, List<String> problems) {
    JsonNode properties = schema.path("properties");
    for (JsonNode required : schema.path("required")) {
      String name = required.asText();
      // A required property given as null is missing, unless its type admits null.
      boolean missing = !object.has(name)
          || object.get(name).isNull() && !hasType(properties.path(name), object.get(name));
      if (missing) {
        problems.add(name(path, name) + " is required");
      }
    }
    properties.properties().forEach(entry -> {
      String name = entry.getKey();
      JsonNode property = entry.getValue();
      if (object.has(name) && !object.get(name).isNull()) {
        check(property, object.get(name), name(path, name), problems);
      }
    });
    JsonNode option = chosenOption(schema.path("oneOf"), object);
    if (option != null) {
      visit(option, object, path, problems);
    }
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
    if (!hasType(schema, value)) {
      problems.add(path + " must be " + schema.get("type").toString().replace("\"", ""));
      return;
    }
    // Each item of a list against the spec's items schema, as JSON Schema validates them.
    if (value.isArray() && schema.path("items").isObject()) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
      }
    }
    if (schema.has("enum") && schema.get("enum").isArray()) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.equals(value);
      }
      if (!listed) {
        problems.add(path + " must be one of " + schema.get("enum"));
      }
    }
    if (value.isTextual() && schema.path("pattern").isTextual() && !matches(schema.get("pattern").asText(),
        value.asText())) {
      problems.add(path + " must match " + schema.get("pattern").asText());
    }
    if (value.isObject()) {
      visit(schema, value, path, problems);
    }
  }

  // JSON Schema's pattern is searched for anywhere in the text, as Python's re.search does; a pattern Java cannot
  // read is not held against the configuration.
  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true;
    }
  }

  private static boolean hasType(JsonNode schema, JsonNode value) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return true;
    }
    List<String> types = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(item -> types.add(item.asText()));
    } else {
      types.add(type.asText());
    }
    for (String candidate : types) {
      boolean matches = switch (candidate) {
        case "string" -> value.isTextual();
        case "integer" -> value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
        case "number" -> value.isNumber();
        case "boolean" -> value.isBoolean();
        case "object" -> value.isObject();
        case "array" -> value.isArray();
        case "null" -> value.isNull();
        default -> true;
      };
      if (matches) {
        return true;
      }
    }
    return false;
  }

  // The option of a oneOf whose constant properties (an auth_type) the configuration has; else the only match.
  private static JsonNode chosenOption(JsonNode options, JsonNode object) {
    for (JsonNode option : options) {
      boolean decided = false;
      boolean matches = true;
      for (Map.Entry<String, JsonNode> property : option.path("properties").properties()) {
        JsonNode constant = property.getValue().has("const") ? property.getValue().get("const")
            : property.getValue().path("enum").size() == 1 ? property.getValue().get("enum").get(0) : null;
        if (constant != null && object.has(property.getKey())) {
          decided = true;
          matches &= constant.equals(object.get(property.getKey()));
        }
      }
      if (decided && matches) {
        return option;
      }
    }
    return null;
  }

  private static String name(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
