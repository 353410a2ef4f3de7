package dev.gale.connectors.postgres;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * PostgreSQL identifiers and literals as Gale writes them into SQL. Identifiers are always double-quoted, so any
 * stream or column name works as it is (spaces, quotes, reserved words, any case, unicode).
 *
 * <p>PostgreSQL silently truncates identifiers beyond 63 bytes, which would let two long names meet in one table.
 * {@link #fit} instead shortens a long name to a prefix and a hash of the whole name: the same name always gives the
 * same identifier, and two names that share a long prefix still differ.
 */
public final class Identifiers {
  /** PostgreSQL's NAMEDATALEN - 1. */
  public static final int MAX_BYTES = 63;
  private static final int HASH_CHARS = 8;

  private Identifiers() {}

  /** {@code name} double-quoted, embedded quotes doubled. The name must already {@link #fit}. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code "schema"."table"}. */
  public static String qualified(String schema, String table) {
    return quote(schema) + "." + quote(table);
  }

  /**
   * The identifier PostgreSQL will keep for {@code name}: the name itself when it fits in 63 bytes; else its longest
   * prefix that leaves room for {@code _} and 8 hex digits of a CRC-32 of the whole name. NUL, which PostgreSQL
   * refuses in names, becomes {@code _}; the empty name becomes {@code _}.
   */
  public static String fit(String name) {
    String cleaned = name.isEmpty() ? "_" : name.replace('\0', '_');
    byte[] bytes = cleaned.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_BYTES) {
      return cleaned;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    String hash = HexFormat.of().toHexDigits((int) crc.getValue());
    return prefixOfBytes(cleaned, MAX_BYTES - 1 - HASH_CHARS) + "_" + hash;
  }

  /** A SQL string literal: single quotes doubled. Gale's connections keep standard_conforming_strings on. */
  public static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("PostgreSQL text cannot hold NUL characters");
    }
    return "'" + value.replace("'", "''") + "'";
  }

  // The longest prefix of whole code points whose UTF-8 form has at most maxBytes bytes.
  private static String prefixOfBytes(String text, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }
}
