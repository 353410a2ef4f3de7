package dev.gale.connectors.declarative.transform;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Airbyte's {@code AddFields}: sets each field at its path (creating objects on the way) to its template's value,
 * evaluated over {@code record} and {@code stream_slice}; with a {@code condition} over {@code value} and {@code path},
 * only where it holds.
 */
public record AddFields(List<Field> fields, Template condition) implements RecordTransformation {

  /** One {@code AddedFieldDefinition}; {@code valueType} (string, number, integer, boolean) or null. */
  public record Field(List<String> path, Template value, String valueType) {
    public Field {
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("an added field needs a path");
      }
    }
  }

  public AddFields {
    fields = List.copyOf(fields);
  }

  @Override
  public void transform(Run run, Map<String, Object> record, Map<String, Object> variables) {
    Map<String, Object> context = new HashMap<>(variables);
    context.put("record", record);
    for (Field field : fields) {
      Object value = typed(field, field.value().eval(run, context), run, context);
      if (condition != null && !condition.text().isEmpty()) {
        Map<String, Object> conditionContext = new HashMap<>(context);
        conditionContext.put("value", value);
        conditionContext.put("path", field.path());
        if (!condition.isTrue(run, conditionContext)) {
          continue;
        }
      }
      put(record, field.path(), value);
    }
  }

  // As the CDK: a declared type keeps the evaluated value only when it has that type, else the rendered text.
  private static Object typed(Field field, Object value, Run run, Map<String, Object> context) {
    if (field.valueType() == null || value == null) {
      return value;
    }
    boolean matches = switch (field.valueType()) {
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Long || value instanceof java.math.BigInteger;
      case "number" -> value instanceof Double;
      case "boolean" -> value instanceof Boolean;
      default -> true;
    };
    if (matches) {
      return value;
    }
    return field.value().isStatic() ? field.value().text() : Values.pythonString(value);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> record, List<String> path, Object value) {
    Map<String, Object> current = record;
    for (int i = 0; i < path.size() - 1; i++) {
      Object next = current.get(path.get(i));
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        current.put(path.get(i), next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(path.getLast(), value);
  }
}
