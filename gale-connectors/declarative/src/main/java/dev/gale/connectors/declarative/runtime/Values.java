package dev.gale.connectors.declarative.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Python's view of plain values, where the CDK's behaviour depends on it: truth, {@code str()}, integers. */
public final class Values {
  private Values() {}

  /** Python's truth: {@code None}, {@code False}, zero, empty strings and empty collections are false. */
  public static boolean truthy(Object value) {
    return switch (value) {
      case null -> false;
      case Boolean bool -> bool;
      case Number number -> number.doubleValue() != 0;
      case String text -> !text.isEmpty();
      case Collection<?> collection -> !collection.isEmpty();
      case Map<?, ?> map -> !map.isEmpty();
      default -> true;
    };
  }

  /** What Python's {@code str()} gives for a plain value: {@code True}, {@code None}, {@code 1.0}, dicts as repr. */
  public static String pythonString(Object value) {
    return switch (value) {
      case null -> "None";
      case Boolean bool -> bool ? "True" : "False";
      case Double number when number == Math.rint(number) && !number.isInfinite() && Math.abs(number) < 1e16 ->
          BigDecimal.valueOf(number).setScale(1, java.math.RoundingMode.UNNECESSARY).toPlainString();
      case String text -> text;
      case Map<?, ?> map -> map.entrySet().stream()
          .map(entry -> repr(entry.getKey()) + ": " + repr(entry.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
      case List<?> list -> list.stream().map(Values::repr).collect(Collectors.joining(", ", "[", "]"));
      default -> value.toString();
    };
  }

  private static String repr(Object value) {
    return value instanceof String text ? "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
        : pythonString(value);
  }

  /** The value as a long when it is an integer or a string holding one. */
  public static Optional<Long> asLong(Object value) {
    return switch (value) {
      case Long number -> Optional.of(number);
      case Integer number -> Optional.of(number.longValue());
      case Short number -> Optional.of(number.longValue());
      case BigInteger number when number.bitLength() < 64 -> Optional.of(number.longValue());
      case String text -> {
        try {
          yield Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
          yield Optional.empty();
        }
      }
      case null, default -> Optional.empty();
    };
  }

  /** The value as a double when it is a number or a string holding one. */
  public static Optional<Double> asDouble(Object value) {
    return switch (value) {
      case Number number -> Optional.of(number.doubleValue());
      case String text -> {
        try {
          yield Optional.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
          yield Optional.empty();
        }
      }
      case null, default -> Optional.empty();
    };
  }
}
