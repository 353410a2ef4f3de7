package dev.gale.connectors.declarative.interpolation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Python methods templates may call on values: those of {@code str}, {@code dict} and {@code list} that
 * manifests use ({@code config.get('k', default)}, {@code ','.join(...)}, {@code s.split(',')}...), and those of
 * the datetimes, dates and timedeltas that macros return ({@code now_utc().strftime(...)}). None of them changes
 * its value. Anything else fails as it would in Python, with the type named but never the value.
 */
final class PythonMethods {
  /** Longest text a method may build, so that {@code replace} cannot multiply a string without bound. */
  static final int MAX_TEXT = 4 * 1024 * 1024;

  private static final Object NO_SUCH_METHOD = new Object();

  private PythonMethods() {}

  static Object invoke(Object base, String name, Object[] args) {
    Object result = switch (base) {
      case CharSequence text -> stringMethod(text.toString(), name, args);
      case Map<?, ?> map -> dictMethod(map, name, args);
      case List<?> list -> listMethod(list, name, args);
      case OffsetDateTime dt -> dateTimeMethod(dt, name, args);
      case LocalDate date -> dateMethod(date, name, args);
      case IsoDuration duration when name.equals("total_seconds") -> {
        CallArgs.bind(name, List.of(), args);
        yield duration.totalSeconds();
      }
      default -> NO_SUCH_METHOD;
    };
    if (result == NO_SUCH_METHOD) {
      throw new InterpolationException("'" + PythonText.typeName(base) + "' object has no attribute '" + name + "'");
    }
    return result;
  }

  private static Object stringMethod(String s, String name, Object[] args) {
    return switch (name) {
      case "split" -> {
        CallArgs a = CallArgs.bind(name, List.of("sep", "maxsplit"), args);
        yield split(s, a.optional(0, null), toInt(a.optional(1, -1L)));
      }
      case "strip", "lstrip", "rstrip" -> {
        Object chars = CallArgs.bind(name, List.of("chars"), args).optional(0, null);
        yield strip(s, chars == null ? null : PythonText.str(chars), !name.equals("rstrip"), !name.equals("lstrip"));
      }
      case "replace" -> {
        CallArgs a = CallArgs.bind(name, List.of("old", "new", "count"), args);
        yield replace(s, a.requiredString(0), a.requiredString(1), toInt(a.optional(2, -1L)));
      }
      case "startswith", "endswith" -> {
        Object affix = CallArgs.bind(name, List.of("prefix"), args).required(0);
        List<?> options = affix instanceof Collection<?> c ? List.copyOf(c) : List.of(affix);
        yield options.stream().map(PythonText::str)
            .anyMatch(o -> name.equals("startswith") ? s.startsWith(o) : s.endsWith(o));
      }
      case "lower" -> noArgs(name, args, s.toLowerCase(Locale.ROOT));
      case "upper" -> noArgs(name, args, s.toUpperCase(Locale.ROOT));
      case "capitalize" -> noArgs(name, args,
          s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT));
      case "title" -> noArgs(name, args, title(s));
      case "join" -> join(s, CallArgs.bind(name, List.of("iterable"), args).required(0));
      case "find" -> (long) s.indexOf(CallArgs.bind(name, List.of("sub"), args).requiredString(0));
      case "count" -> count(s, CallArgs.bind(name, List.of("sub"), args).requiredString(0));
      case "isdigit" -> noArgs(name, args, !s.isEmpty() && s.chars().allMatch(Character::isDigit));
      case "isalpha" -> noArgs(name, args, !s.isEmpty() && s.chars().allMatch(Character::isLetter));
      case "isalnum" -> noArgs(name, args, !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit));
      default -> NO_SUCH_METHOD;
    };
  }

  private static Object dictMethod(Map<?, ?> map, String name, Object[] args) {
    return switch (name) {
      case "get" -> {
        CallArgs a = CallArgs.bind(name, List.of("key", "default"), args);
        Object key = a.required(0);
        yield map.containsKey(key) ? map.get(key) : a.optional(1, null);
      }
      case "items" -> noArgs(name, args, map.entrySet().stream()
          .map(e -> (Object) new ArrayList<>(java.util.Arrays.asList(e.getKey(), e.getValue()))).toList());
      case "keys" -> noArgs(name, args, new ArrayList<Object>(map.keySet()));
      case "values" -> noArgs(name, args, new ArrayList<Object>(map.values()));
      default -> NO_SUCH_METHOD;
    };
  }

  private static Object listMethod(List<?> list, String name, Object[] args) {
    return switch (name) {
      case "index" -> {
        Object x = CallArgs.bind(name, List.of("value"), args).required(0);
        for (int i = 0; i < list.size(); i++) {
          if (PythonValues.isEqual(list.get(i), x)) {
            yield (long) i;
          }
        }
        throw new InterpolationException("list.index(x): x not in list");
      }
      case "count" -> {
        Object x = CallArgs.bind(name, List.of("value"), args).required(0);
        yield list.stream().filter(e -> PythonValues.isEqual(e, x)).count();
      }
      default -> NO_SUCH_METHOD;
    };
  }

  private static Object dateTimeMethod(OffsetDateTime dt, String name, Object[] args) {
    return switch (name) {
      case "strftime" -> Strftime.format(dt, CallArgs.bind(name, List.of("format"), args).requiredString(0));
      case "isoformat" -> {
        String sep = PythonText.str(CallArgs.bind(name, List.of("sep"), args).optional(0, "T"));
        if (sep.length() != 1) {
          throw new InterpolationException("isoformat() argument 1 must be a unicode character");
        }
        yield PythonDates.isoformat(dt, sep.charAt(0));
      }
      case "timestamp" -> noArgs(name, args,
          java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, dt.toInstant()) / 1e6);
      case "date" -> noArgs(name, args, dt.toLocalDate());
      case "weekday" -> noArgs(name, args, (long) dt.getDayOfWeek().getValue() - 1);
      case "isoweekday" -> noArgs(name, args, (long) dt.getDayOfWeek().getValue());
      case "replace" -> {
        CallArgs a = CallArgs.bind(name,
            List.of("year", "month", "day", "hour", "minute", "second", "microsecond"), args);
        yield OffsetDateTime.of(toInt(a.optional(0, (long) dt.getYear())), toInt(a.optional(1, (long) dt.getMonthValue())),
            toInt(a.optional(2, (long) dt.getDayOfMonth())), toInt(a.optional(3, (long) dt.getHour())),
            toInt(a.optional(4, (long) dt.getMinute())), toInt(a.optional(5, (long) dt.getSecond())),
            toInt(a.optional(6, (long) dt.getNano() / 1000)) * 1000, dt.getOffset());
      }
      default -> NO_SUCH_METHOD;
    };
  }

  private static Object dateMethod(LocalDate date, String name, Object[] args) {
    return switch (name) {
      case "strftime" -> Strftime.format(date, CallArgs.bind(name, List.of("format"), args).requiredString(0));
      case "isoformat" -> noArgs(name, args, PythonDates.isoformat(date));
      case "weekday" -> noArgs(name, args, (long) date.getDayOfWeek().getValue() - 1);
      case "isoweekday" -> noArgs(name, args, (long) date.getDayOfWeek().getValue());
      case "replace" -> {
        CallArgs a = CallArgs.bind(name, List.of("year", "month", "day"), args);
        yield LocalDate.of(toInt(a.optional(0, (long) date.getYear())), toInt(a.optional(1, (long) date.getMonthValue())),
            toInt(a.optional(2, (long) date.getDayOfMonth())));
      }
      default -> NO_SUCH_METHOD;
    };
  }

  private static Object noArgs(String name, Object[] args, Object result) {
    CallArgs.bind(name, List.of(), args);
    return result;
  }

  /** Python's {@code str.split}: on runs of whitespace without a separator, else on each separator. */
  private static List<Object> split(String s, Object separator, int maxSplit) {
    List<Object> parts = new ArrayList<>();
    if (separator == null) {
      int i = 0;
      while (i < s.length()) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i == s.length()) {
          break;
        }
        if (maxSplit >= 0 && parts.size() == maxSplit) {
          parts.add(strip(s.substring(i), null, false, true));
          break;
        }
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        parts.add(s.substring(start, i));
      }
      return parts;
    }
    String sep = PythonText.str(separator);
    if (sep.isEmpty()) {
      throw new InterpolationException("empty separator");
    }
    int start = 0;
    int at;
    while ((maxSplit < 0 || parts.size() < maxSplit) && (at = s.indexOf(sep, start)) >= 0) {
      parts.add(s.substring(start, at));
      start = at + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
  }

  static String strip(String s, String chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && stripped(s.charAt(start), chars)) {
      start++;
    }
    while (right && end > start && stripped(s.charAt(end - 1), chars)) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean stripped(char c, String chars) {
    return chars == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : chars.indexOf(c) >= 0;
  }

  /** Python's {@code str.replace}, refusing results longer than {@link #MAX_TEXT}. */
  static String replace(String s, String old, String replacement, int count) {
    long occurrences = old.isEmpty() ? s.length() + 1 : count(s, old);
    long limit = count < 0 ? occurrences : Math.min(count, occurrences);
    if (s.length() + limit * (replacement.length() - (long) old.length()) > MAX_TEXT) {
      throw new InterpolationException("replace() would make a text longer than " + MAX_TEXT + " characters");
    }
    if (old.isEmpty()) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i <= s.length(); i++) {
        if (i < limit) {
          out.append(replacement);
        }
        if (i < s.length()) {
          out.append(s.charAt(i));
        }
      }
      return out.toString();
    }
    StringBuilder out = new StringBuilder();
    int start = 0;
    int at;
    for (int done = 0; done < limit && (at = s.indexOf(old, start)) >= 0; done++) {
      out.append(s, start, at).append(replacement);
      start = at + old.length();
    }
    return out.append(s, start, s.length()).toString();
  }

  private static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.length() + 1L;
    }
    long n = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      n++;
    }
    return n;
  }

  /** Python's {@code str.join}: every item must be a str. */
  static String join(String separator, Object iterable) {
    Collection<?> items = switch (iterable) {
      case Collection<?> c -> c;
      case Map<?, ?> m -> m.keySet();
      case CharSequence text -> text.toString().codePoints().mapToObj(Character::toString).toList();
      case null, default -> throw new InterpolationException("can only join an iterable, not "
          + PythonText.typeName(iterable));
    };
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (Object item : items) {
      if (!(item instanceof CharSequence)) {
        throw new InterpolationException("sequence item " + i + ": expected str instance, "
            + PythonText.typeName(item) + " found");
      }
      if (i++ > 0) {
        out.append(separator);
      }
      out.append(item);
      if (out.length() > MAX_TEXT) {
        throw new InterpolationException("join() would make a text longer than " + MAX_TEXT + " characters");
      }
    }
    return out.toString();
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
      inWord = Character.isLetter(c);
    }
    return out.toString();
  }

  private static int toInt(Object value) {
    if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)
        && n.longValue() == (int) n.longValue()) {
      return (int) n.longValue();
    }
    throw new InterpolationException("an integer is required, not " + PythonText.typeName(value));
  }
}
