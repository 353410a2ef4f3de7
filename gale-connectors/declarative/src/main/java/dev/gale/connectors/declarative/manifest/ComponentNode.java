package dev.gale.connectors.declarative.manifest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.declarative.ManifestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One checked component of a loaded manifest, as the factories that build the runtime read it: typed accessors for
 * its fields, and errors that name its path. Only {@link ManifestModel} creates these, after validation, so the
 * accessors may trust the kinds the catalogue declares.
 */
public final class ComponentNode {
  private final JsonNode json;
  private final String path;
  private final Origins origins;

  ComponentNode(JsonNode json, String path, Origins origins) {
    this.json = requireNonNull(json, "json is null");
    this.path = origins.of(json, path);
    this.origins = origins;
  }

  public String type() {
    return json.path("type").asText();
  }

  /** Where the component was written, for messages. */
  public String path() {
    return path;
  }

  public String fieldPath(String field) {
    return Paths.field(path, field);
  }

  public JsonNode json() {
    return json;
  }

  public boolean has(String field) {
    return ManifestValidator.present(json.get(field));
  }

  public Optional<JsonNode> value(String field) {
    return has(field) ? Optional.of(json.get(field)) : Optional.empty();
  }

  /** A string field, or empty when absent or empty. */
  public Optional<String> string(String field) {
    return value(field).filter(JsonNode::isValueNode).map(JsonNode::asText).filter(text -> !text.isEmpty());
  }

  public String string(String field, String fallback) {
    return string(field).orElse(fallback);
  }

  public String requiredString(String field) {
    return string(field).orElseThrow(() -> error(field, "must not be empty"));
  }

  public boolean bool(String field, boolean fallback) {
    return value(field).map(JsonNode::asBoolean).orElse(fallback);
  }

  /** A field holding a string or a number, as text (page sizes, backoff times): templates stay templates. */
  public Optional<String> text(String field) {
    return value(field).map(JsonNode::asText);
  }

  public List<String> strings(String field) {
    List<String> values = new ArrayList<>();
    value(field).ifPresent(list -> {
      if (list.isTextual()) {
        values.add(list.textValue());
      } else {
        list.forEach(item -> values.add(item.asText()));
      }
    });
    return values;
  }

  public Optional<ComponentNode> component(String field) {
    return value(field).filter(JsonNode::isObject).map(node -> new ComponentNode(node, fieldPath(field), origins));
  }

  public ComponentNode requiredComponent(String field) {
    return component(field).orElseThrow(() -> error(field, "is required"));
  }

  /** The components of a list field, or the one component of a field that may be either. */
  public List<ComponentNode> components(String field) {
    List<ComponentNode> components = new ArrayList<>();
    value(field).ifPresent(value -> {
      if (value.isArray()) {
        String listPath = origins.of(value, fieldPath(field));
        for (int i = 0; i < value.size(); i++) {
          components.add(new ComponentNode(value.get(i), Paths.index(listPath, i), origins));
        }
      } else if (value.isObject()) {
        components.add(new ComponentNode(value, fieldPath(field), origins));
      }
    });
    return components;
  }

  public Map<String, ComponentNode> componentMap(String field) {
    Map<String, ComponentNode> components = new LinkedHashMap<>();
    value(field).ifPresent(value -> {
      String mapPath = origins.of(value, fieldPath(field));
      value.properties().forEach(entry -> components.put(entry.getKey(),
          new ComponentNode(entry.getValue(), Paths.field(mapPath, entry.getKey()), origins)));
    });
    return components;
  }

  /** The merged {@code $parameters} of this component, for its templates. */
  public Map<String, Object> parameters() {
    return JsonValues.toMap(json.get(ParameterPropagator.PARAMETERS));
  }

  /** A problem with one of this component's fields, or with the component itself when {@code field} is null. */
  public ManifestException error(String field, String problem) {
    return new ManifestException(field == null ? path : fieldPath(field), problem);
  }

  public ManifestException error(String field, String problem, Throwable cause) {
    return new ManifestException(field == null ? path : fieldPath(field), problem, cause);
  }

  @Override
  public String toString() {
    return type() + " at " + path;
  }
}
