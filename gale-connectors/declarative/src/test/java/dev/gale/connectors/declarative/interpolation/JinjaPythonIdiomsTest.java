package dev.gale.connectors.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Python that manifests write inside templates. */
class JinjaPythonIdiomsTest {
  private final JinjavaInterpolation jinja = new JinjavaInterpolation();
  private final Map<String, Object> context = context();

  private static Map<String, Object> context() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("api_key", "k-123");
    config.put("domains", List.of("a.com", "b.com"));
    config.put("tickers", "AAPL, MSFT ,GOOG");
    config.put("end_date", null);
    config.put("page_size", 50L);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("items", List.of(Map.of("id", 1L), Map.of("id", 2L)));
    response.put("has_more", false);
    response.put("meta", Map.of("next_token", "abc"));
    response.put("next", null);
    Map<String, Object> context = new HashMap<>();
    context.put("config", config);
    context.put("response", response);
    context.put("headers", Map.of("link", Map.of("next", Map.of("url", "https://x/?p=2"))));
    context.put("next_page_token", Map.of("next_page_token", 1L));
    return context;
  }

  private Object eval(String template) {
    return jinja.eval(template, context);
  }

  @Test
  void dictAccessInEveryStyle() {
    assertThat(eval("{{ config['api_key'] }}")).isEqualTo("k-123");
    assertThat(eval("{{ config[\"api_key\"] }}")).isEqualTo("k-123");
    assertThat(eval("{{ config.api_key }}")).isEqualTo("k-123");
    assertThat(eval("{{ config.get('api_key') }}")).isEqualTo("k-123");
    assertThat(eval("{{ config.get('missing', 'fallback') }}")).isEqualTo("fallback");
    assertThat(eval("{{ config.get('missing') }}")).isNull();
    assertThat(eval("{{ config.get('end_date', 'not used: the key exists') }}")).isNull();
    assertThat(eval("{{ headers['link']['next']['url'] }}")).isEqualTo("https://x/?p=2");
    assertThat(eval("{{ response.meta.next_token }}")).isEqualTo("abc");
  }

  @Test
  void dictViews() {
    assertThat(eval("{{ response.meta.keys() }}")).isEqualTo(List.of("next_token"));
    assertThat(eval("{{ response.meta.values() }}")).isEqualTo(List.of("abc"));
    assertThat(eval("{{ response.meta.items() }}")).isEqualTo(List.of(List.of("next_token", "abc")));
    assertThat(eval("{% for k, v in response.meta.items() %}{{ k }}={{ v }}{% endfor %}")).isEqualTo("next_token=abc");
    assertThat(eval("{% for k in response.meta %}{{ k }}{% endfor %}")).isEqualTo("next_token");
  }

  @Test
  void conditionalExpressionsAndBooleanOperators() {
    assertThat(eval("{{ 'yes' if config.page_size > 10 else 'no' }}")).isEqualTo("yes");
    assertThat(eval("{{ config['api_key'] if not config.get('sources') else None }}")).isEqualTo("k-123");
    assertThat(eval("{{ response['items'] if response['has_more'] }}")).isNull();
    assertThat(eval("{{ config['end_date'] or 'today' }}")).isEqualTo("today");
    assertThat(eval("{{ config['api_key'] and config['page_size'] }}")).isEqualTo(50L);
    assertThat(eval("{{ config['end_date'] and config['page_size'] }}")).isNull();
    assertThat(eval("{{ not response.get('has_more', False) }}")).isEqualTo(true);
    assertThat(eval("{{ response.has_more is false }}")).isEqualTo(true);
    assertThat(eval("{{ response.get('items') and response['items'][0]['id'] }}")).isEqualTo(1L);
  }

  @Test
  void membershipAndTests() {
    assertThat(eval("{{ 'next' not in headers['link'] }}")).isEqualTo(false);
    assertThat(eval("{{ 'next_token' in response['meta'] }}")).isEqualTo(true);
    assertThat(eval("{{ 'a.com' in config.domains }}")).isEqualTo(true);
    assertThat(eval("{{ 'MSFT' in config.tickers }}")).isEqualTo(true);
    assertThat(eval("{{ response.next is none }}")).isEqualTo(true);
    assertThat(eval("{{ response.nope is defined }}")).isEqualTo(false);
    assertThat(eval("{{ response.meta is defined }}")).isEqualTo(true);
    assertThat(eval("{{ response.meta is mapping }}")).isEqualTo(true);
  }

  @Test
  void comparisonsChainAsInPython() {
    assertThat(eval("{{ 1 < config.page_size <= 50 }}")).isEqualTo(true);
    assertThat(eval("{{ 1 < config.page_size < 50 }}")).isEqualTo(false);
    assertThat(eval("{{ -90.00 <= '45.1'|float <= 90.00 }}")).isEqualTo(true);
    assertThat(eval("{{ (1 < 2) == true }}")).isEqualTo(true);
    assertThat(eval("{{ 1 < 2 < 3 < 4 }}")).isEqualTo(true);
    assertThat(eval("{{ 1 < 2 < 3 < 0 }}")).isEqualTo(false);
  }

  @Test
  void arithmetic() {
    assertThat(eval("{{ config.page_size + 1 }}")).isEqualTo(51L);
    assertThat(eval("{{ config.page_size * 2 - 1 }}")).isEqualTo(99L);
    assertThat(eval("{{ config.page_size / 4 }}")).isEqualTo(12.5);
    assertThat(eval("{{ config.page_size // 4 }}")).isEqualTo(12L);
    assertThat(eval("{{ config.page_size % 7 }}")).isEqualTo(1L);
    assertThat(eval("{{ 2 ** 10 }}")).isEqualTo(1024L);
    assertThat(eval("{{ (next_page_token['next_page_token'] or 0) + 1 }}")).isEqualTo(2L);
    assertThat(eval("{{ 'k' ~ config.page_size ~ True }}")).isEqualTo("k50True");
  }

  @Test
  void stringMethods() {
    assertThat(eval("{{ config['tickers'].split(',') }}")).isEqualTo(List.of("AAPL", " MSFT ", "GOOG"));
    assertThat(eval("{{ config['tickers'].split(',')[1].strip() }}")).isEqualTo("MSFT");
    assertThat(eval("{{ config['tickers'].split(',', 1) }}")).isEqualTo(List.of("AAPL", " MSFT ,GOOG"));
    assertThat(eval("{{ ' a  b '.split() }}")).isEqualTo(List.of("a", "b"));
    assertThat(eval("{{ config['tickers'].split(',') | length }}")).isEqualTo(3L);
    assertThat(eval("{{ ','.join(config.get('domains', [])) }}")).isEqualTo("a.com,b.com");
    assertThat(eval("{{ ','.join(config.get('sources', [])) }}")).isNull();
    assertThat(eval("{{ config.api_key.replace('-', '_') }}")).isEqualTo("k_123");
    assertThat(eval("{{ config.api_key.startswith('k-') }}")).isEqualTo(true);
    assertThat(eval("{{ config.api_key.endswith(('x', '3')) }}")).isEqualTo(true);
    assertThat(eval("{{ config.api_key.upper() }}")).isEqualTo("K-123");
    assertThat(eval("{{ 'xxhixx'.strip('x') }}")).isEqualTo("hi");
    assertThat(eval("{{ config.api_key[0] }}")).isEqualTo("k");
    assertThat(eval("{{ config.api_key[-1] }}")).isEqualTo(3L);
    assertThat(eval("{{ config.api_key[2:] }}")).isEqualTo(123L);
    assertThatThrownBy(() -> eval("{{ ','.join([1, 2]) }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("expected str instance, int found");
  }

  @Test
  void listIndexingAndMethods() {
    assertThat(eval("{{ response['items'][0]['id'] }}")).isEqualTo(1L);
    assertThat(eval("{{ response['items'][-1].id }}")).isEqualTo(2L);
    assertThat(eval("{{ response['items'][5] }}")).isNull();
    assertThat(eval("{{ config.domains.index('b.com') }}")).isEqualTo(1L);
    assertThat(eval("{{ config.domains.count('a.com') }}")).isEqualTo(1L);
    assertThat(eval("{{ config.domains[0:1] }}")).isEqualTo(List.of("a.com"));
  }

  @Test
  void statementsSetIfForAndMacros() {
    assertThat(eval("{% set id = config['api_key'] if config.get('api_key') else '' %}{{ id }}")).isEqualTo("k-123");
    assertThat(eval("{% if config.page_size > 10 %}big{% else %}small{% endif %}")).isEqualTo("big");
    assertThat(eval("{% for item in response['items'] %}{{ item.id }}{% if not loop.last %},{% endif %}{% endfor %}"))
        .isEqualTo(Arrays.asList(1L, 2L));
    assertThat(eval("{% macro tag(x) %}<{{ x }}>{% endmacro %}{{ tag('a') }}")).isEqualTo("<a>");
    assertThat(eval("{%- if true -%}  trimmed  {%- endif -%}")).isEqualTo("trimmed");
    assertThat(eval("{# a comment #}5")).isEqualTo(5L);
    assertThat(eval("{% raw %}{{ not evaluated }}{% endraw %}")).isEqualTo("{{ not evaluated }}");
  }

  @Test
  void dictAndListLiterals() {
    assertThat(eval("{{ {'a': config.page_size, 'b': [1, 2]} }}"))
        .isEqualTo(Map.of("a", 50L, "b", List.of(1L, 2L)));
    assertThat(eval("{% set k = 'key' %}{{ {k: 1} }}")).isEqualTo(Map.of("key", 1L));
    assertThat(eval("{{ (1, 2) }}")).isEqualTo(List.of(1L, 2L));
  }
}
