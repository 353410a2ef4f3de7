package dev.gale.connectors.declarative.requester;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts one value into a request: as a query parameter, a header, a form field, or a JSON body field (at a nested
 * {@code field_path} if given). The field name may be a template over {@code config}.
 */
public record RequestOption(InjectInto injectInto, Template fieldName, List<Template> fieldPath) {

  public RequestOption {
    requireNonNull(injectInto, "injectInto is null");
    fieldPath = fieldPath == null ? List.of() : List.copyOf(fieldPath);
    if ((fieldName == null) == fieldPath.isEmpty()) {
      throw new IllegalArgumentException("a request option has a field_name or a field_path");
    }
  }

  /** Sets {@code value} in {@code parts}. */
  @SuppressWarnings("unchecked")
  public void inject(RequestParts parts, Object value, Run run) {
    Map<String, Object> target = parts.target(injectInto);
    if (fieldPath.isEmpty()) {
      target.put(fieldName.evalString(run, Map.of()), value);
      return;
    }
    Map<String, Object> current = target;
    for (int i = 0; i < fieldPath.size() - 1; i++) {
      current = (Map<String, Object>) current.computeIfAbsent(fieldPath.get(i).evalString(run, Map.of()),
          key -> new LinkedHashMap<String, Object>());
    }
    current.put(fieldPath.getLast().evalString(run, Map.of()), value);
  }

  /** The parts holding just this option's value. */
  public RequestParts parts(Object value, Run run) {
    RequestParts parts = new RequestParts();
    inject(parts, value, run);
    return parts;
  }
}
