package dev.gale.connectors.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Manifests can come from any user of a shared server: a template must not reach Java, the disk or the network,
 * change what it is given, or use unbounded memory or time.
 */
class JinjaSandboxTest {
  private static final String SECRET = "sk-live-SECRET-0042";

  private final JinjavaInterpolation jinja = new JinjavaInterpolation();

  private Map<String, Object> context() {
    Map<String, Object> config = new HashMap<>();
    config.put("api_key", SECRET);
    config.put("items", List.of("a", "b"));
    Map<String, Object> context = new HashMap<>();
    context.put("config", config);
    return context;
  }

  private Object eval(String template) {
    return jinja.eval(template, context());
  }

  @Test
  void javaClassesAndReflectionAreOutOfReach() {
    assertThatThrownBy(() -> eval("{{ ''.getClass() }}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'str' object has no attribute 'getClass'");
    assertThatThrownBy(() -> eval("{{ config.getClass().forName('java.lang.Runtime') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("'dict' object has no attribute 'getClass'");
    assertThatThrownBy(() -> eval("{{ config.items.getClass() }}")).isInstanceOf(InterpolationException.class);
    assertThat(eval("{{ config.class }}")).isNull();
    assertThat(eval("{{ ''.class }}")).isNull();
    assertThat(eval("{{ ''.__class__.__mro__ }}")).isNull();
    assertThat(eval("{{ now_utc().class }}")).isNull();
  }

  @Test
  void javaMethodsOfValuesCannotBeCalled() {
    assertThatThrownBy(() -> eval("{{ 'abc'.repeat(100000000) }}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'str' object has no attribute 'repeat'");
    assertThatThrownBy(() -> eval("{{ 'abc'.getBytes() }}")).isInstanceOf(InterpolationException.class);
    assertThatThrownBy(() -> eval("{{ config.entrySet() }}")).isInstanceOf(InterpolationException.class);
    assertThatThrownBy(() -> eval("{{ now_utc().toInstant() }}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'datetime' object has no attribute 'toInstant'");
  }

  @Test
  void jinjavasInterpreterIsOpaque() {
    assertThat(eval("{{ ____int3rpr3t3r____ }}")).isEqualTo("<object>");
    assertThat(eval("{{ ____int3rpr3t3r____.config }}")).isNull();
    assertThatThrownBy(() -> eval("{{ ____int3rpr3t3r____.getContext() }}"))
        .isInstanceOf(InterpolationException.class);
  }

  @Test
  void templatesCannotChangeTheirContext() {
    List<Object> items = new ArrayList<>(List.of("a", "b"));
    Map<String, Object> config = new HashMap<>(Map.of("api_key", SECRET, "items", items));
    Map<String, Object> context = new HashMap<>(Map.of("config", config));
    assertThatThrownBy(() -> jinja.eval("{{ config.put('api_key', 'x') }}", context))
        .isInstanceOf(InterpolationException.class);
    assertThatThrownBy(() -> jinja.eval("{{ config.clear() }}", context)).isInstanceOf(InterpolationException.class);
    assertThatThrownBy(() -> jinja.eval("{{ config['items'].append('c') }}", context))
        .isInstanceOf(InterpolationException.class);
    assertThatThrownBy(() -> jinja.eval("{% do config.update({}) %}", context))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("'do' is disabled");
    jinja.eval("{% set config = {} %}{% set items = [] %}", context);
    assertThat(context).isEqualTo(Map.of("config", config));
    assertThat(config).isEqualTo(Map.of("api_key", SECRET, "items", List.of("a", "b")));
  }

  @Test
  void noTemplateIsLoadedFromAnywhere() {
    assertThatThrownBy(() -> eval("{% include '/etc/passwd' %}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'include' is disabled");
    assertThatThrownBy(() -> eval("{% import 'macros.j2' as m %}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'import' is disabled");
    assertThatThrownBy(() -> eval("{% from 'macros.j2' import m %}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'from' is disabled");
    assertThatThrownBy(() -> eval("{% extends 'https://example.com/base.j2' %}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("'extends' is disabled");
  }

  @Test
  void functionsAndFiltersBeyondTheCdksAreNotThere() {
    assertThatThrownBy(() -> eval("{{ range(100000000) }}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("Could not resolve function 'range'");
    assertThatThrownBy(() -> eval("{{ 'x' | center(2000000000) }}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'center' is disabled");
    assertThatThrownBy(() -> eval("{{ '!!python/object' | fromyaml }}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'fromyaml' is disabled");
    assertThatThrownBy(() -> eval("{{ '{{ config }}' | render }}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("'render' is disabled");
  }

  @Test
  void outputIsBounded() {
    Map<String, Object> context = Map.of("big", "x".repeat(1_000_000), "ten", Collections.nCopies(10, 1L));
    assertThatThrownBy(() -> jinja.render("{% for i in ten %}{{ big }}{% endfor %}", context))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("longer than");
    assertThatThrownBy(() -> jinja.render(
        "{% set s = 'xx' %}{% for i in ten + ten + ten %}{% set s = s ~ s %}{% endfor %}{{ s | length }}", context))
        .isInstanceOf(InterpolationException.class);
    assertThatThrownBy(() -> jinja.render("{{ big.replace('x', big) }}", context))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("replace() would make a text longer");
  }

  @Test
  @Timeout(10)
  void loopsAreBounded() {
    Map<String, Object> context = Map.of("thousand", Collections.nCopies(1000, 1L));
    assertThatThrownBy(() -> jinja.render(
        "{% for a in thousand %}{% for b in thousand %}{% endfor %}{% endfor %}", context))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("too many loop iterations");
    assertThat(jinja.render("{% for a in thousand %}{% endfor %}done", context)).isEqualTo("done");
  }

  @Test
  @Timeout(10)
  void recursionIsBounded() {
    assertThat(jinja.render("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}end", Map.of())).isEqualTo("end");
  }

  @Test
  @Timeout(10)
  void aCatastrophicRegularExpressionGivesUp() {
    // Seconds of backtracking for Java's engine on 25 characters, growing as the 12th power of the length.
    Map<String, Object> context = Map.of("text", "a".repeat(40) + "!");
    long start = System.nanoTime();
    assertThatThrownBy(() -> jinja.render("{{ text | regex_search('(.*a){12}$') }}", context))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("regular expression takes too long");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void errorsNameTheTemplateButNeverAContextValue() {
    assertThatThrownBy(() -> eval("{{ config.api_key - 1 }}"))
        .isInstanceOf(InterpolationException.class)
        .hasMessageContaining("{{ config.api_key - 1 }}")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    assertThatThrownBy(() -> eval("{{ config.api_key | int + [] }}"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    assertThatThrownBy(() -> eval("{{ format_datetime(config.api_key, '%Y') }}"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    assertThatThrownBy(() -> eval("{{ max(config.api_key, 1) }}"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }
}
