package dev.gale.connectors.declarative.read;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gale.connectors.declarative.manifest.JsonValues;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans, null) as compact JSON text, exactly as
 * {@link JsonValues#write} does, through one generator and one buffer reused for every value. A sync writes the nested
 * values of every record this way ({@code JSON} columns); creating a generator and looking up serializers for each
 * value cost more than writing it. A value holding anything else (a date a transformation added, a set) is written by
 * {@link JsonValues#write}. Not thread-safe: one per reading thread.
 */
final class JsonText {
  private final CharArrayWriter buffer = new CharArrayWriter(256);
  private JsonGenerator generator = newGenerator();

  String write(Object value) {
    buffer.reset();
    try {
      writeValue(value);
      generator.flush();
    } catch (NotPlain | IOException e) {
      // The generator may be in the middle of a structure: start a fresh one for the next value.
      generator = newGenerator();
      return JsonValues.write(value);
    }
    return buffer.toString();
  }

  private void writeValue(Object value) throws IOException {
    switch (value) {
      case null -> generator.writeNull();
      case String text -> generator.writeString(text);
      case Boolean bool -> generator.writeBoolean(bool);
      case Long number -> generator.writeNumber(number);
      case Integer number -> generator.writeNumber(number);
      case Double number -> generator.writeNumber(number);
      case BigInteger number -> generator.writeNumber(number);
      case BigDecimal number -> generator.writeNumber(number);
      case Map<?, ?> map -> {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!(entry.getKey() instanceof String key)) {
            throw new NotPlain();
          }
          generator.writeFieldName(key);
          writeValue(entry.getValue());
        }
        generator.writeEndObject();
      }
      case List<?> list -> {
        generator.writeStartArray();
        for (Object item : list) {
          writeValue(item);
        }
        generator.writeEndArray();
      }
      default -> throw new NotPlain();
    }
  }

  private JsonGenerator newGenerator() {
    try {
      JsonGenerator created = JsonValues.mapper().createGenerator(buffer);
      // Each value is a document of its own: no separator between one and the next.
      created.setRootValueSeparator(null);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value {@link #writeValue} leaves to the object mapper; carries nothing. */
  private static final class NotPlain extends RuntimeException {
    NotPlain() {
      super(null, null, false, false);
    }
  }
}
