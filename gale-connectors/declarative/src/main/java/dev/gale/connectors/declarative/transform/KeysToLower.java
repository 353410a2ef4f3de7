package dev.gale.connectors.declarative.transform;

import dev.gale.connectors.declarative.runtime.Run;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Lower-cases the record's top-level keys. */
public record KeysToLower() implements RecordTransformation {
  @Override
  public void transform(Run run, Map<String, Object> record, Map<String, Object> variables) {
    Map<String, Object> lowered = new LinkedHashMap<>();
    record.forEach((key, value) -> lowered.put(key.toLowerCase(Locale.ROOT), value));
    record.clear();
    record.putAll(lowered);
  }
}
