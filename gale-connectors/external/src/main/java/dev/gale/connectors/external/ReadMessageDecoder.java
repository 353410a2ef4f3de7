package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gale.protocol.StreamDescriptor;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes the stdout lines of a read, where nearly every line is a RECORD: such a line is parsed once, as a stream of
 * tokens, and its {@code data} typed straight into a row by its stream's {@link RecordDecoder} (no string, no tree).
 * This covers records as connectors write them, the stream (and namespace) named before {@code data}; any other
 * line, and any record in another shape ({@code data} first, fields repeated or of unexpected types, a stream outside
 * the catalog, broken JSON), takes {@link MessageDecoder}'s tree path, whose answer is the rule: a record
 * decoded there is then typed from its tree by the same {@link RecordDecoder}. Not thread-safe: one per read.
 */
final class ReadMessageDecoder implements ConnectorProcess.LineDecoder {
  private static final JsonFactory FACTORY = MessageDecoder.factory();

  private final Map<StreamDescriptor, RecordDecoder> decoders = new HashMap<>();
  // Connectors write long runs of one stream: the last one's decoder is found without building a descriptor.
  private RecordDecoder last;

  ReadMessageDecoder(Iterable<RecordDecoder> decoders) {
    requireNonNull(decoders, "decoders is null").forEach(decoder -> this.decoders.put(decoder.schema().stream(), decoder));
  }

  @Override
  public ProtocolMessage decode(byte[] bytes, int offset, int length) {
    ProtocolMessage record = null;
    try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
      record = record(parser);
    } catch (IOException e) {
      // Broken JSON, or beyond a limit: the tree path says what the line is.
    }
    if (record != null) {
      return record;
    }
    ProtocolMessage message = MessageDecoder.decode(bytes, offset, length);
    return message instanceof ProtocolMessage.Record tree ? typed(tree) : message;
  }

  /**
   * The typed record of a line in the common shape, or null for the tree path to decide. {@code type} may stand
   * before or after {@code record} (JavaScript connectors write it last); a {@code record} met first is typed on the
   * guess that the message is a RECORD, and dropped when it is not.
   */
  private ProtocolMessage.TypedRecord record(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    boolean isRecord = false;
    ProtocolMessage.TypedRecord record = null;
    String field;
    while ((field = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      switch (field) {
        case "type" -> {
          if (isRecord || token != JsonToken.VALUE_STRING || !parser.getText().equals("RECORD")) {
            return null; // Another type, or repeated: the tree path's answer.
          }
          isRecord = true;
        }
        case "record" -> {
          record = record == null && token == JsonToken.START_OBJECT ? recordObject(parser) : null;
          if (record == null) {
            return null;
          }
        }
        default -> parser.skipChildren();
      }
    }
    // The tree path refuses content after the message (the line is then text), so this does too.
    if (!isRecord || record == null || parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
      return null;
    }
    last.reportMisfits(); // The decoder that typed the row.
    return record;
  }

  /** The typed record of a {@code record} object, the parser at its start; null for the tree path to decide. */
  private ProtocolMessage.TypedRecord recordObject(JsonParser parser) throws IOException {
    String stream = null;
    String namespace = null;
    boolean namespaceSeen = false;
    Long emittedAt = null;
    RecordDecoder decoder = null;
    Object[] row = null;
    String field;
    while ((field = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      switch (field) {
        case "stream" -> {
          if (stream != null || row != null || token != JsonToken.VALUE_STRING) {
            return null;
          }
          stream = parser.getText();
        }
        case "namespace" -> {
          if (namespaceSeen || row != null || (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL)) {
            return null;
          }
          namespaceSeen = true;
          namespace = token == JsonToken.VALUE_NULL ? null : parser.getText();
        }
        case "emitted_at" -> {
          if (emittedAt != null || !(token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_NUMBER_INT
              && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER)) {
            return null;
          }
          emittedAt = token == JsonToken.VALUE_NULL ? 0 : parser.getLongValue();
        }
        case "data" -> {
          // The stream must be known to type the data; one named after it takes the tree path.
          decoder = stream == null || row != null || token != JsonToken.START_OBJECT ? null : decoder(stream, namespace);
          if (decoder == null) {
            return null;
          }
          row = decoder.row(parser);
        }
        default -> parser.skipChildren();
      }
    }
    return row == null ? null
        : new ProtocolMessage.TypedRecord(decoder.schema(), row, emittedAt == null ? 0 : emittedAt);
  }

  private RecordDecoder decoder(String stream, String namespace) {
    RecordDecoder previous = last;
    if (previous != null && previous.schema().stream().name().equals(stream)
        && Objects.equals(previous.schema().stream().namespace(), namespace)) {
      return previous;
    }
    RecordDecoder found = decoders.get(new StreamDescriptor(stream, namespace));
    if (found != null) {
      last = found;
    }
    return found;
  }

  /** A record the tree path decoded, typed from its tree; left as it is for a stream outside the catalog. */
  private ProtocolMessage typed(ProtocolMessage.Record record) {
    RecordDecoder decoder = decoders.get(record.stream());
    if (decoder == null) {
      return record;
    }
    try (JsonParser parser = record.data().traverse()) {
      parser.nextToken();
      Object[] row = decoder.row(parser);
      decoder.reportMisfits();
      return new ProtocolMessage.TypedRecord(decoder.schema(), row, record.emittedAt());
    } catch (IOException e) {
      throw new IllegalStateException("reading a tree cannot fail", e);
    }
  }
}
