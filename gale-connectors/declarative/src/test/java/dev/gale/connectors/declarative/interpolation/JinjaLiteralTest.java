package dev.gale.connectors.declarative.interpolation;

import static dev.gale.connectors.declarative.interpolation.PythonLiteral.NOT_LITERAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading rendered text back as a Python literal, as the CDK does with ast.literal_eval. */
class JinjaLiteralTest {

  @Test
  void readsIntsInEveryBaseAndKeepsLeadingZerosAsText() {
    assertThat(PythonLiteral.read("42")).isEqualTo(42L);
    assertThat(PythonLiteral.read("-5")).isEqualTo(-5L);
    assertThat(PythonLiteral.read("+5")).isEqualTo(5L);
    assertThat(PythonLiteral.read("- 5")).isEqualTo(-5L);
    assertThat(PythonLiteral.read("-(5)")).isEqualTo(-5L);
    assertThat(PythonLiteral.read("1_000")).isEqualTo(1000L);
    assertThat(PythonLiteral.read("0x1F")).isEqualTo(31L);
    assertThat(PythonLiteral.read("0o17")).isEqualTo(15L);
    assertThat(PythonLiteral.read("0b11")).isEqualTo(3L);
    assertThat(PythonLiteral.read("0")).isEqualTo(0L);
    assertThat(PythonLiteral.read("00")).isEqualTo(0L);
    assertThat(PythonLiteral.read("9999999999999999999999")).isEqualTo(new BigInteger("9999999999999999999999"));
    assertThat(PythonLiteral.read("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(PythonLiteral.read("007")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("0123456")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("1__0")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("--5")).isSameAs(NOT_LITERAL);
  }

  @Test
  void readsFloatsWhereLeadingZerosAreAllowed() {
    assertThat(PythonLiteral.read("1.5")).isEqualTo(1.5);
    assertThat(PythonLiteral.read(".5")).isEqualTo(0.5);
    assertThat(PythonLiteral.read("5.")).isEqualTo(5.0);
    assertThat(PythonLiteral.read("00.5")).isEqualTo(0.5);
    assertThat(PythonLiteral.read("007.5")).isEqualTo(7.5);
    assertThat(PythonLiteral.read("1e3")).isEqualTo(1000.0);
    assertThat(PythonLiteral.read("1E-3")).isEqualTo(0.001);
    assertThat(PythonLiteral.read("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(PythonLiteral.read("-2.5")).isEqualTo(-2.5);
    assertThat(PythonLiteral.read("1e")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read(".")).isSameAs(NOT_LITERAL);
  }

  @Test
  void keepsComplexNumbersAndNonLiteralNamesAsText() {
    assertThat(PythonLiteral.read("1j")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("1+2j")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("true")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("none")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("nan")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("inf")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("hello")).isSameAs(NOT_LITERAL);
  }

  @Test
  void readsTheConstants() {
    assertThat(PythonLiteral.read("True")).isEqualTo(true);
    assertThat(PythonLiteral.read("False")).isEqualTo(false);
    assertThat(PythonLiteral.read("None")).isNull();
  }

  @Test
  void textThatOnlyLooksNumericStaysText() {
    assertThat(PythonLiteral.read("2024-01-01")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("2024-03-05T10:20:30Z")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("12:30")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("1 2")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("5;")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("https://api.example.com/v1")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("   ")).isSameAs(NOT_LITERAL);
  }

  @Test
  void readsStringsWithQuotesPrefixesEscapesAndJoining() {
    assertThat(PythonLiteral.read("'quoted'")).isEqualTo("quoted");
    assertThat(PythonLiteral.read("\"it's\"")).isEqualTo("it's");
    assertThat(PythonLiteral.read("'''tri\nple'''")).isEqualTo("tri\nple");
    assertThat(PythonLiteral.read("'a' 'b'")).isEqualTo("ab");
    assertThat(PythonLiteral.read("'a' u'b'")).isEqualTo("ab");
    assertThat(PythonLiteral.read("'a\\n\\tb'")).isEqualTo("a\n\tb");
    assertThat(PythonLiteral.read("r'a\\n'")).isEqualTo("a\\n");
    assertThat(PythonLiteral.read("'\\x41\\u00e9\\N{BULLET}'")).isEqualTo("Aé•");
    assertThat(PythonLiteral.read("'\\101\\0'")).isEqualTo("A\0");
    assertThat(PythonLiteral.read("'\\q'")).isEqualTo("\\q");
    assertThat(PythonLiteral.read("'a\nb'")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("'open")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("b'bytes'")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("f'x'")).isSameAs(NOT_LITERAL);
  }

  @Test
  void readsContainersNested() {
    assertThat(PythonLiteral.read("[1, 'a', None, True, -2.5]")).isEqualTo(Arrays.asList(1L, "a", null, true, -2.5));
    assertThat(PythonLiteral.read("[1, 2,]")).isEqualTo(List.of(1L, 2L));
    assertThat(PythonLiteral.read("[]")).isEqualTo(List.of());
    assertThat(PythonLiteral.read("[[]]")).isEqualTo(List.of(List.of()));
    assertThat(PythonLiteral.read("[1,\n 2]")).isEqualTo(List.of(1L, 2L));
    Map<Object, Object> expected = new LinkedHashMap<>();
    expected.put("a", List.of(1L, Map.of("b", false)));
    expected.put(1L, "x");
    assertThat(PythonLiteral.read("{'a': [1, {'b': False}], 1: 'x'}")).isEqualTo(expected);
    assertThat(PythonLiteral.read("{}")).isEqualTo(Map.of());
    assertThat(PythonLiteral.read("{'a': 1, 'a': 2}")).isEqualTo(Map.of("a", 2L));
    assertThat(PythonLiteral.read("{1, 2}")).isEqualTo(Set.of(1L, 2L));
    assertThat(PythonLiteral.read("[1 2]")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("{'a' 1}")).isSameAs(NOT_LITERAL);
    assertThat(PythonLiteral.read("{**{}}")).isSameAs(NOT_LITERAL);
  }

  @Test
  void readsTuplesAsListsEvenWithoutParentheses() {
    assertThat(PythonLiteral.read("(1, 2)")).isEqualTo(List.of(1L, 2L));
    assertThat(PythonLiteral.read("(1,)")).isEqualTo(List.of(1L));
    assertThat(PythonLiteral.read("()")).isEqualTo(List.of());
    assertThat(PythonLiteral.read("(1)")).isEqualTo(1L);
    assertThat(PythonLiteral.read("1,2")).isEqualTo(List.of(1L, 2L));
    assertThat(PythonLiteral.read("1,")).isEqualTo(List.of(1L));
    assertThat(PythonLiteral.read("1,\n2")).isSameAs(NOT_LITERAL);
  }

  @Test
  void ignoresSurroundingWhitespaceAndComments() {
    assertThat(PythonLiteral.read("  5")).isEqualTo(5L);
    assertThat(PythonLiteral.read("\t5\n")).isEqualTo(5L);
    assertThat(PythonLiteral.read("\n5")).isEqualTo(5L);
    assertThat(PythonLiteral.read("5 # five")).isEqualTo(5L);
    assertThat(PythonLiteral.read("(5\n)")).isEqualTo(5L);
    assertThat(PythonLiteral.read("\\\n5")).isEqualTo(5L);
  }
}
