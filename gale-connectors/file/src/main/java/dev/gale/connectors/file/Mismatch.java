package dev.gale.connectors.file;

import dev.gale.connector.ConnectorException;

/** The error of a value, beyond the sampled records, that does not fit the type its column was given. */
final class Mismatch {
  private static final int SHOWN = 40;

  private Mismatch() {}

  static ConnectorException of(FileSourceConfig config, long rowNumber, FileColumn column, String value) {
    String shown = value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "...";
    return new ConnectorException("Row " + rowNumber + " of " + config.shownUrl() + " holds \"" + shown
        + "\" in column " + column.name() + ", which the first " + FileSource.SAMPLE_ROWS + " records typed "
        + column.type().name().toLowerCase(java.util.Locale.ROOT) + "; Gale cannot change a column's type "
        + "during a read");
  }
}
