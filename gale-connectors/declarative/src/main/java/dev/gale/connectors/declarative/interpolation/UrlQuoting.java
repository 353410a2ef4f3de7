package dev.gale.connectors.declarative.interpolation;

import java.nio.charset.StandardCharsets;

/** Python's {@code urllib.parse.quote}: UTF-8 percent-encoding of all but letters, digits, {@code _.-~} and safe. */
final class UrlQuoting {
  private UrlQuoting() {}

  static String quote(String text, String safe) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0
          || (c < 128 && safe.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Python's {@code quote_plus}: as {@link #quote}, with spaces as {@code +}. */
  static String quotePlus(String text) {
    return quote(text, " ").replace(' ', '+');
  }
}
