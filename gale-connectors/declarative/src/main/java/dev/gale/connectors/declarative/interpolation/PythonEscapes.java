package dev.gale.connectors.declarative.interpolation;

/**
 * Python's backslash escapes in string literals, shared by the literal reader and the template expression scanner
 * (Jinja reads string literals in templates with Python's rules, so {@code 'page=(\d+)'} keeps its backslash).
 */
final class PythonEscapes {
  private PythonEscapes() {}

  /**
   * Decodes the escape starting with the backslash at {@code at}, appends what it stands for, and returns the
   * position after it; an unknown escape keeps its backslash. Fails with {@link IllegalArgumentException} on a
   * malformed hexadecimal or named escape.
   */
  static int decode(String text, int at, StringBuilder out) {
    if (at + 1 >= text.length()) {
      throw new IllegalArgumentException("a backslash ends the string");
    }
    char e = text.charAt(at + 1);
    int pos = at + 2;
    switch (e) {
      case '\n' -> { } // a backslash at the end of a line joins the lines
      case '\\', '\'', '"' -> out.append(e);
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case 'x' -> pos = hex(text, pos, 2, out);
      case 'u' -> pos = hex(text, pos, 4, out);
      case 'U' -> pos = hex(text, pos, 8, out);
      case 'N' -> pos = named(text, pos, out);
      default -> {
        if (e >= '0' && e <= '7') {
          int value = e - '0';
          for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; i++) {
            value = value * 8 + (text.charAt(pos++) - '0');
          }
          out.append((char) value);
        } else {
          out.append('\\').append(e);
        }
      }
    }
    return pos;
  }

  private static int hex(String text, int pos, int length, StringBuilder out) {
    if (pos + length > text.length()) {
      throw new IllegalArgumentException("truncated hexadecimal escape");
    }
    int value = 0;
    for (int i = 0; i < length; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw new IllegalArgumentException("truncated hexadecimal escape");
      }
      value = value * 16 + digit;
    }
    if (!Character.isValidCodePoint(value)) {
      throw new IllegalArgumentException("illegal Unicode character");
    }
    out.appendCodePoint(value);
    return pos + length;
  }

  private static int named(String text, int pos, StringBuilder out) {
    int end = text.indexOf('}', pos);
    if (pos >= text.length() || text.charAt(pos) != '{' || end < 0) {
      throw new IllegalArgumentException("malformed \\N character escape");
    }
    out.appendCodePoint(Character.codePointOf(text.substring(pos + 1, end)));
    return end + 1;
  }
}
