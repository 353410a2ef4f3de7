package dev.gale.connectors.declarative.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Paths into JSON values as Python's {@code dpath} reads them: each segment a key of an object or an index of a list;
 * with {@link #values}, segments may be globs ({@code *}, {@code ?}) that match any key or index.
 */
public final class Dpath {
  private Dpath() {}

  /** The value at an exact path, or empty when a segment is missing. */
  public static Optional<Object> get(Object data, List<String> path) {
    Object current = data;
    for (String segment : path) {
      Optional<Object> next = child(current, segment);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.of(current);
  }

  /** A path written as one string with {@code /} between segments ({@code data/id}), as a parent key is. */
  public static List<String> split(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** Every value whose path matches {@code glob}, in document order. */
  public static List<Object> values(Object data, List<String> glob) {
    List<Object> found = new ArrayList<>();
    collect(data, glob, 0, found);
    return found;
  }

  private static void collect(Object current, List<String> glob, int depth, List<Object> found) {
    if (depth == glob.size()) {
      found.add(current);
      return;
    }
    String segment = glob.get(depth);
    if (!segment.contains("*") && !segment.contains("?")) {
      child(current, segment).ifPresent(next -> collect(next, glob, depth + 1, found));
      return;
    }
    Pattern pattern = globPattern(segment);
    if (current instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (pattern.matcher(String.valueOf(entry.getKey())).matches()) {
          collect(entry.getValue(), glob, depth + 1, found);
        }
      }
    } else if (current instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (pattern.matcher(Integer.toString(i)).matches()) {
          collect(list.get(i), glob, depth + 1, found);
        }
      }
    }
  }

  // A missing key and a key holding null both end the path: dpath gives nothing to extract either way.
  private static Optional<Object> child(Object current, String segment) {
    if (current instanceof Map<?, ?> map) {
      return Optional.ofNullable(map.get(segment));
    }
    if (current instanceof List<?> list && segment.matches("-?\\d+")) {
      int index = Integer.parseInt(segment);
      if (index < 0) {
        index += list.size();
      }
      return index >= 0 && index < list.size() ? Optional.ofNullable(list.get(index)) : Optional.empty();
    }
    return Optional.empty();
  }

  private static Pattern globPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(switch (c) {
        case '*' -> ".*";
        case '?' -> ".";
        default -> Pattern.quote(String.valueOf(c));
      });
    }
    return Pattern.compile(regex.toString());
  }
}
