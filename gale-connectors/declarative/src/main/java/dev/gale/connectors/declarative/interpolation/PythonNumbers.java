package dev.gale.connectors.declarative.interpolation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** Python's {@code int()} and {@code float()} of a value, as Jinja's {@code int} and {@code float} filters use them. */
final class PythonNumbers {
  private static final Pattern INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*");
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:(?:\\d+(?:_\\d+)*)?\\.?\\d+(?:_\\d+)*|\\d+(?:_\\d+)*\\.)(?:[eE][+-]?\\d+(?:_\\d+)*)?");

  private PythonNumbers() {}

  /** Python's {@code float(value)}, or null where Python raises. */
  static Double toFloat(Object value) {
    return switch (value) {
      case Boolean b -> b ? 1.0 : 0.0;
      case Number n -> n.doubleValue();
      case CharSequence s -> parseFloat(s.toString().strip());
      case null, default -> null;
    };
  }

  private static Double parseFloat(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replaceFirst("^[+]", "");
    switch (lower) {
      case "inf", "infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan", "-nan" -> {
        return Double.NaN;
      }
      default -> {
        return FLOAT.matcher(text).matches() ? Double.parseDouble(text.replace("_", "")) : null;
      }
    }
  }

  /**
   * Jinja's int filter: Python's {@code int(text, base)} for text, else {@code int(value)}, falling back to
   * {@code int(float(value))}; null where all of these raise.
   */
  static Object toInt(Object value, int base) {
    return switch (value) {
      case Boolean b -> b ? 1L : 0L;
      case Long l -> l;
      case Integer i -> (long) i;
      case BigInteger i -> i;
      case Double d -> truncate(d);
      case Float f -> truncate(f);
      case BigDecimal d -> narrow(d.toBigInteger());
      case CharSequence s -> {
        String text = s.toString().strip();
        if (base == 10 && INT.matcher(text).matches()) {
          yield narrow(new BigInteger(text.replace("_", "")));
        }
        if (base != 10) {
          try {
            yield narrow(new BigInteger(text.replace("_", ""), base));
          } catch (NumberFormatException e) {
            yield null;
          }
        }
        Double d = parseFloat(text);
        yield d == null ? null : truncate(d);
      }
      case null, default -> null;
    };
  }

  private static Object truncate(double d) {
    return Double.isFinite(d) ? narrow(new BigDecimal(d).toBigInteger()) : null;
  }

  private static Object narrow(BigInteger value) {
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }
}
