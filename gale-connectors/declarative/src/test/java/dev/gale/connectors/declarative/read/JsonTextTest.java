package dev.gale.connectors.declarative.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connectors.declarative.manifest.JsonValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void writesWhatTheObjectMapperWrites() throws Exception {
    JsonText text = new JsonText();
    Object page = JsonValues.parse("""
        {"data": [{"id": 1, "tags": ["a", "b\\"c", "é\\u0001\\n"], "amount": 12.50, "big": -9223372036854775808,
        "tiny": 1e-300, "huge": 1.5e300, "none": null, "yes": true, "empty": {}, "list": [],
        "shipping": {"city": "Lyon", "zip": "69001", "geo": [45.76, 4.83]}}], "page": 1}
        """.getBytes());
    for (Object value : values(page)) {
      assertThat(text.write(value)).as("%s", value).isEqualTo(JsonValues.write(value));
    }
  }

  @Test
  void writesJavaNumbersAndTextAsTheMapperDoes() {
    JsonText text = new JsonText();
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("k", null);
    List<Object> values = Arrays.asList(null, "", "\u2028 \ud83d\ude00 </script>", 0L, -7, Long.MIN_VALUE, 1.0, -0.0,
        1e21, Double.NaN, Double.POSITIVE_INFINITY, new BigInteger("-99999999999999999999"),
        new BigDecimal("1.50"), new BigDecimal("1E+3"), false, withNull, List.of(List.of(List.of())));
    for (Object value : values) {
      assertThat(text.write(value)).as("%s", value).isEqualTo(JsonValues.write(value));
    }
  }

  @Test
  void leavesOtherValuesToTheMapperAndKeepsWorkingAfterwards() {
    JsonText text = new JsonText();
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("a", 1L);
    nested.put("when", LocalDate.of(2024, 3, 1));
    Map<Object, Object> numberKeys = new LinkedHashMap<>();
    numberKeys.put(1, "one");
    List<Object> values = List.of(nested, numberKeys, new LinkedHashSet<>(List.of("x", "y")), new int[] {1, 2},
        List.of("after", 2L), (short) 3, 2.5f);
    for (Object value : values) {
      assertThat(outcome(() -> text.write(value))).as("%s", value).isEqualTo(outcome(() -> JsonValues.write(value)));
    }
  }

  @Test
  void eachValueIsADocumentOfItsOwn() {
    JsonText text = new JsonText();
    assertThat(text.write(List.of(1L))).isEqualTo("[1]");
    assertThat(text.write("a")).isEqualTo("\"a\"");
    assertThat(text.write(Map.of("b", 2L))).isEqualTo("{\"b\":2}");
    assertThat(text.write(3L)).isEqualTo("3");
  }

  // The text written, or the failure (a value the mapper cannot write either).
  private static String outcome(Supplier<String> write) {
    try {
      return write.get();
    } catch (IllegalArgumentException e) {
      return "failed: " + e.getMessage();
    }
  }

  // Every value in a parsed document, the document itself first.
  private static List<Object> values(Object root) {
    List<Object> found = new ArrayList<>();
    found.add(root);
    if (root instanceof Map<?, ?> map) {
      map.values().forEach(value -> found.addAll(values(value)));
    } else if (root instanceof List<?> list) {
      list.forEach(item -> found.addAll(values(item)));
    }
    return found;
  }
}
