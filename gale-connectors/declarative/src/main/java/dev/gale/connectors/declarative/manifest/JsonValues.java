package dev.gale.connectors.declarative.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain Java values the runtime works with, as the {@code Interpolation} contract wants them: {@link Map} with
 * string keys (insertion-ordered), {@link List}, {@link String}, {@link Long} or {@link java.math.BigInteger},
 * {@link Double}, {@link Boolean}, {@code null}. Integers are always {@link Long} so that values compare alike
 * wherever they come from (Python has one integer type).
 */
public final class JsonValues {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .build();

  // JSON trees for the outside world hold integers as JSON readers make them (int where it fits).
  private static final ObjectMapper PLAIN = JsonMapper.builder().build();

  private JsonValues() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static Object toJava(JsonNode node) {
    return node == null || node.isMissingNode() ? null : MAPPER.convertValue(node, Object.class);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(JsonNode node) {
    Object value = toJava(node);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
  }

  /** A JSON tree of a plain value, as parsing its JSON text would give it. */
  public static JsonNode toNode(Object value) {
    try {
      return PLAIN.readTree(PLAIN.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalArgumentException("not serializable as JSON: " + e.getMessage(), e);
    }
  }

  /** Parses JSON text into plain values. */
  public static Object parse(byte[] json) throws IOException {
    return MAPPER.readValue(json, Object.class);
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
