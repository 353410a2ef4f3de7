package dev.gale.connectors.file;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the text of a CSV cell is, by pandas' rules for {@code read_csv}: its default missing-value markers read as
 * null, {@code True}/{@code False} (in any of pandas' spellings) as booleans, whole numbers as integers and decimals or
 * exponents as numbers. Everything else is a string.
 */
final class CsvCells {
  // pandas' default na_values.
  private static final Set<String> MISSING = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN",
      "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");
  private static final Set<String> TRUE = Set.of("True", "TRUE", "true");
  private static final Set<String> FALSE = Set.of("False", "FALSE", "false");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvCells() {}

  /** The type of one cell's text, or {@code null} for a missing value. */
  static ColumnType typeOf(String text) {
    if (text == null || MISSING.contains(text)) {
      return null;
    }
    if (TRUE.contains(text) || FALSE.contains(text)) {
      return ColumnType.BOOLEAN;
    }
    if (INTEGER.matcher(text).matches()) {
      return ColumnType.INTEGER;
    }
    return NUMBER.matcher(text).matches() ? ColumnType.NUMBER : ColumnType.STRING;
  }

  /**
   * The value of a cell in a column of {@code type}, or {@code null} when the text does not fit that type (a record
   * beyond the sampled ones can hold what the sample did not show).
   */
  static Object value(String text, ColumnType type) {
    ColumnType own = typeOf(text);
    if (own == null) {
      return null;
    }
    return switch (type) {
      case STRING -> text;
      case BOOLEAN -> own == ColumnType.BOOLEAN ? TRUE.contains(text) : Unfit.VALUE;
      case INTEGER -> own == ColumnType.INTEGER ? integer(text) : Unfit.VALUE;
      case NUMBER -> own == ColumnType.INTEGER || own == ColumnType.NUMBER ? Double.parseDouble(text) : Unfit.VALUE;
      default -> throw new IllegalArgumentException("CSV columns are never " + type);
    };
  }

  private static Object integer(String text) {
    // Fewer than 19 digits always fit a long; longer ones may not.
    return text.length() < 19 ? Long.parseLong(text) : narrow(new BigInteger(text));
  }

  private static Object narrow(BigInteger value) {
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  /** The marker of a value that does not fit its column. */
  enum Unfit { VALUE }
}
