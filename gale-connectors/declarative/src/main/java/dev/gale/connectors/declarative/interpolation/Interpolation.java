package dev.gale.connectors.declarative.interpolation;

import java.time.Clock;
import java.util.Map;

/**
 * Evaluates the Jinja templates of a manifest as Airbyte's low-code CDK does. Thread-safe; one instance serves every
 * manifest.
 *
 * <p>A context maps Airbyte's names ({@code config}, {@code parameters}, {@code stream_state}, {@code stream_slice},
 * {@code stream_partition}, {@code stream_interval}, {@code next_page_token}, {@code response}, {@code headers},
 * {@code last_record}, {@code last_page_size}, {@code record} ...) to plain Java values: {@link Map} with
 * {@link String} keys, {@link java.util.List}, {@link String}, {@link Number}, {@link Boolean} or {@code null}, as
 * Jackson's {@code convertValue(node, Object.class)} makes them. As in the CDK, {@code stream_interval} and
 * {@code stream_partition} stand for {@code stream_slice} where the context does not give them. A name or key the
 * context lacks is undefined and prints nothing; it is not an error (newer CDKs refuse a top-level name missing from
 * the context, and {@code stream_state} altogether; older manifests rely on both, so both work here). Templates
 * cannot change the context's values.
 */
public interface Interpolation {

  /**
   * The value of {@code template} with its type kept, as Airbyte's {@code InterpolatedString.eval}: the rendered
   * text is read as a Python literal where it is one, so {@code "{{ 5 }}"} is a {@link Long} ({@link
   * java.math.BigInteger} past its range), {@code "{{ 1.5 }}"} a {@link Double}, {@code "{{ true }}"} a
   * {@link Boolean}, a rendered dict a {@link Map}, a list or tuple a {@link java.util.List} (so is {@code "1,2"}, a
   * tuple to Python) and a set a {@link java.util.Set}; anything else stays the rendered {@link String}. Text that
   * reads as a number with leading zeros ({@code "007"}) is not a Python literal and stays text. Text without
   * template markup is not rendered but is read the same way, as the CDK does: {@code "100"} is 100 and
   * {@code "True"} is true.
   *
   * <p>A template that renders to nothing, or to Python's None, gives {@code null}; that is where the CDK falls
   * back to a component's default. Where the CDK accepts only some types (request options take a string or a list,
   * {@code valid_types} in the CDK) and the value is of another, it uses the rendered text: call {@link #render} then.
   *
   * @throws InterpolationException when the template does not parse or fails to evaluate; its message names the
   *     template and the cause, never a value of the context
   */
  Object eval(String template, Map<String, ?> context);

  /**
   * The rendered text of {@code template}, without reading it as a literal; empty where it renders to nothing.
   * Values print as Python's {@code str()} ({@code True}, {@code ['a', 'b']}), except that None prints nothing. As
   * in Jinja, one trailing newline of the template is dropped and line breaks become {@code \n}.
   */
  String render(String template, Map<String, ?> context);

  /**
   * Whether {@code condition} holds, as Airbyte's {@code InterpolatedBoolean}: the value {@link #eval} gives is false
   * when it is {@code null} (nothing rendered, or None), {@code False}, 0, 0.0, an empty collection, or one of the
   * texts {@code "False"}, {@code "false"} (and the empty-collection texts), and true otherwise. (The CDK prints
   * None as text and so counts a None true; Jinjava cannot tell None from undefined, and here both are false.)
   */
  boolean isTrue(String condition, Map<String, ?> context);

  /**
   * This interpolation with {@code now_utc()} and the other date macros reading {@code clock}, so that a source's
   * templates tell the time by the source's clock, as its cursors do. The default suits an interpolation whose
   * templates never read the time: it is this one.
   */
  default Interpolation withClock(Clock clock) {
    return this;
  }
}
