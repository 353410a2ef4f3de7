package dev.gale.connectors.declarative.transform;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Airbyte's {@code RemoveFields}: deletes the fields at each pointer (segments may be globs: {@code *} for any key,
 * {@code **} for any depth); fields inside lists are reached but list items are not removed, as with {@code dpath}.
 * With a {@code condition} over {@code property} (the field's value), only fields for which it holds go.
 */
public record RemoveFields(List<List<String>> pointers, Template condition) implements RecordTransformation {

  public RemoveFields {
    pointers = pointers.stream().map(List::copyOf).toList();
  }

  @Override
  public void transform(Run run, Map<String, Object> record, Map<String, Object> variables) {
    for (List<String> pointer : pointers) {
      remove(run, record, pointer, 0);
    }
  }

  @SuppressWarnings("unchecked")
  private void remove(Run run, Object node, List<String> pointer, int depth) {
    if (depth >= pointer.size()) {
      return;
    }
    String segment = pointer.get(depth);
    if (segment.equals("**")) {
      remove(run, node, pointer, depth + 1);
      for (Object child : children(node)) {
        remove(run, child, pointer, depth);
      }
      return;
    }
    boolean last = depth == pointer.size() - 1;
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> fields = (Map<String, Object>) map;
      for (String key : new ArrayList<>(fields.keySet())) {
        if (!matches(segment, key)) {
          continue;
        }
        if (last) {
          if (keeps(run, fields.get(key))) {
            fields.remove(key);
          }
        } else {
          remove(run, fields.get(key), pointer, depth + 1);
        }
      }
    } else if (node instanceof List<?> list && !last) {
      for (int i = 0; i < list.size(); i++) {
        if (matches(segment, Integer.toString(i))) {
          remove(run, list.get(i), pointer, depth + 1);
        }
      }
    }
  }

  private boolean keeps(Run run, Object property) {
    if (condition == null || condition.text().isEmpty()) {
      return true;
    }
    Map<String, Object> context = new HashMap<>();
    context.put("property", property);
    return condition.isTrue(run, context);
  }

  private static List<Object> children(Object node) {
    if (node instanceof Map<?, ?> map) {
      return new ArrayList<>(map.values());
    }
    if (node instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return List.of();
  }

  private static boolean matches(String segment, String key) {
    if (!segment.contains("*") && !segment.contains("?")) {
      return segment.equals(key);
    }
    StringBuilder regex = new StringBuilder();
    for (char c : segment.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return key.matches(regex.toString());
  }
}
