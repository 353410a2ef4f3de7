package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes what a destination program reads on stdin: one RECORD message per row, straight from the typed values (no
 * tree in between), and the STATE messages Gale asks it to echo (see {@link ExternalWriter}). Values are written as
 * Airbyte's well-known types expect them: dates and times as ISO text, binary as base64, JSON columns as the JSON
 * they hold. Not thread-safe.
 */
final class RecordEncoder {
  /** The field of a STATE's {@code shared_state} that numbers Gale's flushes. */
  static final String FLUSH_FIELD = "gale_flush";

  private final JsonGenerator json;

  RecordEncoder(OutputStream out) {
    try {
      json = Json.mapper().getFactory().createGenerator(requireNonNull(out, "out is null"), JsonEncoding.UTF8);
      // Closing the generator must not close the program's stdin: ending the input is a decision of its own.
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      // One message a line: no separator of Jackson's own (a space) before the next message.
      json.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new IllegalStateException("a generator over a stream is created without I/O", e);
    }
  }

  void records(RecordBatch batch) throws IOException {
    StreamDescriptor stream = batch.schema().stream();
    List<Column> columns = batch.schema().columns();
    long emittedAt = batch.emittedAt().toEpochMilli();
    for (Object[] row : batch.rows()) {
      json.writeStartObject();
      json.writeStringField("type", "RECORD");
      json.writeObjectFieldStart("record");
      json.writeStringField("stream", stream.name());
      if (stream.namespace() != null) {
        json.writeStringField("namespace", stream.namespace());
      }
      json.writeNumberField("emitted_at", emittedAt);
      json.writeObjectFieldStart("data");
      for (int i = 0; i < row.length; i++) {
        json.writeFieldName(columns.get(i).name());
        value(row[i], columns.get(i).type());
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
      json.writeRaw('\n');
    }
    json.flush();
  }

  /**
   * A GLOBAL state numbered {@code flush}, which the destination echoes once everything before it is durable.
   *
   * @param records how many records were sent since the previous state, for destinations that count them
   */
  void state(long flush, long records) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", "STATE");
    json.writeObjectFieldStart("state");
    json.writeStringField("type", "GLOBAL");
    json.writeObjectFieldStart("global");
    json.writeObjectFieldStart("shared_state");
    json.writeNumberField(FLUSH_FIELD, flush);
    json.writeEndObject();
    json.writeArrayFieldStart("stream_states");
    json.writeEndArray();
    json.writeEndObject();
    json.writeObjectFieldStart("sourceStats");
    json.writeNumberField("recordCount", (double) records);
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  private void value(Object value, ValueType type) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String text when type == ValueType.JSON -> json.writeRawValue(text);
      case String text -> json.writeString(text);
      case Boolean bool -> json.writeBoolean(bool);
      case Long number -> json.writeNumber(number);
      case BigInteger number -> json.writeNumber(number);
      case Double number when number.isNaN() || number.isInfinite() -> json.writeString(number.toString());
      case Double number -> json.writeNumber(number);
      case BigDecimal number -> json.writeNumber(number);
      case byte[] bytes -> json.writeBinary(bytes);
      // Dates and times: their toString() is ISO 8601, as Airbyte's well-known types spell them.
      default -> json.writeString(value.toString());
    }
  }
}
