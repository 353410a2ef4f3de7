package dev.gale.connectors.declarative.extract;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.HashMap;
import java.util.Map;

/** Keeps the records for which {@code condition} (over {@code record}, the slice, the state...) holds. */
public record RecordFilter(Template condition) {

  public boolean keeps(Run run, Map<String, Object> record, Map<String, Object> variables) {
    if (condition.text().isEmpty()) {
      return true;
    }
    Map<String, Object> context = new HashMap<>(variables);
    context.put("record", record);
    return condition.isTrue(run, context);
  }
}
