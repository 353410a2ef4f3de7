package dev.gale.connectors.declarative.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The request's own headers, query parameters and JSON body, as the configuration gives them. Header and parameter
 * values are sent as text: a number or {@code true} as its JSON text, a parameter's list as the parameter repeated.
 *
 * @param params each value a {@code String} or a {@code List<String>}
 * @param body the JSON object to send, null values included; null when no body is sent
 */
record RequestValues(Map<String, String> headers, Map<String, Object> params, ObjectNode body) {
  // RFC 9110 token characters.
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  // The HTTP client sets these itself and would drop them.
  private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host",
      "upgrade");

  RequestValues {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The values of {@code config}, sent with {@code method}; problems are added to {@code problems}. */
  static RequestValues read(JsonNode config, String method, List<String> problems) {
    Map<String, String> headers = new LinkedHashMap<>();
    config.path(RestApiSpec.HEADERS.name()).properties().forEach(header -> {
      String name = header.getKey();
      String path = "headers." + name;
      if (!isHeaderName(name)) {
        problems.add("headers: '" + name + "' is not a valid header name");
      } else if (CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        problems.add(path + " cannot be set: the HTTP client sets it");
      }
      String value = text(header.getValue());
      if (value == null) {
        problems.add(path + " must be a string, a number, true or false");
      } else if (value.contains("\r") || value.contains("\n")) {
        problems.add(path + " must be one line");
      } else {
        headers.put(name, value);
      }
    });
    Map<String, Object> params = new LinkedHashMap<>();
    config.path(RestApiSpec.PARAMS.name()).properties().forEach(param -> {
      Object value = parameter(param.getValue());
      if (param.getKey().isEmpty()) {
        problems.add("params must not have a parameter with an empty name");
      } else if (value == null) {
        problems.add("params." + param.getKey() + " must be a string, a number, true or false, or a list of them");
      } else {
        params.put(param.getKey(), value);
      }
    });
    JsonNode body = config.get(RestApiSpec.BODY.name());
    if (body != null && !body.isNull() && !method.equals("POST")) {
      problems.add("body is sent with method POST only, and method is " + method);
    }
    return new RequestValues(headers, params, body instanceof ObjectNode object ? object.deepCopy() : null);
  }

  static boolean isHeaderName(String name) {
    return HEADER_NAME.matcher(name).matches();
  }

  private static Object parameter(JsonNode value) {
    if (!value.isArray()) {
      return text(value);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : value) {
      String text = text(item);
      if (text == null) {
        return null;
      }
      values.add(text);
    }
    return values;
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.isNumber() || value.isBoolean() ? value.toString() : null;
  }
}
