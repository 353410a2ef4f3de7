package dev.gale.connectors.declarative.runtime;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.interpolation.InterpolationException;
import java.util.HashMap;
import java.util.Map;

/**
 * A string of a manifest that may be a Jinja template, with the {@code $parameters} of the component it belongs to.
 * Evaluated against a {@link Run}'s config plus the variables of the moment (response, stream slice, record...).
 * Evaluation always goes through the interpolation, which reads even plain text as a Python literal ({@code "100"} is
 * 100) as the CDK does; rendering plain text returns it as written.
 */
public record Template(String text, Map<String, Object> parameters) {

  public Template {
    requireNonNull(text, "text is null");
    parameters = parameters == null ? Map.of() : parameters;
  }

  public static Template of(String text, Map<String, Object> parameters) {
    return new Template(text, parameters);
  }

  public boolean isStatic() {
    return !text.contains("{{") && !text.contains("{%") && !text.contains("{#");
  }

  /** The value with its type kept (see {@code Interpolation.eval}); {@code null} when it renders to nothing. */
  public Object eval(Run run, Map<String, ?> variables) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return run.interpolation().eval(text, context(run, variables));
    } catch (InterpolationException e) {
      throw new TemplateException(text, e);
    }
  }

  /** The rendered text, empty when it renders to nothing. */
  public String render(Run run, Map<String, ?> variables) {
    if (isStatic()) {
      return text;
    }
    try {
      return run.interpolation().render(text, context(run, variables));
    } catch (InterpolationException e) {
      throw new TemplateException(text, e);
    }
  }

  /** The value as a string: what {@code str(eval(...))} gives in the CDK, {@code ""} for nothing. */
  public String evalString(Run run, Map<String, ?> variables) {
    Object value = eval(run, variables);
    return value == null ? "" : Values.pythonString(value);
  }

  public boolean isTrue(Run run, Map<String, ?> variables) {
    if (text.isEmpty()) {
      return false;
    }
    try {
      return run.interpolation().isTrue(text, context(run, variables));
    } catch (InterpolationException e) {
      throw new TemplateException(text, e);
    }
  }

  private Map<String, Object> context(Run run, Map<String, ?> variables) {
    Map<String, Object> context = new HashMap<>(variables.size() + 6);
    context.put("config", run.config());
    context.put("parameters", parameters);
    context.putAll(variables);
    // Airbyte's aliases: the stream slice is also reachable as the partition and as the interval.
    Object slice = context.get("stream_slice");
    if (slice != null) {
      context.putIfAbsent("stream_partition", slice);
      context.putIfAbsent("stream_interval", slice);
    }
    return context;
  }

  @Override
  public String toString() {
    return text;
  }
}
