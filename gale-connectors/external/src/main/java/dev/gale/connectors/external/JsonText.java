package dev.gale.connectors.external;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Copies the value a parser is at (a scalar, or an object or array to its end) as compact JSON text, through one
 * generator and one buffer reused for every value: the nested values of every record take this way into their
 * {@code JSON} columns, and a generator per value would cost more than the copying. The text is what Jackson's
 * {@code JsonNode.toString()} gives for the same value (numbers as the parser types them, the default escaping), so
 * a record reads the same as when it went through a tree; only an object that repeats a name keeps both here, where
 * a tree keeps the last. Not thread-safe: one per reading thread.
 */
final class JsonText {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final CharArrayWriter buffer = new CharArrayWriter(256);
  private JsonGenerator generator = newGenerator();

  String write(JsonParser parser) throws IOException {
    buffer.reset();
    try {
      generator.copyCurrentStructure(parser);
      generator.flush();
    } catch (IOException | RuntimeException e) {
      // The generator may be in the middle of a structure: start a fresh one for the next value.
      generator = newGenerator();
      throw e;
    }
    return buffer.toString();
  }

  private JsonGenerator newGenerator() {
    try {
      JsonGenerator created = FACTORY.createGenerator(buffer);
      // Each value is a document of its own: no separator between one and the next.
      created.setRootValueSeparator(null);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
