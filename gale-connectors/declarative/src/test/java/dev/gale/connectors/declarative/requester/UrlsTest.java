package dev.gale.connectors.declarative.requester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlsTest {

  @Test
  void joinsBaseAndPathAsTheCdkDoes() {
    assertThat(Urls.join("https://example.com/api/", "endpoint")).isEqualTo("https://example.com/api/endpoint");
    assertThat(Urls.join("https://example.com/api", "endpoint")).isEqualTo("https://example.com/api/endpoint");
    assertThat(Urls.join("https://example.com/api", "")).isEqualTo("https://example.com/api");
    assertThat(Urls.join("https://example.com", "v1/users")).isEqualTo("https://example.com/v1/users");
    assertThat(Urls.join("https://example.com/api", "https://other.com/next?page=2"))
        .isEqualTo("https://other.com/next?page=2");
    assertThat(Urls.join("https://example.com/api/v1", "/root")).isEqualTo("https://example.com/root");
    assertThat(Urls.join("https://example.com/api/v1", "../v2/x")).isEqualTo("https://example.com/api/v2/x");
  }

  @Test
  void encodesLikePythonsQuotePlus() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("q", "a b&c=d/é");
    fields.put("ids", List.of(1L, 2L));
    fields.put("flag", true);
    fields.put("skipped", null);

    assertThat(Urls.encode(fields)).isEqualTo("q=a+b%26c%3Dd%2F%C3%A9&ids=1&ids=2&flag=True");
  }

  @Test
  void requotesOnlyWhatAUrlCannotHold() {
    assertThat(Urls.requote("https://x.com/a b/%41?q={x}")).isEqualTo("https://x.com/a%20b/%41?q=%7Bx%7D");
  }

  @Test
  void findsTheQueryNamesOfAUrl() {
    assertThat(Urls.queryNames("https://x.com/a?page=2&limit=10&bare#top"))
        .containsExactlyInAnyOrder("page", "limit", "bare");
  }

  @Test
  void readsTheQueryValuesOfAUrlAsPythonsParseQs() {
    // The first value of each name, decoded ('+' is a space); names without a value are not there.
    assertThat(Urls.queryValues("https://x.com/a?q=a+b%26c&page=2&page=3&empty=&bare&pct=100%#top"))
        .isEqualTo(Map.of("q", "a b&c", "page", "2", "pct", "100%"));
  }
}
