package dev.gale.connector.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a configuration node through declarations, collecting every problem before failing. */
final class ConfigReader {
  private static final int MAX_SHOWN_VALUE_LENGTH = 80;

  private final List<String> problems = new ArrayList<>();

  private ConfigReader() {}

  static ConfigValues read(ConfigSchema schema, JsonNode config) {
    ConfigReader reader = new ConfigReader();
    if (config == null || !config.isObject()) {
      throw new ConfigException(List.of("the configuration must be a JSON object"));
    }
    ConfigValues values = reader.readObject(schema, config, "");
    if (!reader.problems.isEmpty()) {
      throw new ConfigException(reader.problems);
    }
    return values;
  }

  private ConfigValues readObject(ConfigSchema schema, JsonNode node, String pathPrefix) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ConfigField<?> field : schema.fields()) {
      String path = pathPrefix + field.name();
      JsonNode given = node.get(field.name());
      if (given == null || given.isNull()) {
        if (field.implicitValue() != null) {
          values.put(field.name(), field.implicitValue());
        } else if (field.required()) {
          problems.add(path + " is required");
        }
        continue;
      }
      readValue(field, given, path).ifPresent(value -> values.put(field.name(), value));
    }
    return new ConfigValues(schema, values);
  }

  private Optional<Object> readValue(ConfigField<?> field, JsonNode given, String path) {
    if (field.type() == ConfigField.Type.OBJECT || field.type() == ConfigField.Type.ONE_OF) {
      if (!given.isObject()) {
        problems.add(path + " must be an object" + shown(field, given));
        return Optional.empty();
      }
      return Optional.ofNullable(field.type() == ConfigField.Type.OBJECT
          ? readObject(field.options().getFirst(), given, path + ".")
          : readOneOf(field, given, path));
    }
    Object value = switch (field.type()) {
      case STRING -> given.isTextual() ? given.textValue() : null;
      case INTEGER -> given.isNumber() && given.canConvertToExactIntegral() && given.canConvertToLong()
          ? given.longValue() : null;
      case NUMBER -> given.isNumber() ? given.doubleValue() : null;
      case BOOLEAN -> given.isBoolean() ? given.booleanValue() : null;
      case STRING_LIST -> stringList(given);
      case OBJECT, ONE_OF -> throw new AssertionError("objects are read above");
    };
    if (value == null) {
      problems.add(path + " must be " + article(field.type()) + shown(field, given));
      return Optional.empty();
    }
    checkConstraints(field, value, given, path);
    return Optional.of(value);
  }

  private ConfigValues readOneOf(ConfigField<?> field, JsonNode given, String path) {
    JsonNode tag = given.get(field.discriminator());
    String tagValue = tag != null && tag.isTextual() ? tag.textValue() : null;
    Optional<ConfigSchema> option = OneOfOptions.select(field, tagValue);
    if (option.isEmpty()) {
      problems.add(path + "." + field.discriminator() + " must be one of " + OneOfOptions.constants(field)
          + (tag == null ? "" : ", got " + abbreviate(Json.write(tag))));
      return null;
    }
    return readObject(option.get(), given, path + ".");
  }

  private void checkConstraints(ConfigField<?> field, Object value, JsonNode given, String path) {
    if (field.constant() != null && !field.constant().equals(value)) {
      problems.add(path + " must be " + abbreviate(Json.write(field.constant())) + shown(field, given));
    }
    if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(value)) {
      problems.add(path + " must be one of " + field.allowedValues() + shown(field, given));
    }
    if (field.minimum() != null && compare(value, field.minimum()) < 0) {
      problems.add(path + " must be at least " + field.minimum() + shown(field, given));
    }
    if (field.maximum() != null && compare(value, field.maximum()) > 0) {
      problems.add(path + " must be at most " + field.maximum() + shown(field, given));
    }
  }

  private static List<String> stringList(JsonNode given) {
    if (!given.isArray()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : given) {
      if (!item.isTextual()) {
        return null;
      }
      values.add(item.textValue());
    }
    return List.copyOf(values);
  }

  private static int compare(Object value, Number bound) {
    return new BigDecimal(value.toString()).compareTo(new BigDecimal(bound.toString()));
  }

  private static String article(ConfigField.Type type) {
    return switch (type) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case STRING_LIST -> "an array of strings";
      case OBJECT, ONE_OF -> "an object";
    };
  }

  // A given value helps the user see the mistake, but a secret's value never leaves the connector.
  private static String shown(ConfigField<?> field, JsonNode given) {
    return field.secret() ? "" : ", got " + abbreviate(Json.write(given));
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_SHOWN_VALUE_LENGTH ? text : text.substring(0, MAX_SHOWN_VALUE_LENGTH) + "...";
  }
}
