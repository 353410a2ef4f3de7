package dev.gale.connectors.declarative.interpolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps} with its defaults ({@code ", "} and {@code ": "} separators, non-ASCII escaped), which
 * the CDK's {@code string} filter and Jinja's {@code tojson} print: the text must be Python's for a template to
 * render the bytes an Airbyte connector sends.
 */
final class PythonJson {
  private PythonJson() {}

  static String dumps(Object value, boolean sortKeys) {
    StringBuilder out = new StringBuilder();
    write(value, sortKeys, out);
    return out.toString();
  }

  private static void write(Object value, boolean sortKeys, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case Boolean b -> out.append(b ? "true" : "false");
      case CharSequence s -> quote(s.toString(), out);
      case Double d -> out.append(floatText(d));
      case Float f -> out.append(floatText(f));
      case BigDecimal d -> out.append(floatText(d.doubleValue()));
      case Number n -> out.append(n);
      case Map<?, ?> map -> {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        if (sortKeys) {
          entries.sort((a, b) -> PythonValues.compare(a.getKey(), b.getKey()));
        }
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          quote(keyText(entries.get(i).getKey()), out);
          out.append(": ");
          write(entries.get(i).getValue(), sortKeys, out);
        }
        out.append('}');
      }
      case Collection<?> items -> {
        out.append('[');
        int i = 0;
        for (Object item : items) {
          out.append(i++ == 0 ? "" : ", ");
          write(item, sortKeys, out);
        }
        out.append(']');
      }
      default -> throw new InterpolationException("Object of type " + PythonText.typeName(value)
          + " is not JSON serializable");
    }
  }

  /** JSON keys are texts; Python turns numbers, bools and None into their JSON spelling. */
  private static String keyText(Object key) {
    return switch (key) {
      case null -> "null";
      case CharSequence s -> s.toString();
      case Boolean b -> b ? "true" : "false";
      case Double d -> floatText(d);
      case Number n -> n.toString();
      default -> throw new InterpolationException("keys must be str, int, float, bool or None, not "
          + PythonText.typeName(key));
    };
  }

  private static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return PythonText.floatRepr(d);
  }

  /** A JSON string with {@code ensure_ascii}: everything outside printable ASCII as an escape. */
  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
