package dev.gale.connectors.declarative.interpolation;

import static java.util.Objects.requireNonNull;

import com.hubspot.jinjava.tree.Node;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Interpolation} on Jinjava, set up to behave as the Jinja environment of Airbyte's low-code CDK: the CDK's
 * macros and filters, Python's methods on values, Python's printing of values, and the CDK's reading of the printed
 * text as a Python literal. It is a sandbox: templates reach only what Python offers on context values, load
 * nothing, and run within limits of output size, loop iterations and regular-expression work.
 *
 * <p>Thread-safe. Parsed templates are cached (a bounded number); text without template markup skips the engine.
 */
public final class JinjavaInterpolation implements Interpolation {
  private static final int MAX_CACHED_TEMPLATES = 2048;
  private static final int MAX_TEMPLATE_IN_MESSAGE = 200;
  private static final int MAX_DETAIL_IN_MESSAGE = 300;
  private static final Set<String> FALSE_TEXTS = Set.of("False", "false", "{}", "[]", "()", "", "0", "0.0");

  private final SandboxedJinjava jinjava;
  private final Map<String, Object> parsed;
  private final Clock clock;

  public JinjavaInterpolation() {
    this(Clock.systemUTC());
  }

  /** With the clock that {@code now_utc()} and the other date macros read, for tests. */
  JinjavaInterpolation(Clock clock) {
    this(new SandboxedJinjava(), new ConcurrentHashMap<>(), clock);
  }

  private JinjavaInterpolation(SandboxedJinjava jinjava, Map<String, Object> parsed, Clock clock) {
    this.jinjava = jinjava;
    this.parsed = parsed;
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** This interpolation reading {@code clock}; it shares the engine and the cache of parsed templates. */
  @Override
  public JinjavaInterpolation withClock(Clock clock) {
    return new JinjavaInterpolation(jinjava, parsed, clock);
  }

  @Override
  public Object eval(String template, Map<String, ?> context) {
    String rendered = render(template, context);
    if (rendered.isEmpty()) {
      return null;
    }
    Object literal = PythonLiteral.read(rendered);
    return literal == PythonLiteral.NOT_LITERAL ? rendered : literal;
  }

  @Override
  public String render(String template, Map<String, ?> context) {
    requireNonNull(template, "template is null");
    requireNonNull(context, "context is null");
    String source = jinjaSource(template);
    if (!hasMarkup(source)) {
      return source;
    }
    try {
      return jinjava.render(parse(source), withAliases(context), clock);
    } catch (InterpolationException e) {
      throw new InterpolationException("Template '" + shortened(template, MAX_TEMPLATE_IN_MESSAGE) + "' failed: "
          + shortened(e.getMessage(), MAX_DETAIL_IN_MESSAGE));
    }
  }

  @Override
  public boolean isTrue(String condition, Map<String, ?> context) {
    Object value = eval(condition, context);
    return switch (value) {
      case null -> false;
      case Boolean b -> b;
      case String s -> !FALSE_TEXTS.contains(s);
      case Double d -> d != 0;
      case BigDecimal d -> d.signum() != 0;
      case BigInteger i -> i.signum() != 0;
      case Number n -> n.longValue() != 0;
      case Collection<?> c -> !c.isEmpty();
      case Map<?, ?> m -> !m.isEmpty();
      default -> true;
    };
  }

  /** The template as Jinja sees its source: newlines normalised, and one trailing newline dropped. */
  private static String jinjaSource(String template) {
    String source = template.indexOf('\r') < 0 ? template : template.replace("\r\n", "\n").replace('\r', '\n');
    return source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
  }

  private static boolean hasMarkup(String source) {
    return source.contains("{{") || source.contains("{%") || source.contains("{#");
  }

  /** A parsed template from the cache, or parsed now; a template that does not parse stays cached as its failure. */
  private Node parse(String source) {
    Object entry = parsed.get(source);
    if (entry == null) {
      try {
        entry = jinjava.parse(source);
      } catch (InterpolationException e) {
        entry = e;
      }
      if (parsed.size() >= MAX_CACHED_TEMPLATES) {
        parsed.keySet().stream().findAny().ifPresent(parsed::remove); // manifests have far fewer; this bounds abuse
      }
      parsed.put(source, entry);
    }
    if (entry instanceof InterpolationException failure) {
      throw failure;
    }
    return (Node) entry;
  }

  /** The CDK's names for the slice: stream_interval and stream_partition are stream_slice where not given. */
  private static Map<String, ?> withAliases(Map<String, ?> context) {
    Object slice = context.get("stream_slice");
    if (slice == null || (context.containsKey("stream_interval") && context.containsKey("stream_partition"))) {
      return context;
    }
    Map<String, Object> aliased = new java.util.HashMap<>(context);
    aliased.putIfAbsent("stream_interval", slice);
    aliased.putIfAbsent("stream_partition", slice);
    return aliased;
  }

  private static String shortened(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length) + "...";
  }
}
