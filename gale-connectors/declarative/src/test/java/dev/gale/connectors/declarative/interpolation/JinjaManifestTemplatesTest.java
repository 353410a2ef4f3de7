package dev.gale.connectors.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates in the shapes that real manifests use (url bases, request options, pagination, incremental cursors,
 * transformations), with values of our own, and the answers the CDK gives for them.
 */
class JinjaManifestTemplatesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T10:20:30Z"), ZoneOffset.UTC);

  private final JinjavaInterpolation jinja = new JinjavaInterpolation(CLOCK);

  @Test
  void urlBasesPathsAndAuthentication() {
    Map<String, Object> context = Map.of("config", Map.of("subdomain", "acme", "api_token", "t0k", "account_id", 42L),
        "stream_partition", Map.of("board_id", "b-7"));
    assertThat(jinja.eval("https://{{ config['subdomain'] }}.example.com/api/v2", context))
        .isEqualTo("https://acme.example.com/api/v2");
    assertThat(jinja.eval("/accounts/{{ config.account_id }}/boards/{{stream_partition.board_id}}/cards", context))
        .isEqualTo("/accounts/42/boards/b-7/cards");
    assertThat(jinja.eval("Bearer {{ config[\"api_token\"] }}", context)).isEqualTo("Bearer t0k");
    assertThat(jinja.eval("{{ config['api_token'] }}", context)).isEqualTo("t0k");
  }

  @Test
  void requestOptionsThatMayBeEmpty() {
    Map<String, Object> withValues = Map.of("config", Map.of("languages", List.of("en", "fr"), "country", "de"));
    Map<String, Object> without = Map.of("config", Map.of("country", "de"));
    assertThat(jinja.eval("{{ ','.join(config.get('languages', [])) }}", withValues)).isEqualTo("en,fr");
    assertThat(jinja.eval("{{ ','.join(config.get('languages', [])) }}", without)).isNull();
    assertThat(jinja.eval("{{ config['country'] if not config.get('languages') else None }}", without))
        .isEqualTo("de");
    assertThat(jinja.eval("{{ config['country'] if not config.get('languages') else None }}", withValues)).isNull();
    assertThat(jinja.eval("{{ config['category'] or ''}}", without)).isNull();
    assertThat(jinja.eval("{{ config.get('units')}}", without)).isNull();
  }

  @Test
  void cursorPaginationValuesAndStopConditions() {
    Map<String, Object> response = new HashMap<>();
    response.put("next_cursor", "c-2");
    response.put("has_more", true);
    response.put("next", "https://api.example.com/v1/things?page=4");
    response.put("meta", Map.of("next_page_url", "https://api.example.com/v1/things?cursor=z"));
    response.put("items", List.of(Map.of("id", 1L)));
    response.put("paging", Map.of("next", "/v1/things?after=1"));
    Map<String, Object> context = Map.of("response", response,
        "headers", Map.of("link", Map.of("next", Map.of("url", "https://api.example.com/v1/things?p=2"))),
        "last_record", Map.of("id", "rec-9"), "last_page_size", 25L);
    assertThat(jinja.eval("{{ response.get('next_cursor') }}", context)).isEqualTo("c-2");
    assertThat(jinja.isTrue("{{ response.get('next_cursor') is none }}", context)).isFalse();
    assertThat(jinja.isTrue("{{ not response.get('has_more', False) }}", context)).isFalse();
    assertThat(jinja.isTrue("{{ response.hasMore is false }}", context)).isFalse();
    assertThat(jinja.eval("{{ response.next | regex_search(\"page=(\\d+)\") }}", context)).isEqualTo(4L);
    assertThat(jinja.isTrue("{{ response.next is none }}", context)).isFalse();
    assertThat(jinja.eval("{{response['meta']['next_page_url']}}", context))
        .isEqualTo("https://api.example.com/v1/things?cursor=z");
    assertThat(jinja.eval("{{ headers['link']['next']['url'] }}", context))
        .isEqualTo("https://api.example.com/v1/things?p=2");
    assertThat(jinja.isTrue("{{ 'next' not in headers['link'] }}", context)).isFalse();
    assertThat(jinja.eval("{{ response['paging']['next'] if response['items'] }}", context))
        .isEqualTo("/v1/things?after=1");
    assertThat(jinja.eval("{{ last_record['id'] }}", context)).isEqualTo("rec-9");
    assertThat(jinja.isTrue("{{ last_page_size < 100 }}", context)).isTrue();
    assertThat(jinja.eval("{{ response[\"num\"]+1 or 0 }}", Map.of("response", Map.of("num", 7L)))).isEqualTo(8L);
  }

  @Test
  void errorHandlerPredicates() {
    Map<String, Object> context = Map.of("response", Map.of("status_code", 429L, "error", "rate limited"),
        "headers", Map.of("Retry-After", "30"));
    assertThat(jinja.isTrue("{{ response.status_code == 429 }}", context)).isTrue();
    assertThat(jinja.isTrue("{{ 'rate' in response.error }}", context)).isTrue();
    assertThat(jinja.eval("{{ headers['Retry-After'] }}", context)).isEqualTo(30L);
  }

  @Test
  void incrementalSyncDatetimes() {
    Map<String, Object> config = new HashMap<>();
    config.put("start_date", "2024-01-01T00:00:00Z");
    config.put("end_date", null);
    Map<String, Object> context = Map.of("config", config,
        "stream_interval", Map.of("start_time", "2024-02-01T00:00:00Z", "end_time", "2024-02-29T23:59:59Z"),
        "stream_slice", Map.of("start_time", "1706745600", "end_time", "1709164800"));
    assertThat(jinja.eval("{{ config['start_date'] }}", context)).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(jinja.eval("{{ now_utc().strftime('%Y-%m-%dT%H:%M:%SZ') }}", context))
        .isEqualTo("2024-03-05T10:20:30Z");
    assertThat(jinja.eval("{{ config['end_date'] or today_utc() }}", context)).isEqualTo("2024-03-05");
    assertThat(jinja.eval("{{ config.end_date or now_utc() }}", context)).isEqualTo("2024-03-05 10:20:30+00:00");
    assertThat(jinja.eval("{{format_datetime(config['start_date'], '%Y-%m-%dT%H:%M:%SZ')}}", context))
        .isEqualTo("2024-01-01T00:00:00Z");
    assertThat(jinja.eval("{{ now_utc().strftime('%s') }}", context)).isEqualTo(1709634030L);
    assertThat(jinja.eval("{{ stream_interval.start_time }}", context)).isEqualTo("2024-02-01T00:00:00Z");
    assertThat(jinja.eval("{{ stream_slice['start_time'] | int * 1000 }}", context)).isEqualTo(1706745600000L);
    assertThat(jinja.eval("{{ stream_slice['end_time'] | int * 1000 + (86400000 - 1) }}", context))
        .isEqualTo(1709251199999L);
    assertThat(jinja.eval("{{ day_delta(-7, format='%Y-%m-%d') }}", context)).isEqualTo("2024-02-27");
    assertThat(jinja.eval("{{ (now_utc() - duration('P30D')).strftime('%Y-%m-%d') }}", context))
        .isEqualTo("2024-02-04");
  }

  @Test
  void recordFiltersAndTransformations() {
    Map<String, Object> record = new HashMap<>();
    record.put("_id", "r1");
    record.put("pos_id", "P-12- east");
    record.put("email", "jane@example.com");
    record.put("modifiedAt", "2024-02-10T00:00:00Z");
    record.put("balances", Map.of("current", 10.5, "iso_currency_code", "EUR"));
    record.put("timestamp", 1709634030123L);
    Map<String, Object> context = Map.of("record", record,
        "stream_partition", Map.of("positions", "pos-A"),
        "stream_interval", Map.of("start_time", "2024-02-01T00:00:00Z"));
    assertThat(jinja.eval("{{stream_partition.positions}}-{% set id = record['_id'] if\nrecord.get('_id') else \"\" %} {{ id }}",
        context)).isEqualTo("pos-A- r1");
    assertThat(jinja.eval("{% set id = record['pos_id'].split('- ')[0] if\nrecord.get('pos_id', None) else \"\" %} {{ id }}",
        context)).isEqualTo(" P-12");
    assertThat(jinja.eval("{{ record[\"email\"] | hash(\"md5\") }}", context))
        .isEqualTo("9e26471d35a78862c17e467d87cddedf");
    assertThat(jinja.eval("{{record['balances']['current']}}", context)).isEqualTo(10.5);
    assertThat(jinja.eval("{{ record['balances']['iso_currency_code'] }}", context)).isEqualTo("EUR");
    assertThat(jinja.isTrue("{{ record['modifiedAt'] >= stream_interval['start_time'] }}", context)).isTrue();
    assertThat(jinja.eval("{{ record['timestamp'] | int / 1000 }}", context)).isEqualTo(1709634030.123);
  }

  @Test
  void statementsChoosingAValue() {
    Map<String, Object> openWeather = Map.of("config", Map.of("lat", "45.1", "lon", "200"));
    assertThat(jinja.eval("{% if -90.00 <= config['lat']|float <= 90.00 %}{{ config['lat']\n}}{% else %} WRONG"
        + " LATITUDE{% endif %}", openWeather)).isEqualTo(45.1);
    assertThat(jinja.eval("{% if -180.00 <= config['lon']|float <= 180.00 %}{{ config['lon']\n}}{% else %}WRONG"
        + " LONGITUDE{% endif %}", openWeather)).isEqualTo("WRONG LONGITUDE");

    String path = "{% if (next_page_token['next_page_token'] or 0) <\nconfig['symbols'].split(',')|length %}/v1/quote/{{\n"
        + "config['symbols'].split(',')[next_page_token['next_page_token'] or\n0].strip() }}{% endif %}";
    Map<String, Object> config = Map.of("symbols", "AAA, BBB");
    Map<String, Object> firstPage = new HashMap<>(Map.of("config", config));
    firstPage.put("next_page_token", Map.of());
    assertThat(jinja.eval(path, firstPage)).isEqualTo("/v1/quote/AAA");
    assertThat(jinja.eval(path, Map.of("config", config, "next_page_token", Map.of("next_page_token", 1L))))
        .isEqualTo("/v1/quote/BBB");
    assertThat(jinja.eval(path, Map.of("config", config, "next_page_token", Map.of("next_page_token", 2L))))
        .isNull();
  }
}
