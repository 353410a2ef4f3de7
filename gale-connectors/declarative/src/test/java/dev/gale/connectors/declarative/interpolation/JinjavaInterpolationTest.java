package dev.gale.connectors.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of {@link Interpolation}: typed results, conditions, undefined names, errors and threads. */
class JinjavaInterpolationTest {
  private final Interpolation jinja = new JinjavaInterpolation();

  private static Map<String, Object> context() {
    Map<String, Object> config = new HashMap<>();
    config.put("page_size", 100L);
    config.put("ratio", 0.25);
    config.put("enabled", true);
    config.put("zip", "007");
    config.put("id", "123");
    config.put("name", "gale");
    config.put("tags", List.of("x", "y"));
    config.put("filters", Map.of("status", "open"));
    config.put("nothing", null);
    return Map.of("config", config);
  }

  private Object eval(String template) {
    return jinja.eval(template, context());
  }

  @Test
  void evalKeepsTheTypeOfWhatTheTemplatePrints() {
    assertThat(eval("{{ 5 }}")).isEqualTo(5L);
    assertThat(eval("{{ config.page_size }}")).isEqualTo(100L);
    assertThat(eval("{{ config.ratio }}")).isEqualTo(0.25);
    assertThat(eval("{{ 1.5 }}")).isEqualTo(1.5);
    assertThat(eval("{{ true }}")).isEqualTo(true);
    assertThat(eval("{{ config.enabled }}")).isEqualTo(true);
    assertThat(eval("{{ config.tags }}")).isEqualTo(List.of("x", "y"));
    assertThat(eval("{{ config.filters }}")).isEqualTo(Map.of("status", "open"));
    assertThat(eval("{{ config.name }}")).isEqualTo("gale");
    assertThat(eval("page-{{ config.page_size }}")).isEqualTo("page-100");
  }

  @Test
  void textThatReadsAsANumberBecomesOneExceptWithLeadingZeros() {
    assertThat(eval("{{ config.id }}")).isEqualTo(123L);
    assertThat(eval("{{ config.zip }}")).isEqualTo("007");
    assertThat(eval("{{ '2024-01-01' }}")).isEqualTo("2024-01-01");
    assertThat(eval("{{ \"'quoted'\" }}")).isEqualTo("quoted");
    assertThat(eval("{{ config.id }},{{ config.page_size }}")).isEqualTo(List.of(123L, 100L));
  }

  @Test
  void nothingRenderedIsNull() {
    assertThat(eval("{{ None }}")).isNull();
    assertThat(eval("{{ config.nothing }}")).isNull();
    assertThat(eval("{{ config.missing }}")).isNull();
    assertThat(eval("{% if false %}x{% endif %}")).isNull();
    assertThat(eval("  {{ config.missing }}")).isEqualTo("  ");
  }

  @Test
  void textWithoutMarkupIsReadAsTheCdkReadsIt() {
    assertThat(eval("https://api.example.com/v1/items")).isEqualTo("https://api.example.com/v1/items");
    assertThat(eval("a{b}c")).isEqualTo("a{b}c");
    assertThat(eval("hello")).isEqualTo("hello");
    assertThat(eval("100")).isEqualTo(100L);
    assertThat(eval("True")).isEqualTo(true);
    assertThat(eval("true")).isEqualTo("true");
    assertThat(eval("007")).isEqualTo("007");
    assertThat(eval("")).isNull();
  }

  @Test
  void theSourceIsReadAsJinjaReadsIt() {
    assertThat(jinja.render("line\n", Map.of())).isEqualTo("line");
    assertThat(jinja.render("line\n\n", Map.of())).isEqualTo("line\n");
    assertThat(jinja.render("a\r\nb{{ 1 }}\r\n", Map.of())).isEqualTo("a\nb1");
    assertThat(eval("{\"size\": {{ config.page_size }}}\n")).isEqualTo(Map.of("size", 100L));
  }

  @Test
  void renderGivesTheTextAsPrinted() {
    assertThat(jinja.render("{{ config.page_size }}", context())).isEqualTo("100");
    assertThat(jinja.render("{{ config.tags }}", context())).isEqualTo("['x', 'y']");
    assertThat(jinja.render("{{ config.enabled }}", context())).isEqualTo("True");
    assertThat(jinja.render("{{ config.missing }}", context())).isEmpty();
    assertThat(jinja.render("plain", context())).isEqualTo("plain");
  }

  @Test
  void isTrueFollowsInterpolatedBoolean() {
    for (String falsy : List.of("", "{{ False }}", "{{ false }}", "{{ 'false' }}", "{{ 'False' }}", "{{ 0 }}",
        "{{ 0.0 }}", "{{ '0' }}", "{{ [] }}", "{{ {} }}", "{{ () }}", "{{ config.missing }}", "{{ None }}",
        "{{ config.page_size > 100 }}", "False", "false")) {
      assertThat(jinja.isTrue(falsy, context())).as(falsy).isFalse();
    }
    for (String truthy : List.of("{{ True }}", "{{ 'no' }}", "{{ 1 }}", "{{ -1 }}", "{{ [0] }}", "{{ config.tags }}",
        "{{ config.page_size == 100 }}", "{{ 'FALSE' }}", "yes")) {
      assertThat(jinja.isTrue(truthy, context())).as(truthy).isTrue();
    }
  }

  @Test
  void undefinedNamesAreEmptyNotErrors() {
    assertThat(eval("{{ undefined_name }}")).isNull();
    assertThat(eval("a{{ undefined_name }}b")).isEqualTo("ab");
    assertThat(eval("{{ undefined_name.field.deeper }}")).isNull();
    assertThat(eval("{{ undefined_name['key'] }}")).isNull();
    assertThat(eval("{{ config.missing.get('x') }}")).isNull();
    assertThat(eval("{{ undefined_name is defined }}")).isEqualTo(false);
  }

  @Test
  void streamIntervalAndStreamPartitionAreTheSliceAsInTheCdk() {
    Map<String, Object> slice = Map.of("start_time", "2024-01-01", "parent_id", "p1");
    assertThat(jinja.eval("{{ stream_interval.start_time }}/{{ stream_partition.parent_id }}",
        Map.of("stream_slice", slice))).isEqualTo("2024-01-01/p1");
    assertThat(jinja.eval("{{ stream_partition.parent_id }}",
        Map.of("stream_slice", slice, "stream_partition", Map.of("parent_id", "own")))).isEqualTo("own");
    assertThat(jinja.eval("{{ stream_state.updated_at }}", Map.of("stream_state", Map.of("updated_at", "t"))))
        .isEqualTo("t");
  }

  @Test
  void aTemplateThatDoesNotParseFailsNamingTheTemplate() {
    assertThatThrownBy(() -> eval("{{ config.page_size + }}")).isInstanceOf(InterpolationException.class)
        .hasMessageStartingWith("Template '{{ config.page_size + }}' failed: ");
    assertThatThrownBy(() -> eval("{% if config.enabled %}never closed")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("Missing end tag");
    assertThatThrownBy(() -> eval("{{ config.name")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("Unclosed");
    assertThatThrownBy(() -> eval("{% endif %}")).isInstanceOf(InterpolationException.class);
    assertThatThrownBy(() -> eval("{% frobnicate %}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("Unknown tag: frobnicate");
    assertThatThrownBy(() -> eval("{{ nope(1) }}")).isInstanceOf(InterpolationException.class)
        .hasMessageContaining("Could not resolve function 'nope'");
    // The failure is remembered with the parsed templates and comes back the same.
    assertThatThrownBy(() -> eval("{{ config.page_size + }}")).hasMessageStartingWith("Template '{{ config.page_size + }}'");
  }

  @Test
  void longTemplatesAreShortenedInMessages() {
    String template = "{{ (" + "x".repeat(500) + " }}";
    assertThatThrownBy(() -> eval(template)).isInstanceOf(InterpolationException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("xxx...'").hasSizeLessThan(600));
  }

  @Test
  void nullsAreRefusedAtTheBoundary() {
    assertThatThrownBy(() -> jinja.eval(null, Map.of())).isInstanceOf(NullPointerException.class)
        .hasMessage("template is null");
    assertThatThrownBy(() -> jinja.eval("{{ 1 }}", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("context is null");
  }

  @Test
  void oneInstanceServesManyThreads() throws Exception {
    List<String> templates = List.of(
        "{{ record.id * 2 }}",
        "{{ ','.join(record.tags) }}-{{ record.id }}",
        "{% for t in record.tags %}{{ t }}{{ record.id }}{% endfor %}",
        "{{ format_datetime(record.day, '%d/%m/%Y') }}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int t = thread;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 300; i++) {
            long id = t * 1000L + i;
            Map<String, Object> record = Map.of("id", id, "tags", Arrays.asList("a" + t, "b" + i),
                "day", String.format("2024-01-%02d", i % 28 + 1));
            Map<String, Object> context = Map.of("record", record);
            assertThat(jinja.eval(templates.get(0), context)).isEqualTo(id * 2);
            assertThat(jinja.eval(templates.get(1), context)).isEqualTo("a" + t + ",b" + i + "-" + id);
            assertThat(jinja.eval(templates.get(2), context)).isEqualTo("a" + t + id + "b" + i + id);
            assertThat(jinja.eval(templates.get(3), context)).isEqualTo(String.format("%02d/01/2024", i % 28 + 1));
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
