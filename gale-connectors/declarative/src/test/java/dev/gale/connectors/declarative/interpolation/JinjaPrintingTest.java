package dev.gale.connectors.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Printing values as Python's str() and repr(), which the literal reading depends on. */
class JinjaPrintingTest {

  @Test
  void printsScalarsAsPythonDoes() {
    assertThat(PythonText.str(null)).isEqualTo("None");
    assertThat(PythonText.str(true)).isEqualTo("True");
    assertThat(PythonText.str(false)).isEqualTo("False");
    assertThat(PythonText.str(42L)).isEqualTo("42");
    assertThat(PythonText.str("text")).isEqualTo("text");
    assertThat(PythonText.repr("text")).isEqualTo("'text'");
  }

  @Test
  void printsFloatsAsPythonsRepr() {
    assertThat(PythonText.floatRepr(1.0)).isEqualTo("1.0");
    assertThat(PythonText.floatRepr(1.5)).isEqualTo("1.5");
    assertThat(PythonText.floatRepr(0.1)).isEqualTo("0.1");
    assertThat(PythonText.floatRepr(10 / 3.0)).isEqualTo("3.3333333333333335");
    assertThat(PythonText.floatRepr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonText.floatRepr(0.00001)).isEqualTo("1e-05");
    assertThat(PythonText.floatRepr(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(PythonText.floatRepr(1e15)).isEqualTo("1000000000000000.0");
    assertThat(PythonText.floatRepr(1e16)).isEqualTo("1e+16");
    assertThat(PythonText.floatRepr(1e22)).isEqualTo("1e+22");
    assertThat(PythonText.floatRepr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
    assertThat(PythonText.floatRepr(1709634030.123456)).isEqualTo("1709634030.123456");
    assertThat(PythonText.floatRepr(-0.0)).isEqualTo("-0.0");
    assertThat(PythonText.floatRepr(Double.NaN)).isEqualTo("nan");
    assertThat(PythonText.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void quotesStringsAsPythonsRepr() {
    assertThat(PythonText.repr("a'b")).isEqualTo("\"a'b\"");
    assertThat(PythonText.repr("a\"b")).isEqualTo("'a\"b'");
    assertThat(PythonText.repr("a'\"b")).isEqualTo("'a\\'\"b'");
    assertThat(PythonText.repr("\u0000\u007f\u200b\u00a0é😀\n\\")).isEqualTo("'\\x00\\x7f\\u200b\\xa0é😀\\n\\\\'");
  }

  @Test
  void printsContainersWithTheirElementsRepr() {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("a", Arrays.asList(1.0, null, true));
    dict.put("b", "x");
    assertThat(PythonText.str(dict)).isEqualTo("{'a': [1.0, None, True], 'b': 'x'}");
    assertThat(PythonText.str(List.of())).isEqualTo("[]");
    assertThat(PythonText.str(Set.of())).isEqualTo("set()");
    assertThat(PythonText.str(new LinkedHashSet<>(List.of(1L, 2L)))).isEqualTo("{1, 2}");
  }

  @Test
  void printsDatesAndDurationsAsPythonsStr() {
    OffsetDateTime utc = OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000, ZoneOffset.UTC);
    assertThat(PythonText.str(utc)).isEqualTo("2024-03-05 10:20:30.123456+00:00");
    assertThat(PythonText.str(utc.withNano(0).withOffsetSameLocal(ZoneOffset.ofHoursMinutes(5, 30))))
        .isEqualTo("2024-03-05 10:20:30+05:30");
    assertThat(PythonText.str(LocalDate.of(2024, 3, 5))).isEqualTo("2024-03-05");
    assertThat(PythonText.str(IsoDuration.parse("P1D"))).isEqualTo("1 day, 0:00:00");
    assertThat(PythonText.str(IsoDuration.parse("PT1H30M"))).isEqualTo("1:30:00");
    assertThat(PythonText.str(IsoDuration.parse("P2W"))).isEqualTo("14 days, 0:00:00");
    assertThat(PythonText.str(IsoDuration.parse("-P1D"))).isEqualTo("-1 day, 0:00:00");
    assertThat(PythonText.str(IsoDuration.parse("-PT1S"))).isEqualTo("-1 day, 23:59:59");
    assertThat(PythonText.str(IsoDuration.parse("PT0.5S"))).isEqualTo("0:00:00.500000");
    assertThat(PythonText.str(IsoDuration.parse("P1Y2M3DT4H"))).isEqualTo("1 years, 2 months, 3 days, 4:00:00");
    assertThat(PythonText.str(IsoDuration.parse("P1M"))).isEqualTo("1 month, 0:00:00");
  }

  @Test
  void namesPythonTypesForMessages() {
    assertThat(PythonText.typeName("x")).isEqualTo("str");
    assertThat(PythonText.typeName(1L)).isEqualTo("int");
    assertThat(PythonText.typeName(1.0)).isEqualTo("float");
    assertThat(PythonText.typeName(Map.of())).isEqualTo("dict");
    assertThat(PythonText.typeName(List.of())).isEqualTo("list");
    assertThat(PythonText.typeName(null)).isEqualTo("NoneType");
  }
}
