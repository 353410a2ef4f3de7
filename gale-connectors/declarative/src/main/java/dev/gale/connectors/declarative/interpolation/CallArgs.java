package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Binds the arguments of a call from a template to a Python-style parameter list, so that macros, filters and
 * methods accept positional and keyword arguments as their Python counterparts do ({@code day_delta(-1,
 * format='%Y-%m-%d')}). Jinjava hands keyword arguments of functions over as {@link NamedParameter} values.
 */
final class CallArgs {
  private final String function;
  private final List<String> names;
  private final Object[] values;
  private final boolean[] given;

  private CallArgs(String function, List<String> names) {
    this.function = function;
    this.names = names;
    this.values = new Object[names.size()];
    this.given = new boolean[names.size()];
  }

  /** Binds {@code args} (keyword ones as {@link NamedParameter}) to the parameters {@code names}. */
  static CallArgs bind(String function, List<String> names, Object[] args) {
    return bind(function, names, args == null ? List.of() : Arrays.asList(args), Map.of());
  }

  /** Binds positional {@code args} and keyword {@code kwargs} to the parameters {@code names}. */
  static CallArgs bind(String function, List<String> names, List<?> args, Map<String, ?> kwargs) {
    CallArgs bound = new CallArgs(function, names);
    int position = 0;
    for (Object arg : args) {
      if (arg instanceof NamedParameter named) {
        bound.put(named.getName(), named.getValue());
      } else {
        if (position >= names.size()) {
          throw new InterpolationException(function + "() takes at most " + names.size() + " argument(s)");
        }
        bound.values[position] = arg;
        bound.given[position++] = true;
      }
    }
    kwargs.forEach(bound::put);
    return bound;
  }

  private void put(String name, Object value) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new InterpolationException(function + "() got an unexpected keyword argument '" + name + "'");
    }
    if (given[index]) {
      throw new InterpolationException(function + "() got multiple values for argument '" + name + "'");
    }
    values[index] = value;
    given[index] = true;
  }

  /** A parameter that must be given. */
  Object required(int index) {
    if (!given[index]) {
      throw new InterpolationException(function + "() missing required argument '" + names.get(index) + "'");
    }
    return values[index];
  }

  /** A parameter with a default, which applies when it is not given (an explicit None stays None). */
  Object optional(int index, Object fallback) {
    return given[index] ? values[index] : fallback;
  }

  /** A text parameter that must be given and be a string. */
  String requiredString(int index) {
    Object value = required(index);
    if (!(value instanceof CharSequence text)) {
      throw new InterpolationException(function + "() argument '" + names.get(index) + "' must be a str, not "
          + PythonText.typeName(value));
    }
    return text.toString();
  }
}
