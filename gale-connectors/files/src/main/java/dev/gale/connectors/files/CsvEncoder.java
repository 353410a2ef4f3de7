package dev.gale.connectors.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gale.connector.data.RecordSchema;
import dev.gale.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Airbyte's local CSV layout: a header, then {@code _airbyte_ab_id, _airbyte_emitted_at, _airbyte_data} per record
 * with the record as JSON text in the last column, quoted as RFC 4180 says.
 */
final class CsvEncoder implements RecordEncoder {
  private final char delimiter;
  private final ByteArrayOutputStream data = new ByteArrayOutputStream(256);

  CsvEncoder(char delimiter) {
    this.delimiter = delimiter;
  }

  @Override
  public void header(OutputStream out) throws IOException {
    out.write(("_airbyte_ab_id" + delimiter + "_airbyte_emitted_at" + delimiter + "_airbyte_data\r\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(OutputStream out, RecordSchema schema, Object[] row, String id, long emittedAtMillis) throws IOException {
    data.reset();
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(data, JsonEncoding.UTF8)) {
      JsonValues.writeObject(json, schema, row);
    }
    String text = id + delimiter + emittedAtMillis + delimiter + quoted(data.toString(StandardCharsets.UTF_8)) + "\r\n";
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String quoted(String field) {
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
