package dev.gale.connectors.file;

import java.io.IOException;
import java.util.List;

/**
 * Reads one file format: which columns the file offers and its records as rows of those columns. Implementations hold
 * no state; each call opens the file again and reads it front to back, so memory stays bounded by the sample and by
 * one record.
 */
interface FormatReader {
  /**
   * The file's columns with their types, from the format's own schema or inferred from at most {@code sampleRows}
   * records.
   */
  List<FileColumn> columns(FileSourceConfig config, int sampleRows) throws IOException, InterruptedException;

  /** Hands every record of the file to {@code sink} as a row of {@code columns}, in the file's order. */
  void read(FileSourceConfig config, List<FileColumn> columns, RowSink sink) throws IOException, InterruptedException;

  /** Takes rows as they are read; blocks while the destination is behind. */
  interface RowSink {
    void accept(Object[] row) throws InterruptedException;
  }

  static FormatReader of(FileFormat format) {
    return switch (format) {
      case CSV -> new CsvReader();
      case JSON, JSONL -> new JsonReader();
      case PARQUET -> new ParquetReader();
      default -> throw new IllegalArgumentException("format " + format.value() + " is not read");
    };
  }
}
