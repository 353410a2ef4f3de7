package dev.gale.connectors.declarative.testing;

import dev.gale.connectors.declarative.interpolation.Interpolation;
import dev.gale.connectors.declarative.interpolation.InterpolationException;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST-ONLY and TEMPORARY: a tiny stand-in for JinjavaInterpolation until it is merged into main. Understands
 * {@code {{ path }}} (dots, ['key'], [0]), {@code not}, {@code ==}, {@code !=}, {@code or} and literals. To be deleted
 * once the real implementation is available.
 */
public final class FakeInterpolation implements Interpolation {
  private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

  @Override
  public Object eval(String template, Map<String, ?> context) {
    Matcher whole = EXPRESSION.matcher(template.strip());
    if (whole.matches()) {
      Object value = expression(whole.group(1).strip(), context);
      return value instanceof String text ? literal(text) : value;
    }
    String rendered = render(template, context);
    return rendered.isEmpty() ? null : literal(rendered);
  }

  @Override
  public String render(String template, Map<String, ?> context) {
    Matcher matcher = EXPRESSION.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = expression(matcher.group(1).strip(), context);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : Values.pythonString(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  @Override
  public boolean isTrue(String condition, Map<String, ?> context) {
    Object value = eval(condition, context);
    if (value instanceof String text) {
      return !List.of("", "False", "false", "None", "0").contains(text);
    }
    return Values.truthy(value);
  }

  private static Object literal(String text) {
    if (text.matches("-?\\d+")) {
      return Long.parseLong(text);
    }
    if (text.matches("-?\\d+\\.\\d+")) {
      return Double.parseDouble(text);
    }
    if (text.equals("True") || text.equals("False")) {
      return Boolean.valueOf(text);
    }
    return text;
  }

  private static Object expression(String expression, Map<String, ?> context) {
    if (expression.contains(" or ")) {
      int at = expression.indexOf(" or ");
      Object left = expression(expression.substring(0, at).strip(), context);
      return Values.truthy(left) ? left : expression(expression.substring(at + 4).strip(), context);
    }
    for (String operator : List.of("==", "!=")) {
      int at = expression.indexOf(operator);
      if (at > 0) {
        Object left = expression(expression.substring(0, at).strip(), context);
        Object right = expression(expression.substring(at + 2).strip(), context);
        boolean equal = java.util.Objects.equals(normal(left), normal(right));
        return operator.equals("==") == equal;
      }
    }
    if (expression.startsWith("not ")) {
      return !Values.truthy(expression(expression.substring(4).strip(), context));
    }
    if (expression.matches("'[^']*'|\"[^\"]*\"")) {
      return expression.substring(1, expression.length() - 1);
    }
    if (expression.equals("True") || expression.equals("False")) {
      return Boolean.valueOf(expression);
    }
    if (expression.equals("None")) {
      return null;
    }
    if (expression.matches("-?\\d+(\\.\\d+)?")) {
      return literal(expression);
    }
    return path(expression, context);
  }

  private static Object normal(Object value) {
    return value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        ? (Object) number.longValue() : value;
  }

  private static Object path(String expression, Map<String, ?> context) {
    Matcher segment = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)|\\.([A-Za-z_][A-Za-z0-9_]*)|\\['([^']*)']|\\[\"([^\"]*)\"]"
        + "|\\[(\\d+)]").matcher(expression);
    Object current = null;
    int end = 0;
    boolean first = true;
    while (segment.find() && segment.start() == end) {
      end = segment.end();
      if (first) {
        current = context.get(segment.group(1));
        first = false;
        continue;
      }
      String key = segment.group(2) != null ? segment.group(2) : segment.group(3) != null ? segment.group(3)
          : segment.group(4);
      if (key != null) {
        current = current instanceof Map<?, ?> map ? map.get(key) : null;
      } else {
        int index = Integer.parseInt(segment.group(5));
        current = current instanceof List<?> list && index < list.size() ? list.get(index) : null;
      }
    }
    if (end != expression.length()) {
      throw new InterpolationException("the test interpolation does not understand " + expression);
    }
    return current;
  }
}
