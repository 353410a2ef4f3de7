package dev.gale.connectors.declarative.interpolation;

import java.util.Map;

/**
 * Evaluates the Jinja templates of a manifest as Airbyte's low-code CDK does. Thread-safe; one instance serves every
 * manifest.
 *
 * <p>A context maps Airbyte's names ({@code config}, {@code parameters}, {@code stream_state}, {@code stream_slice},
 * {@code stream_partition}, {@code stream_interval}, {@code next_page_token}, {@code response}, {@code headers},
 * {@code last_record}, {@code last_page_size}, {@code record} ...) to plain Java values: {@link Map} with
 * {@link String} keys, {@link java.util.List}, {@link String}, {@link Number}, {@link Boolean} or {@code null}, as
 * Jackson's {@code convertValue(node, Object.class)} makes them.
 */
public interface Interpolation {

  /**
   * The value of {@code template} with its type kept, as Airbyte's {@code InterpolatedString.eval}: the rendered
   * text is read as a Python literal where it is one, so {@code "{{ 5 }}"} is a {@link Long}, {@code "{{ 1.5 }}"} a
   * {@link Double}, {@code "{{ true }}"} a {@link Boolean}, a rendered dict a {@link Map} and a list a
   * {@link java.util.List}; anything else stays the rendered {@link String}. A template that renders to nothing
   * gives {@code null}. Text without template markup comes back unchanged.
   *
   * @throws InterpolationException when the template does not parse or fails to evaluate; its message names the
   *     template and the cause, never a value of the context
   */
  Object eval(String template, Map<String, ?> context);

  /** The rendered text of {@code template}, without reading it as a literal; empty where it renders to nothing. */
  String render(String template, Map<String, ?> context);

  /**
   * Whether {@code condition} holds, as Airbyte's {@code InterpolatedBoolean}: the rendered value is false when it
   * is empty, {@code False}/{@code false}, {@code None}, 0, or an empty collection, and true otherwise.
   */
  boolean isTrue(String condition, Map<String, ?> context);
}
