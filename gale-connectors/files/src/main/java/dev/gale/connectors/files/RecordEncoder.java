package dev.gale.connectors.files;

import dev.gale.connector.data.RecordSchema;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns records into a file format, with Airbyte's local-file envelope: a record id ({@code _airbyte_ab_id}), when
 * it was read ({@code _airbyte_emitted_at}, epoch milliseconds) and the record itself ({@code _airbyte_data}).
 */
interface RecordEncoder {
  /** Written once at the top of a new file (a CSV header); nothing by default. */
  default void header(OutputStream out) throws IOException {}

  void write(OutputStream out, RecordSchema schema, Object[] row, String id, long emittedAtMillis) throws IOException;
}
