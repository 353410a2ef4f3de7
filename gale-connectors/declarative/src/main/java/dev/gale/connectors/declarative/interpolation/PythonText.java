package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code str()} and {@code repr()} of the values templates handle, because Jinja prints values with
 * {@code str()} and the CDK then reads that text back as a Python literal: a list must print as
 * {@code ['a', 1, None]} and a bool as {@code True} for the round trip to give the same value.
 */
final class PythonText {
  private PythonText() {}

  /** Python's {@code str(value)}. */
  static String str(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof CharSequence || value instanceof SafeString) {
      return value.toString();
    }
    return repr(value);
  }

  /** Python's {@code repr(value)}: strings quoted, containers with their elements' repr. */
  static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    appendRepr(value, out);
    return out.toString();
  }

  /** The Python type name of a value, for messages that must not show the value itself. */
  static String typeName(Object value) {
    return switch (value) {
      case null -> "NoneType";
      case CharSequence s -> "str";
      case Boolean b -> "bool";
      case Double d -> "float";
      case Float f -> "float";
      case BigDecimal d -> "float";
      case Number n -> "int";
      case Map<?, ?> m -> "dict";
      case Set<?> s -> "set";
      case Collection<?> c -> "list";
      case OffsetDateTime dt -> "datetime";
      case LocalDate d -> "date";
      case IsoDuration d -> d.isTimedelta() ? "timedelta" : "Duration";
      default -> "object";
    };
  }

  private static void appendRepr(Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("None");
      case CharSequence s -> appendQuoted(s.toString(), out);
      case Boolean b -> out.append(b ? "True" : "False");
      case Double d -> out.append(floatRepr(d));
      case Float f -> out.append(floatRepr(f));
      case BigDecimal d -> out.append(floatRepr(d.doubleValue()));
      case Number n -> out.append(n);
      case Map<?, ?> map -> appendMap(map, out);
      case Set<?> set when set.isEmpty() -> out.append("set()");
      case Set<?> set -> appendElements(set.iterator(), '{', '}', out);
      case Collection<?> list -> appendElements(list.iterator(), '[', ']', out);
      case Object[] array -> appendElements(List.of(array).iterator(), '[', ']', out);
      case OffsetDateTime dateTime -> out.append(PythonDates.isoformat(dateTime, ' '));
      case LocalDate date -> out.append(PythonDates.isoformat(date));
      case IsoDuration duration -> out.append(duration);
      case Map.Entry<?, ?> pair ->
          appendElements(Arrays.asList(pair.getKey(), pair.getValue()).iterator(), '(', ')', out);
      case SafeString safe -> appendQuoted(safe.toString(), out);
      // Jinjava's own objects (the interpreter, loop state, macros) are nobody's business; Python would not show
      // them either.
      default -> out.append("<object>");
    }
  }

  private static void appendMap(Map<?, ?> map, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      appendRepr(entry.getKey(), out);
      out.append(": ");
      appendRepr(entry.getValue(), out);
    }
    out.append('}');
  }

  private static void appendElements(Iterator<?> elements, char open, char close, StringBuilder out) {
    out.append(open);
    while (elements.hasNext()) {
      appendRepr(elements.next(), out);
      if (elements.hasNext()) {
        out.append(", ");
      }
    }
    out.append(close);
  }

  /** Quotes as Python does: single quotes unless the text has one and no double quote. */
  private static void appendQuoted(String s, StringBuilder out) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    out.append(quote);
    s.codePoints().forEach(c -> {
      if (c == quote || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == ' ' || isPrintable(c)) {
        out.appendCodePoint(c);
      } else if (c <= 0xff) {
        out.append(String.format("\\x%02x", c));
      } else if (c <= 0xffff) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.append(String.format("\\U%08x", c));
      }
    });
    out.append(quote);
  }

  /** Python's {@code str.isprintable} for one character: no control, format, private, unassigned or space chars. */
  private static boolean isPrintable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that read back to the same double (Java's
   * {@link Double#toString} finds those too), written out plainly between 1e-4 and 1e16 and with an exponent
   * outside.
   */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    String sign = d < 0 ? "-" : "";
    BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int point = digits.length() - shortest.scale(); // where the decimal point falls among the digits
    if (point > -4 && point <= 16) {
      if (point <= 0) {
        return sign + "0." + "0".repeat(-point) + digits;
      }
      if (point >= digits.length()) {
        return sign + digits + "0".repeat(point - digits.length()) + ".0";
      }
      return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
    int exponent = point - 1;
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
  }
}
