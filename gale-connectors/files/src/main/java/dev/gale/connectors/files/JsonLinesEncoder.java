package dev.gale.connectors.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gale.connector.data.RecordSchema;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;

/** One JSON object per line: {@code {"_airbyte_ab_id":..., "_airbyte_emitted_at":..., "_airbyte_data":{...}}}. */
final class JsonLinesEncoder implements RecordEncoder {
  @Override
  public void write(OutputStream out, RecordSchema schema, Object[] row, String id, long emittedAtMillis) throws IOException {
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      // Closing the generator would flush the file's buffer too: a write(2) per record. Durability comes from the
      // writer's flush, not from here.
      json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      json.writeStartObject();
      json.writeStringField("_airbyte_ab_id", id);
      json.writeNumberField("_airbyte_emitted_at", emittedAtMillis);
      json.writeFieldName("_airbyte_data");
      JsonValues.writeObject(json, schema, row);
      json.writeEndObject();
    }
    out.write('\n');
  }
}
