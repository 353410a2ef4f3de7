package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.ForLoop;
import java.beans.FeatureDescriptor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotWritableException;

/**
 * How templates reach into values, and the heart of the sandbox: instead of Jinjava's bean resolver, which lets a
 * template call any public Java method of any value, this resolver knows only what Python offers on the values a
 * context holds: keys of dicts, indexes of lists and strings, the fields of datetimes, and the methods of
 * {@link PythonMethods}. Nothing else is reachable, so there is no way to a class, a class loader or reflection, and
 * nothing can change a context value.
 */
final class SandboxResolver extends ELResolver {

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null) {
      return null; // names are Jinjava's to look up in the context
    }
    context.setPropertyResolved(true);
    return property(base, property);
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
    if (base == null || method == null) {
      return null;
    }
    context.setPropertyResolved(true);
    String name = method.toString();
    Object[] args = params == null ? new Object[0] : params;
    // Jinjava applies filters and tests by calling a method on them; these two are the only Java calls allowed.
    if (base instanceof Filter filter && name.equals("filter") && args.length == 4) {
      @SuppressWarnings("unchecked")
      Map<String, Object> kwargs = (Map<String, Object>) args[3];
      return filter.filter(args[0], (JinjavaInterpreter) args[1], (Object[]) args[2], kwargs);
    }
    if (base instanceof ExpTest test && args.length >= 2 && (name.equals("evaluate") || name.equals("evaluateNegated"))) {
      Object[] testArgs = Arrays.copyOfRange(args, 2, args.length);
      boolean result = test.evaluate(args[0], (JinjavaInterpreter) args[1], testArgs);
      return name.equals("evaluate") == result;
    }
    if (base instanceof ForLoop loop && name.equals("cycle")) {
      return loop.cycle(args);
    }
    return PythonMethods.invoke(base, name, args);
  }

  /** Jinja's attribute and item lookup: what is missing is undefined (null), never an error. */
  static Object property(Object base, Object property) {
    String name = String.valueOf(property);
    return switch (base) {
      case Map<?, ?> map -> mapValue(map, property, name);
      case List<?> list -> element(list, name);
      case CharSequence text -> character(text.toString(), name);
      case OffsetDateTime dt -> dateTimeField(dt, name);
      case LocalDate date -> dateField(date, name);
      case IsoDuration duration -> durationField(duration, name);
      case ForLoop loop -> loopField(loop, name);
      default -> null;
    };
  }

  private static Object mapValue(Map<?, ?> map, Object property, String name) {
    Object value = map.get(name);
    if (value != null || map.containsKey(name)) {
      return value;
    }
    // A dict written in the template may have int keys, which reach us as text.
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() != null && !(entry.getKey() instanceof String) && String.valueOf(entry.getKey()).equals(name)) {
        return entry.getValue();
      }
    }
    return property instanceof String ? null : map.get(property);
  }

  private static Object element(List<?> list, String index) {
    Integer i = index(index, list.size());
    return i == null ? null : list.get(i);
  }

  private static Object character(String text, String index) {
    Integer i = index(index, text.length());
    return i == null ? null : String.valueOf(text.charAt(i));
  }

  /** A Python index (negative ones count from the end) within {@code size}, or null. */
  private static Integer index(String text, int size) {
    try {
      long i = Long.parseLong(text);
      long resolved = i < 0 ? i + size : i;
      return resolved >= 0 && resolved < size ? (int) resolved : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object dateTimeField(OffsetDateTime dt, String name) {
    return switch (name) {
      case "year" -> (long) dt.getYear();
      case "month" -> (long) dt.getMonthValue();
      case "day" -> (long) dt.getDayOfMonth();
      case "hour" -> (long) dt.getHour();
      case "minute" -> (long) dt.getMinute();
      case "second" -> (long) dt.getSecond();
      case "microsecond" -> (long) (dt.getNano() / 1000);
      default -> null;
    };
  }

  private static Object dateField(LocalDate date, String name) {
    return switch (name) {
      case "year" -> (long) date.getYear();
      case "month" -> (long) date.getMonthValue();
      case "day" -> (long) date.getDayOfMonth();
      default -> null;
    };
  }

  private static Object durationField(IsoDuration duration, String name) {
    long micros = duration.time().toNanos() / 1000;
    long day = 86_400_000_000L;
    return switch (name) {
      case "days" -> Math.floorDiv(micros, day);
      case "seconds" -> Math.floorMod(micros, day) / 1_000_000;
      case "microseconds" -> Math.floorMod(micros, day) % 1_000_000;
      default -> null;
    };
  }

  private static Object loopField(ForLoop loop, String name) {
    return switch (name) {
      case "index" -> loop.getIndex();
      case "index0" -> loop.getIndex0();
      case "revindex" -> loop.getRevindex();
      case "revindex0" -> loop.getRevindex0();
      case "first" -> loop.isFirst();
      case "last" -> loop.isLast();
      case "length" -> loop.getLength();
      case "depth" -> loop.getDepth();
      case "depth0" -> loop.getDepth0();
      default -> null;
    };
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (base != null) {
      context.setPropertyResolved(true);
    }
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    throw new PropertyNotWritableException("templates cannot change values");
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (base != null) {
      context.setPropertyResolved(true);
    }
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return Object.class;
  }
}
