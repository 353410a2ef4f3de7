package dev.gale.connectors.declarative.transform;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Replaces text in every key of the record and of its nested objects. */
public record KeysReplace(Template old, Template replacement) implements RecordTransformation {

  @Override
  public void transform(Run run, Map<String, Object> record, Map<String, Object> variables) {
    Map<String, Object> context = new HashMap<>(variables);
    context.put("record", record);
    String from = old.evalString(run, context);
    String to = replacement.evalString(run, context);
    Map<String, Object> replaced = replace(record, from, to);
    record.clear();
    record.putAll(replaced);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> replace(Map<String, Object> data, String from, String to) {
    Map<String, Object> result = new LinkedHashMap<>();
    data.forEach((key, value) -> result.put(from.isEmpty() ? key : key.replace(from, to),
        value instanceof Map<?, ?> map ? replace((Map<String, Object>) map, from, to) : value));
    return result;
  }
}
