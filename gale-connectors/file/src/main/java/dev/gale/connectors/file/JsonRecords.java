package dev.gale.connectors.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gale.connector.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;

/**
 * The records of a JSON or JSONL file, one object at a time: a JSON file holds an array of objects or one object, a
 * JSONL file one object per line. Only the current record is in memory, whatever the file's size.
 */
final class JsonRecords implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FileSourceConfig config;
  private final JsonParser parser;
  private final boolean inArray;
  private long count;
  private boolean done;

  private JsonRecords(FileSourceConfig config, InputStream in) throws IOException {
    this.config = config;
    this.parser = MAPPER.getFactory().createParser(new InputStreamReader(in, config.readerOptions().encoding()));
    JsonToken first = token();
    this.inArray = first == JsonToken.START_ARRAY && config.format() == FileFormat.JSON;
    if (first == null) {
      done = true;
    } else if (!inArray && first != JsonToken.START_OBJECT) {
      throw new ConnectorException(config.shownUrl() + " is not " + config.format().value().toUpperCase(
          java.util.Locale.ROOT) + ": " + (config.format() == FileFormat.JSON
          ? "it must hold an array of objects or one object" : "every line must hold one object"));
    }
  }

  static JsonRecords open(FileSourceConfig config) throws IOException, InterruptedException {
    InputStream in = FileOpener.open(config);
    try {
      return new JsonRecords(config, in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The next record, or {@code null} at the end of the file. */
  JsonNode next() throws IOException {
    if (done) {
      return null;
    }
    // The parser stands on the record's START_OBJECT, except in an array, where it stands before it.
    JsonToken token = count == 0 && !inArray ? JsonToken.START_OBJECT : token();
    if (token == null || token == JsonToken.END_ARRAY) {
      done = true;
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw new ConnectorException("Record " + (count + 1) + " of " + config.shownUrl() + " is not a JSON object");
    }
    try {
      JsonNode record = MAPPER.readTree(parser);
      count++;
      if (!inArray && config.format() == FileFormat.JSON && token() != null) {
        throw new ConnectorException(config.shownUrl() + " holds more than one JSON value; use format jsonl for "
            + "one object per line");
      }
      if (!inArray && config.format() == FileFormat.JSON) {
        done = true;
      }
      return record;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** The 1-based number of the last record read. */
  long recordNumber() {
    return count;
  }

  private JsonToken token() throws IOException {
    try {
      return parser.nextToken();
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private ConnectorException malformed(JsonProcessingException e) {
    return new ConnectorException(config.shownUrl() + " is not valid " + config.format().value() + " after record "
        + count + ": " + e.getOriginalMessage(), null);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
