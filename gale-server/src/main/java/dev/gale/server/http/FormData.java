package dev.gale.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code a=1&b=2} text, as query strings and form-encoded bodies spell it. */
final class FormData {
  private FormData() {}

  /** Each name with its first value: a form body names a field once. */
  static Map<String, String> parse(String raw) {
    Map<String, String> fields = new LinkedHashMap<>();
    parseAll(raw).forEach((name, values) -> fields.put(name, values.getFirst()));
    return fields;
  }

  /** Each name with all its values in order: a query may repeat a name ({@code workspaceIds=a&workspaceIds=b}). */
  static Map<String, List<String>> parseAll(String raw) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return fields;
    }
    try {
      for (String pair : raw.strip().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    } catch (IllegalArgumentException e) {
      // Never quote the text: a form body may hold a client secret.
      throw new BadRequestException("Malformed form-encoded text");
    }
    return fields;
  }
}
