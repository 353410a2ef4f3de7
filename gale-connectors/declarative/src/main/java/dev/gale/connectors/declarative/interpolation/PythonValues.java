package dev.gale.connectors.declarative.interpolation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's truth and ordering of the values templates handle. */
final class PythonValues {
  private PythonValues() {}

  /** Python's {@code bool(value)}. */
  static boolean isTruthy(Object value) {
    return switch (value) {
      case null -> false;
      case Boolean b -> b;
      case Double d -> d != 0;
      case Float f -> f != 0;
      case BigDecimal d -> d.signum() != 0;
      case BigInteger i -> i.signum() != 0;
      case Number n -> n.longValue() != 0;
      case CharSequence s -> !s.isEmpty();
      case Collection<?> c -> !c.isEmpty();
      case Map<?, ?> m -> !m.isEmpty();
      case IsoDuration d -> !(d.isTimedelta() && d.time().isZero());
      default -> true;
    };
  }

  /** Python's {@code ==}: numbers (bools among them) by value, anything else by equality. */
  static boolean isEqual(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(asNumber(a), asNumber(b)) == 0;
    }
    return java.util.Objects.equals(a, b);
  }

  /** Python's ordering: numbers (bools among them) with each other, texts, dates, datetimes, timedeltas, lists. */
  static int compare(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(asNumber(a), asNumber(b));
    }
    if (a instanceof CharSequence x && b instanceof CharSequence y) {
      return x.toString().compareTo(y.toString());
    }
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    if (a instanceof IsoDuration x && b instanceof IsoDuration y && x.isTimedelta() && y.isTimedelta()) {
      return x.time().compareTo(y.time());
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext() && j.hasNext()) {
        int order = compare(i.next(), j.next());
        if (order != 0) {
          return order;
        }
      }
      return Boolean.compare(i.hasNext(), j.hasNext());
    }
    throw new InterpolationException("'<' not supported between instances of '" + PythonText.typeName(a) + "' and '"
        + PythonText.typeName(b) + "'");
  }

  private static boolean isNumber(Object value) {
    return value instanceof Number || value instanceof Boolean;
  }

  private static Number asNumber(Object value) {
    return value instanceof Boolean b ? (b ? 1L : 0L) : (Number) value;
  }

  private static int compareNumbers(Number x, Number y) {
    boolean xFloat = x instanceof Double || x instanceof Float;
    boolean yFloat = y instanceof Double || y instanceof Float;
    if ((xFloat && !Double.isFinite(x.doubleValue())) || (yFloat && !Double.isFinite(y.doubleValue()))) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return toBigDecimal(x).compareTo(toBigDecimal(y));
  }

  private static BigDecimal toBigDecimal(Number n) {
    return switch (n) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Double d -> BigDecimal.valueOf(d);
      case Float f -> BigDecimal.valueOf(f);
      default -> BigDecimal.valueOf(n.longValue());
    };
  }
}
