package dev.gale.connectors.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.declarative.ManifestException;
import dev.gale.connectors.declarative.manifest.ComponentCatalog.Field;
import dev.gale.connectors.declarative.manifest.FieldKind.Scalar;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks a resolved and propagated manifest against the {@link ComponentCatalog}: known types in the places that
 * allow them, required fields present, values of the declared kinds, no unsupported feature in use. The first
 * problem found is thrown, naming its path.
 */
final class ManifestValidator {
  // The root accepts exactly these keys (Airbyte's schema forbids others there).
  private static final Set<String> ROOT_KEYS = Set.of("type", "version", "check", "streams", "spec", "definitions",
      "schemas", "metadata", "description", "concurrency_level", "stream_groups", "max_concurrent_async_job_count",
      "dynamic_streams", "api_budget");

  private final ComponentCatalog catalog;
  private final Origins origins;

  ManifestValidator(ComponentCatalog catalog, Origins origins) {
    this.catalog = catalog;
    this.origins = origins;
  }

  void validateSource(JsonNode root) {
    if (!"DeclarativeSource".equals(root.path("type").asText())) {
      throw new ManifestException("type", "the manifest's type must be DeclarativeSource");
    }
    for (String key : (Iterable<String>) root::fieldNames) {
      if (!ROOT_KEYS.contains(key)) {
        throw new ManifestException(key, "unknown top-level key; expected one of " + new TreeSet<>(ROOT_KEYS));
      }
    }
    if (present(root.get("dynamic_streams"))) {
      throw new ManifestException("dynamic_streams", "dynamic streams are not supported by Gale");
    }
    if (present(root.get("api_budget"))) {
      throw new ManifestException("api_budget", "API budgets are not supported by Gale");
    }
    requireKind(root, "", "version", Scalar.STRING, true);
    requireKind(root, "", "check", new FieldKind.Component(Set.of("CheckStream")), true);
    requireKind(root, "", "streams", new FieldKind.ComponentList(Set.of("DeclarativeStream")), true);
    requireKind(root, "", "spec", new FieldKind.Component(Set.of("Spec")), false);
    requireKind(root, "", "schemas", Scalar.OBJECT, false);
    requireKind(root, "", "definitions", Scalar.OBJECT, false);
    requireKind(root, "", "metadata", Scalar.OBJECT, false);
    requireKind(root, "", "description", Scalar.STRING, false);
  }

  private void validateComponent(JsonNode node, String path, Set<String> allowed) {
    if (!node.isObject()) {
      throw new ManifestException(path, "expected a component (an object with a type), got " + describe(node));
    }
    path = origins.of(node, path);
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw new ManifestException(path, "the component has no type; expected one of " + new TreeSet<>(allowed));
    }
    String type = typeNode.textValue();
    Map<String, Field> fields = catalog.fields(type).orElse(null);
    if (fields == null) {
      throw new ManifestException(path, catalog.isKnownButUnsupported(type)
          ? "component type '" + type + "' is not supported by Gale"
          : "unknown component type '" + type + "'");
    }
    if (!allowed.contains(type)) {
      throw new ManifestException(path, "component type '" + type + "' is not allowed here; expected one of "
          + new TreeSet<>(allowed));
    }
    for (Map.Entry<String, Field> field : fields.entrySet()) {
      requireKind(node, path, field.getKey(), field.getValue().kind(), field.getValue().required());
    }
  }

  private void requireKind(JsonNode parent, String parentPath, String name, FieldKind kind, boolean required) {
    JsonNode value = parent.get(name);
    String path = Paths.field(parentPath, name);
    if (!present(value)) {
      if (required) {
        throw new ManifestException(parentPath, "missing required field '" + name + "'");
      }
      return;
    }
    switch (kind) {
      case Scalar scalar -> checkScalar(value, path, scalar);
      case FieldKind.Choice choice -> {
        if (!value.isTextual() || !choice.values().contains(value.textValue())) {
          throw new ManifestException(path, "must be one of " + choice.values() + ", got " + shortly(value));
        }
      }
      case FieldKind.Component component -> validateComponent(value, path, component.types());
      case FieldKind.ComponentOrString component -> {
        if (!value.isTextual()) {
          validateComponent(value, path, component.types());
        }
      }
      case FieldKind.ComponentOrList component -> {
        if (value.isArray()) {
          validateList(value, path, component.types());
        } else {
          validateComponent(value, path, component.types());
        }
      }
      case FieldKind.ComponentList list -> {
        if (!value.isArray()) {
          throw new ManifestException(path, "must be a list of components, got " + describe(value));
        }
        validateList(value, path, list.types());
      }
      case FieldKind.ComponentMap map -> {
        if (!value.isObject()) {
          throw new ManifestException(path, "must be an object of components, got " + describe(value));
        }
        String mapPath = origins.of(value, path);
        value.properties().forEach(entry ->
            validateComponent(entry.getValue(), Paths.field(mapPath, entry.getKey()), map.types()));
      }
      case FieldKind.Unsupported unsupported -> {
        if (ParameterPropagator.truthy(value)) {
          throw new ManifestException(path, "is not supported by Gale: " + unsupported.reason());
        }
      }
    }
  }

  private void validateList(JsonNode list, String path, Set<String> types) {
    String listPath = origins.of(list, path);
    for (int i = 0; i < list.size(); i++) {
      validateComponent(list.get(i), Paths.index(listPath, i), types);
    }
  }

  private static void checkScalar(JsonNode value, String path, Scalar kind) {
    boolean ok = switch (kind) {
      case STRING -> value.isTextual();
      case BOOLEAN -> value.isBoolean();
      case INTEGER -> value.isIntegralNumber();
      case NUMBER -> value.isNumber();
      case STRING_OR_INTEGER -> value.isTextual() || value.isIntegralNumber();
      case STRING_OR_NUMBER -> value.isTextual() || value.isNumber();
      case STRINGS -> allOf(value, JsonNode::isTextual);
      case STRING_OR_STRINGS -> value.isTextual() || allOf(value, JsonNode::isTextual);
      case INTEGERS -> allOf(value, JsonNode::isIntegralNumber);
      case STRING_LISTS -> allOf(value, element -> allOf(element, JsonNode::isTextual));
      case PRIMARY_KEY -> value.isTextual() || allOf(value, JsonNode::isTextual)
          || allOf(value, element -> allOf(element, JsonNode::isTextual));
      case STRING_MAP_OR_STRING -> value.isTextual() || value.isObject() && allValues(value);
      case OBJECT_OR_STRING -> value.isTextual() || value.isObject();
      case OBJECT -> value.isObject();
      case ANY -> true;
    };
    if (!ok) {
      throw new ManifestException(path, "must be " + expected(kind) + ", got " + describe(value));
    }
  }

  private static boolean allOf(JsonNode list, Predicate<JsonNode> element) {
    if (!list.isArray()) {
      return false;
    }
    for (JsonNode item : list) {
      if (!element.test(item)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allValues(JsonNode object) {
    for (JsonNode value : object) {
      if (!value.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static String expected(Scalar kind) {
    return switch (kind) {
      case STRING -> "a string";
      case BOOLEAN -> "true or false";
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case STRING_OR_INTEGER -> "an integer or a template string";
      case STRING_OR_NUMBER -> "a number or a template string";
      case STRINGS -> "a list of strings";
      case STRING_OR_STRINGS -> "a string or a list of strings";
      case INTEGERS -> "a list of integers";
      case STRING_LISTS -> "a list of lists of strings";
      case PRIMARY_KEY -> "a string, a list of strings or a list of lists of strings";
      case STRING_MAP_OR_STRING -> "an object of strings or a template string";
      case OBJECT_OR_STRING -> "an object or a template string";
      case OBJECT -> "an object";
      case ANY -> "anything";
    };
  }

  static boolean present(JsonNode value) {
    return value != null && !value.isNull() && !value.isMissingNode();
  }

  private static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
      case BOOLEAN -> "a boolean";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String shortly(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
