package dev.gale.connectors.declarative.interpolation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The global functions Airbyte's CDK adds to Jinja, with the CDK's behaviour: {@code now_utc()} is an aware UTC
 * datetime, {@code today_utc()} a date, {@code duration()} a timedelta usable in arithmetic with both, and
 * {@code format_datetime} formats datetimes with strftime but strings and ints with the CDK's epoch-aware formatter.
 *
 * <p>Jinjava calls them as static EL functions; each takes its arguments as Python does, keywords included. Their
 * names are Python's, hence the underscores.
 */
@SuppressWarnings({"checkstyle:MethodName", "unused"})
final class Macros {
  private Macros() {}

  /** The methods to register, by the name templates call them with. */
  static Map<String, Method> all() {
    Map<String, Method> macros = new HashMap<>();
    for (Method method : Macros.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
        method.setAccessible(true); // EL invokes them reflectively, and this class is not public
        macros.put(method.getName(), method);
      }
    }
    return Map.copyOf(macros);
  }

  public static Object now_utc(Object... args) {
    CallArgs.bind("now_utc", List.of(), args);
    return now();
  }

  public static Object today_utc(Object... args) {
    CallArgs.bind("today_utc", List.of(), args);
    return now().toLocalDate();
  }

  public static Object today_with_timezone(Object... args) {
    String zone = CallArgs.bind("today_with_timezone", List.of("timezone"), args).requiredString(0);
    try {
      return LocalDate.now(SandboxInterpreter.current().clock().withZone(ZoneId.of(zone)));
    } catch (DateTimeException e) {
      throw new InterpolationException("today_with_timezone(): unknown time zone '" + zone + "'");
    }
  }

  /** A number truncated to an int; a text parsed as ISO 8601 to its epoch seconds as a float. */
  public static Object timestamp(Object... args) {
    Object value = CallArgs.bind("timestamp", List.of("dt"), args).required(0);
    return switch (value) {
      case Boolean b -> b ? 1L : 0L;
      case Double d -> BigDecimal.valueOf(d).toBigInteger().longValue();
      case BigDecimal d -> d.toBigInteger().longValue();
      case Number n -> n.longValue();
      case OffsetDateTime dt -> epochSeconds(dt);
      case CharSequence s -> epochSeconds(PythonDates.strToDatetime(s.toString()));
      default -> throw new InterpolationException("timestamp() cannot convert a " + PythonText.typeName(value));
    };
  }

  public static Object str_to_datetime(Object... args) {
    return PythonDates.strToDatetime(CallArgs.bind("str_to_datetime", List.of("s"), args).requiredString(0));
  }

  public static Object max(Object... args) {
    return extreme("max", args, 1);
  }

  public static Object min(Object... args) {
    return extreme("min", args, -1);
  }

  /** Now plus some days, formatted; the default format is the CDK's, microseconds and a +0000 offset included. */
  public static Object day_delta(Object... args) {
    CallArgs bound = CallArgs.bind("day_delta", List.of("num_days", "format"), args);
    Object days = bound.required(0);
    if (!(days instanceof Number number)) {
      throw new InterpolationException("day_delta() num_days must be a number, not " + PythonText.typeName(days));
    }
    long micros = new BigDecimal(number.toString()).multiply(BigDecimal.valueOf(86_400_000_000L)).longValue();
    String format = PythonText.str(bound.optional(1, "%Y-%m-%dT%H:%M:%S.%f%z"));
    return Strftime.format(now().plus(micros, ChronoUnit.MICROS), format);
  }

  public static Object duration(Object... args) {
    return IsoDuration.parse(CallArgs.bind("duration", List.of("datestring"), args).requiredString(0));
  }

  /**
   * As the CDK: a datetime is formatted by strftime alone; an int is read with {@code input_format} (epoch seconds
   * by default) and a text with strptime or, without {@code input_format}, as ISO 8601; both are then formatted by
   * the CDK's formatter, which knows the epoch formats.
   */
  public static Object format_datetime(Object... args) {
    CallArgs bound = CallArgs.bind("format_datetime", List.of("dt", "format", "input_format"), args);
    Object dt = bound.required(0);
    String format = bound.requiredString(1);
    Object inputFormat = bound.optional(2, null);
    if (dt instanceof OffsetDateTime dateTime) {
      return Strftime.format(dateTime, format);
    }
    if (dt instanceof LocalDate date) { // Python would refuse a date here; formatting it as midnight is kinder
      return Strftime.format(date, format);
    }
    OffsetDateTime parsed;
    if (dt instanceof Long || dt instanceof Integer || dt instanceof BigInteger) {
      parsed = PythonDates.parse(dt, inputFormat == null ? "%s" : PythonText.str(inputFormat));
    } else if (inputFormat != null) {
      parsed = Strftime.parse(PythonText.str(dt), PythonText.str(inputFormat)).orUtc();
    } else {
      parsed = PythonDates.strToDatetime(PythonText.str(dt));
    }
    return PythonDates.format(parsed, format);
  }

  public static Object sanitize_url(Object... args) {
    return UrlQuoting.quotePlus(CallArgs.bind("sanitize_url", List.of("value"), args).requiredString(0));
  }

  public static Object camel_case_to_snake_case(Object... args) {
    String value = CallArgs.bind("camel_case_to_snake_case", List.of("value"), args).requiredString(0);
    return value.replaceAll("(?<!^)(?=[A-Z])", "_").toLowerCase(Locale.ROOT);
  }

  public static Object generate_uuid(Object... args) {
    CallArgs.bind("generate_uuid", List.of(), args);
    return UUID.randomUUID().toString();
  }

  /** Python's datetime has microseconds; the clock may have more. */
  private static OffsetDateTime now() {
    return OffsetDateTime.now(SandboxInterpreter.current().clock().withZone(ZoneOffset.UTC))
        .truncatedTo(ChronoUnit.MICROS);
  }

  private static double epochSeconds(OffsetDateTime dt) {
    return ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), dt) / 1e6;
  }

  /** Python's max and min: of one iterable argument's items, or of all the arguments; the first extreme wins. */
  private static Object extreme(String name, Object[] args, int direction) {
    Collection<?> candidates = args.length == 1 && args[0] instanceof Collection<?> items ? items
        : args.length == 1 && args[0] instanceof Map<?, ?> map ? map.keySet()
        : Arrays.asList(args);
    if (args.length == 0 || candidates.isEmpty()) {
      throw new InterpolationException(name + "() arg is an empty sequence");
    }
    Object best = null;
    boolean first = true;
    for (Object candidate : new ArrayList<>(candidates)) {
      if (first || PythonValues.compare(candidate, best) * direction > 0) {
        best = candidate;
        first = false;
      }
    }
    return best;
  }
}
