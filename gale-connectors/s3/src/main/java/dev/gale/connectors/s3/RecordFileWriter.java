package dev.gale.connectors.s3;

import java.io.IOException;

/**
 * Writes one object of one stream in a format, into a {@link MultipartObject}. Besides the stream's columns every
 * record carries Airbyte's {@code _airbyte_raw_id}, {@code _airbyte_extracted_at}, {@code _airbyte_meta} and
 * {@code _airbyte_generation_id}.
 */
interface RecordFileWriter {
  void write(Row row) throws IOException;

  /** Roughly how big the object is so far, buffered data included; drives the split into several objects. */
  long size();

  /** Ends the format (a Parquet footer, the end of a gzip stream) and makes the object visible. */
  void finish() throws IOException;

  /** Leaves nothing behind: no object, no pending upload. */
  void abort();
}
