package dev.gale.connectors.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CDK's filters and Jinja's built-ins; expected values are what Python and Jinja print. */
class JinjaFiltersTest {
  private final JinjavaInterpolation jinja = new JinjavaInterpolation();

  private Object eval(String template) {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("b", Arrays.asList(1L, 2.5, null, true));
    obj.put("a", "é");
    return jinja.eval(template, Map.of(
        "config", Map.of("email", "jane@example.com", "key", "s3cr3t", "obj", obj, "lat", "45.1",
            "list", List.of("a", "b"), "count", 3L),
        "record", Map.of("phone_number", "555-0100", "timestamp", "1709634030123", "people",
            List.of(Map.of("name", "Ann", "age", 31L), Map.of("name", "Bob", "age", 25L)))));
  }

  @Test
  void hashUsesHashlibNamesAndAnOptionalSalt() {
    assertThat(eval("{{ config['email'] | hash('md5') }}")).isEqualTo("9e26471d35a78862c17e467d87cddedf");
    assertThat(eval("{{ config['email'] | hash }}")).isEqualTo("9e26471d35a78862c17e467d87cddedf");
    assertThat(eval("{{ config['email'] | hash('sha256', 'pepper') }}"))
        .isEqualTo("40aa4a80cec372d7c5b41b925681300ecd75d1cea4d4c11a0c1a09cbdf4a162c");
    assertThat(eval("{{ 42 | hash('sha1') }}")).isEqualTo("92cfceb39d57d914ed8b14d0e37643de0797ae56");
    assertThatThrownBy(() -> eval("{{ config['email'] | hash('crc32') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("No hashing function named crc32");
  }

  @Test
  void hmacIsSha256Only() {
    assertThat(eval("{{ 'message' | hmac(config['key']) }}"))
        .isEqualTo("a0873da7e97f43712665bb6c154799dc341ecad94cad194eb4354826b0218a0a");
    assertThatThrownBy(() -> eval("{{ 'message' | hmac('k', 'md5') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("Allowed types: sha256");
  }

  @Test
  void base64FiltersAsTheCdkNamesThem() {
    assertThat(eval("{{ config['email'] | base64encode }}")).isEqualTo("amFuZUBleGFtcGxlLmNvbQ==");
    assertThat(eval("{{ 'amFuZUBleGFtcGxlLmNvbQ==' | base64decode }}")).isEqualTo("jane@example.com");
    assertThat(eval("{{ 'user:pass' | base64binascii_decode }}")).isEqualTo("dXNlcjpwYXNz");
    assertThat(eval("{{ 'user:pass' | b64encode }}")).isEqualTo("dXNlcjpwYXNz");
    assertThatThrownBy(() -> eval("{{ '/w==' | base64decode }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("not base64 of UTF-8");
  }

  @Test
  void stringKeepsTextAndTurnsOtherValuesIntoTheirJson() {
    assertThat(eval("{{ config['email'] | string }}")).isEqualTo("jane@example.com");
    assertThat(eval("{{ config['obj'] | string }}")).isEqualTo("{\"b\": [1, 2.5, null, true], \"a\": \"é\"}");
    assertThat(eval("{{ config['count'] | string }}")).isEqualTo("3");
    assertThat(jinja.render("{{ config['obj'] | string }}", Map.of("config", Map.of("obj", Map.of("a", "é")))))
        .isEqualTo("\"\"\"{\"a\": \"\\u00e9\"}\"\"\"");
  }

  @Test
  void regexSearchGivesTheFirstGroupOrNothing() {
    Map<String, Object> response = Map.of("next", "https://api.example.com/items?page=3&size=50");
    assertThat(jinja.eval("{{ response.next | regex_search(\"page=(\\d+)\") }}", Map.of("response", response)))
        .isEqualTo(3L);
    assertThat(jinja.eval("{{ response.next | regex_search('cursor=(\\w+)') }}", Map.of("response", response)))
        .isNull();
    assertThat(jinja.eval("{{ response.next | regex_search('page=\\d+') }}", Map.of("response", response)))
        .isNull();
    assertThat(jinja.eval("{{ response.next | regex_search('(?P<size>size=\\d+)') }}", Map.of("response", response)))
        .isEqualTo("size=50");
  }

  @Test
  void regexReplaceUsesPythonsReplacementSyntax() {
    assertThat(eval("{{ 'Hello World' | regex_replace('o(\\w)', '0\\\\1') }}")).isEqualTo("Hello W0rld");
    assertThat(eval("{{ '2024-03-05' | regex_replace('(?P<y>\\d{4})-(\\d\\d)-(\\d\\d)', '\\\\3/\\\\2/\\\\g<y>') }}"))
        .isEqualTo("05/03/2024");
    assertThatThrownBy(() -> eval("{{ 'x' | regex_replace('(', '') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("invalid regular expression");
  }

  @Test
  void numberFiltersFollowPython() {
    assertThat(eval("{{ config['lat'] | float }}")).isEqualTo(45.1);
    assertThat(eval("{{ 'abc' | float }}")).isEqualTo(0.0);
    assertThat(eval("{{ '1e3' | float }}")).isEqualTo(1000.0);
    assertThat(eval("{{ '42' | int }}")).isEqualTo(42L);
    assertThat(eval("{{ '1.9' | int }}")).isEqualTo(1L);
    assertThat(eval("{{ 'x' | int }}")).isEqualTo(0L);
    assertThat(eval("{{ 'x' | int(7) }}")).isEqualTo(7L);
    assertThat(eval("{{ 'ff' | int(base=16) }}")).isEqualTo(255L);
    assertThat(eval("{{ record['timestamp'] | int / 1000 }}")).isEqualTo(1709634030.123);
    assertThat(eval("{{ record['timestamp'] | int // 1000 }}")).isEqualTo(1709634030L);
  }

  @Test
  void collectionFilters() {
    assertThat(eval("{{ config['list'] | length }}")).isEqualTo(2L);
    assertThat(eval("{{ config['email'] | length }}")).isEqualTo(16L);
    assertThat(eval("{{ config['list'] | join(',') }}")).isEqualTo("a,b");
    assertThat(jinja.render("{{ [1, True, None] | join(',') }}", Map.of())).isEqualTo("1,True,None");
    assertThat(eval("{{ record['people'] | join(', ', attribute='name') }}")).isEqualTo("Ann, Bob");
    assertThat(eval("{{ record['people'] | map(attribute='age') | list }}")).isEqualTo(List.of(31L, 25L));
    assertThat(eval("{{ record['people'] | selectattr('age', 'gt', 30) | map(attribute='name') | first }}"))
        .isEqualTo("Ann");
    assertThat(eval("{{ config['list'] | first }}")).isEqualTo("a");
    assertThat(eval("{{ config['list'] | last }}")).isEqualTo("b");
    assertThat(eval("{{ [3, 1, 2] | sort }}")).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(eval("{{ {'b': 1, 'a': None} | dictsort }}")).isEqualTo(List.of(Arrays.asList("a", null), List.of("b", 1L)));
  }

  @Test
  void defaultReplacesWhatIsUndefined() {
    assertThat(eval("{{ config['missing'] | default('fallback') }}")).isEqualTo("fallback");
    assertThat(eval("{{ config['email'] | default('fallback') }}")).isEqualTo("jane@example.com");
    assertThat(eval("{{ '' | default('fallback', true) }}")).isEqualTo("fallback");
    assertThat(eval("{{ config.missing | d(5) }}")).isEqualTo(5L);
  }

  @Test
  void textFilters() {
    assertThat(eval("{{ 'aBc' | upper }}")).isEqualTo("ABC");
    assertThat(eval("{{ 'aBc' | lower }}")).isEqualTo("abc");
    assertThat(eval("{{ '  x  ' | trim }}")).isEqualTo("x");
    assertThat(eval("{{ 'hello world' | title }}")).isEqualTo("Hello World");
    assertThat(eval("{{ 'aXbXc' | replace('X', '-') }}")).isEqualTo("a-b-c");
    assertThat(eval("{{ 'aXbXc' | replace('X', '-', 1) }}")).isEqualTo("a-bXc");
  }

  @Test
  void tojsonIsPythonsJsonWithSortedKeysAndHtmlSafe() {
    assertThat(jinja.render("{{ config['obj'] | tojson }}", Map.of("config", Map.of("obj",
        Map.of("b", List.of(1L, true), "a", "<é>")))))
        .isEqualTo("{\"a\": \"\\u003c\\u00e9\\u003e\", \"b\": [1, true]}");
    assertThat(eval("{{ config['list'] | tojson }}")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void urlencodeQuotesTextAndBuildsQueryStrings() {
    assertThat(eval("{{ 'a b/c&d' | urlencode }}")).isEqualTo("a%20b/c%26d");
    assertThat(eval("{{ {'q': 'a b', 'n': 1} | urlencode }}")).isEqualTo("q=a+b&n=1");
  }

  @Test
  void anUnknownFilterFailsAsInJinja() {
    assertThatThrownBy(() -> eval("{{ config['email'] | shout }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("no filter named 'shout'");
  }
}
