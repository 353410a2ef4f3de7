package dev.gale.connectors.declarative.interpolation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads text as a Python literal, with the semantics of {@code ast.literal_eval} that Airbyte's CDK applies to every
 * rendered template: ints (any base, underscores, no leading zeros, so {@code "007"} is not one), floats, strings
 * with their prefixes and escapes (adjacent ones joined), {@code True}, {@code False}, {@code None}, lists, tuples
 * ({@code "1,2"} is one), dicts and sets, a sign before a number, comments and surrounding whitespace.
 *
 * <p>Ints are {@link Long} ({@link BigInteger} past its range), floats {@link Double}, tuples and lists
 * {@link List}, dicts {@link LinkedHashMap} and sets {@link LinkedHashSet}. What Python would read as a complex
 * number, bytes or {@code ...} is not a literal here: the CDK keeps complex numbers as text, and the other two never
 * come out of a manifest's template in practice.
 */
final class PythonLiteral {
  /** What {@link #read} answers for text that is not a literal (a {@code null} answer is Python's None). */
  static final Object NOT_LITERAL = new Object() {
    @Override
    public String toString() {
      return "NOT_LITERAL";
    }
  };

  private static final Object NONE = new Object();

  private final String text;
  private int pos;
  private int depth;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /** The value of {@code text} read as a Python literal; {@code null} for None; {@link #NOT_LITERAL} otherwise. */
  static Object read(String text) {
    if (!mayStartLiteral(text)) {
      return NOT_LITERAL;
    }
    try {
      PythonLiteral reader = new PythonLiteral(text);
      Object value = reader.topLevel();
      return value == NONE ? null : value;
    } catch (NotLiteral e) {
      return NOT_LITERAL;
    }
  }

  /** Cheap rejection of most text (URLs, words, ISO dates pass on to the parser) before anything is allocated. */
  private static boolean mayStartLiteral(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return (c >= '0' && c <= '9') || "+-.'\"[({TFNrRuU\\#".indexOf(c) >= 0;
      }
    }
    return false;
  }

  /** A whole text: one value, or a tuple when commas separate values outside any bracket. */
  private Object topLevel() {
    skipBlank(true);
    Object first = value();
    skipBlank(false);
    Object result = first;
    if (peek(',')) {
      List<Object> tuple = new ArrayList<>();
      tuple.add(unwrap(first));
      while (peek(',')) {
        pos++;
        skipBlank(false);
        if (atEnd() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r' || peek('#')) {
          break; // a trailing comma, as in "1,"
        }
        tuple.add(unwrap(value()));
        skipBlank(false);
      }
      result = tuple;
    }
    skipBlank(true);
    if (!atEnd()) {
      throw new NotLiteral();
    }
    return result;
  }

  private Object value() {
    skipBlank(false);
    if (atEnd()) {
      throw new NotLiteral();
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '[' -> sequence(']', new ArrayList<>());
      case '(' -> parenthesized();
      case '{' -> braced();
      case '+', '-' -> signed();
      case '\'', '"' -> strings();
      default -> {
        if (isDigit(c) || c == '.') {
          yield number();
        }
        if (Character.isLetter(c)) {
          yield nameOrPrefixedString();
        }
        throw new NotLiteral();
      }
    };
  }

  /** Python allows a sign before a number only (and before a complex number, which stays text here). */
  private Object signed() {
    boolean negative = text.charAt(pos++) == '-';
    skipBlank(false);
    Object operand = peek('(') ? parenthesized() : (!atEnd() && (isDigit(text.charAt(pos)) || peek('.')) ? number() : null);
    if (operand instanceof Long l) {
      return negative ? narrow(BigInteger.valueOf(l).negate()) : l;
    }
    if (operand instanceof BigInteger b) {
      return negative ? narrow(b.negate()) : b;
    }
    if (operand instanceof Double d) {
      return negative ? -d : d;
    }
    throw new NotLiteral();
  }

  /** {@code ()} is an empty tuple, {@code (x)} is x, and {@code (x,)} or {@code (x, y)} a tuple. */
  private Object parenthesized() {
    open();
    if (peek(')')) {
      close();
      return new ArrayList<>();
    }
    Object first = value();
    skipBlank(false);
    if (peek(')')) {
      close();
      return first;
    }
    List<Object> tuple = new ArrayList<>();
    tuple.add(unwrap(first));
    if (!peek(',')) {
      throw new NotLiteral();
    }
    return elements(')', tuple);
  }

  private Object sequence(char closing, Collection<Object> into) {
    open();
    if (peek(closing)) {
      close();
      return into;
    }
    into.add(unwrap(value()));
    return elements(closing, into);
  }

  /** A dict, or a set when the first element is not followed by a colon. */
  private Object braced() {
    open();
    if (peek('}')) {
      close();
      return new LinkedHashMap<>();
    }
    Object key = unwrap(value());
    skipBlank(false);
    if (!peek(':')) {
      Collection<Object> set = new LinkedHashSet<>();
      set.add(key);
      return elements('}', set);
    }
    Map<Object, Object> dict = new LinkedHashMap<>();
    while (true) {
      expect(':');
      dict.put(key, unwrap(value()));
      if (!another('}')) {
        return dict;
      }
      key = unwrap(value());
    }
  }

  /** The elements after the first one, up to and including {@code closing}. */
  private Collection<Object> elements(char closing, Collection<Object> into) {
    while (another(closing)) {
      into.add(unwrap(value()));
    }
    return into;
  }

  /** After an element: takes a comma, and the closing bracket when it follows; true when an element follows. */
  private boolean another(char closing) {
    skipBlank(false);
    boolean comma = peek(',');
    if (comma) {
      pos++;
      skipBlank(false);
    }
    if (peek(closing)) {
      close();
      return false;
    }
    if (!comma) {
      throw new NotLiteral();
    }
    return true;
  }

  private Object nameOrPrefixedString() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (peek('\'') || peek('"')) {
      String prefix = name.toLowerCase(Locale.ROOT);
      if (prefix.equals("r") || prefix.equals("u")) {
        pos = start;
        return strings();
      }
      throw new NotLiteral(); // bytes and f-strings
    }
    return switch (name) {
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      case "None" -> NONE;
      default -> throw new NotLiteral();
    };
  }

  /** One string, or several adjacent ones, which Python joins. */
  private String strings() {
    StringBuilder joined = new StringBuilder();
    while (true) {
      boolean raw = false;
      while (!peek('\'') && !peek('"')) {
        raw |= Character.toLowerCase(text.charAt(pos++)) == 'r';
      }
      readString(raw, joined);
      int afterString = pos;
      skipBlank(false);
      if (!(peek('\'') || peek('"') || startsPrefixedString())) {
        pos = afterString;
        return joined.toString();
      }
    }
  }

  private boolean startsPrefixedString() {
    if (pos + 1 >= text.length()) {
      return false;
    }
    char prefix = Character.toLowerCase(text.charAt(pos));
    char quote = text.charAt(pos + 1);
    return (prefix == 'r' || prefix == 'u') && (quote == '\'' || quote == '"');
  }

  private void readString(boolean raw, StringBuilder out) {
    char quote = text.charAt(pos);
    String tripleQuote = String.valueOf(quote).repeat(3);
    boolean triple = text.startsWith(tripleQuote, pos);
    pos += triple ? 3 : 1;
    while (true) {
      if (atEnd()) {
        throw new NotLiteral();
      }
      char c = text.charAt(pos);
      if (c == quote && (!triple || text.startsWith(tripleQuote, pos))) {
        pos += triple ? 3 : 1;
        return;
      }
      if ((c == '\n' || c == '\r') && !triple) {
        throw new NotLiteral();
      }
      if (c != '\\') {
        out.append(c);
        pos++;
      } else if (pos + 1 >= text.length()) {
        throw new NotLiteral();
      } else if (raw) {
        out.append(c).append(text.charAt(pos + 1)); // a raw string keeps the backslash; it only protects the quote
        pos += 2;
      } else {
        try {
          pos = PythonEscapes.decode(text, pos, out);
        } catch (IllegalArgumentException e) {
          throw new NotLiteral();
        }
      }
    }
  }

  private Object number() {
    if (peek('0') && pos + 1 < text.length() && "xXoObB".indexOf(text.charAt(pos + 1)) >= 0) {
      int radix = switch (Character.toLowerCase(text.charAt(pos + 1))) {
        case 'x' -> 16;
        case 'o' -> 8;
        default -> 2;
      };
      pos += 2;
      if (peek('_')) {
        pos++;
      }
      String digits = digits(radix);
      rejectTail();
      return narrow(new BigInteger(digits, radix));
    }
    String integerPart = digits(10);
    StringBuilder literal = new StringBuilder(integerPart);
    boolean isFloat = false;
    if (peek('.')) {
      isFloat = true;
      pos++;
      String fraction = digits(10);
      if (integerPart.isEmpty() && fraction.isEmpty()) {
        throw new NotLiteral();
      }
      literal.append('.').append(fraction);
    }
    if (peek('e') || peek('E')) {
      isFloat = true;
      pos++;
      literal.append('e');
      if (peek('+') || peek('-')) {
        literal.append(text.charAt(pos++));
      }
      String exponent = digits(10);
      if (exponent.isEmpty()) {
        throw new NotLiteral();
      }
      literal.append(exponent);
    }
    rejectTail();
    if (isFloat) {
      return Double.parseDouble(literal.toString());
    }
    if (integerPart.length() > 1 && integerPart.charAt(0) == '0' && integerPart.chars().anyMatch(c -> c != '0')) {
      throw new NotLiteral(); // Python 3 has no leading zeros in decimal ints: "007" stays text
    }
    return narrow(new BigInteger(integerPart));
  }

  /** A number runs into a letter, digit or underscore only when it is malformed or complex ({@code 1j}). */
  private void rejectTail() {
    if (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || peek('_') || peek('.'))) {
      throw new NotLiteral();
    }
  }

  /** Digits of {@code radix}, with single underscores between them as Python allows. */
  private String digits(int radix) {
    StringBuilder out = new StringBuilder();
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c < 128 && Character.digit(c, radix) >= 0) {
        out.append(c);
        pos++;
      } else if (c == '_' && !out.isEmpty() && pos + 1 < text.length()
          && text.charAt(pos + 1) < 128 && Character.digit(text.charAt(pos + 1), radix) >= 0) {
        pos++;
      } else {
        break;
      }
    }
    if (out.isEmpty() && radix != 10) {
      throw new NotLiteral();
    }
    return out.toString();
  }

  private static Object narrow(BigInteger value) {
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  /** Skips spaces and comments; newlines only inside brackets, or at the start or end of the whole text. */
  private void skipBlank(boolean newlinesAllowed) {
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '\n' || c == '\r') {
        if (!newlinesAllowed && depth == 0) {
          return;
        }
        pos++;
      } else if (c == '#') {
        while (!atEnd() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          pos++;
        }
      } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
        pos += 2; // an explicit line continuation
      } else {
        return;
      }
    }
  }

  private void open() {
    pos++;
    depth++;
    skipBlank(false);
  }

  private void close() {
    pos++;
    depth--;
  }

  private static Object unwrap(Object value) {
    return value == NONE ? null : value;
  }

  private void expect(char c) {
    skipBlank(false);
    if (!peek(c)) {
      throw new NotLiteral();
    }
    pos++;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Control flow for "not a literal", an ordinary outcome: no stack trace. */
  private static final class NotLiteral extends RuntimeException {
    NotLiteral() {
      super(null, null, false, false);
    }
  }
}
