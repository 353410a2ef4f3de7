package dev.gale.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Derives JSON Schemas (OpenAPI 3.0 flavour) from the Java types of request and response bodies, so the served
 * OpenAPI document can never drift from what the code reads and writes. Records become named components.
 */
public final class Schemas {
  private final Map<String, Object> components = new TreeMap<>();
  private final Map<String, Class<?>> owners = new TreeMap<>();

  /** The schema of {@code type}, registering the records it reaches as components. */
  public Map<String, Object> schemaOf(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] args = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return Map.of("type", "array", "items", schemaOf(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of("type", "object", "additionalProperties", schemaOf(args[1]));
      }
      return schemaOf(raw);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) return Map.of("type", "string");
    if (c == UUID.class) return Map.of("type", "string", "format", "uuid");
    if (c == Integer.class || c == int.class) return Map.of("type", "integer", "format", "int32");
    if (c == Long.class || c == long.class) return Map.of("type", "integer", "format", "int64");
    if (c == Boolean.class || c == boolean.class) return Map.of("type", "boolean");
    if (c == Double.class || c == double.class || c == BigDecimal.class) return Map.of("type", "number");
    if (c == OffsetDateTime.class || c == Instant.class) return Map.of("type", "string", "format", "date-time");
    if (c == LocalDate.class) return Map.of("type", "string", "format", "date");
    if (c.isEnum()) return Map.of("type", "string", "enum", enumValues(c));
    if (c == ObjectNode.class || Map.class.isAssignableFrom(c)) return Map.of("type", "object");
    if (JsonNode.class.isAssignableFrom(c) || c == Object.class) return Map.of();
    if (c.isRecord()) return Map.of("$ref", "#/components/schemas/" + register(c));
    // An answer with several shapes (a client that reads an older one): exactly one of its records.
    if (c.isInterface() && c.isSealed()) return Map.of("oneOf", Arrays.stream(c.getPermittedSubclasses()).map(this::schemaOf).toList());
    throw new IllegalArgumentException("No schema for " + c.getName() + "; use a record, an enum or a JSON value");
  }

  public Map<String, Object> components() {
    return components;
  }

  private String register(Class<?> record) {
    String name = record.getSimpleName();
    Class<?> owner = owners.putIfAbsent(name, record);
    if (owner != null) {
      if (owner != record) {
        throw new IllegalStateException("Two body types are named " + name + ": " + owner.getName() + ", " + record.getName());
      }
      return name;
    }
    Map<String, Object> properties = new TreeMap<>();
    List<String> required = new ArrayList<>();
    components.put(name, Map.of()); // placeholder first: records may refer to themselves
    RecordComponent value = jsonValue(record);
    if (value != null) { // the record is written as this one value (a bare array, say), so it is documented as it
      components.put(name, schemaOf(value.getGenericType()));
      return name;
    }
    for (RecordComponent component : record.getRecordComponents()) {
      properties.put(jsonName(component), propertySchema(record, component));
      if (component.isAnnotationPresent(Required.class)) {
        required.add(jsonName(component));
      }
    }
    Map<String, Object> schema = new TreeMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    components.put(name, schema);
    return name;
  }

  /**
   * A component's schema, with the bound of a {@link MaxLength} text, and nullable when it is written even when null
   * ({@code @JsonInclude(ALWAYS)}), as Airbyte's document declares the few properties it answers as null.
   */
  private Map<String, Object> propertySchema(Class<?> record, RecordComponent component) {
    Map<String, Object> schema = schemaOf(component.getGenericType());
    // Jackson's annotations do not target record components: Java puts them on the component's field.
    JsonInclude include = fieldAnnotation(component, JsonInclude.class);
    if (include != null && include.value() == JsonInclude.Include.ALWAYS) {
      if (schema.containsKey("$ref")) {
        throw new IllegalStateException("Only plain values may be nullable, not " + record.getName() + "." + component.getName());
      }
      Map<String, Object> nullable = new TreeMap<>(schema);
      nullable.put("nullable", true);
      schema = nullable;
    }
    MaxLength maxLength = component.getAnnotation(MaxLength.class);
    if (maxLength == null) {
      return schema;
    }
    if (component.getType() != String.class) {
      throw new IllegalStateException("@MaxLength bounds texts only, not " + record.getName() + "." + component.getName());
    }
    Map<String, Object> bounded = new TreeMap<>(schema);
    bounded.put("maxLength", maxLength.value());
    return bounded;
  }

  private static <A extends java.lang.annotation.Annotation> A fieldAnnotation(RecordComponent component, Class<A> type) {
    try {
      return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static RecordComponent jsonValue(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(component -> component.getAccessor().isAnnotationPresent(JsonValue.class))
        .findFirst().orElse(null);
  }

  /** The JSON name of a record component: its {@code @JsonProperty} value, else its Java name. */
  static String jsonName(RecordComponent component) {
    JsonProperty property = component.getAnnotation(JsonProperty.class);
    if (property == null && component.getDeclaringRecord() != null) {
      try {
        property = component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
      } catch (NoSuchFieldException e) {
        property = null;
      }
    }
    return property != null && !property.value().isEmpty() ? property.value() : component.getName();
  }

  /** The wire values of an enum, as Jackson writes them. */
  static List<String> enumValues(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(constant -> Json.mapper().convertValue(constant, String.class)).toList();
  }

  static String typeName(Class<?> type) {
    Object schemaType = new Schemas().schemaOf(type).get("type");
    return schemaType == null ? "object" : schemaType.toString();
  }
}
