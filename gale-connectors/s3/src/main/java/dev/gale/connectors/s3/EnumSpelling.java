package dev.gale.connectors.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Airbyte's API guide writes enum values in lower case ({@code "compression_codec": "snappy"}) while the connector's
 * spec declares them as Airbyte's enums ({@code SNAPPY}); Airbyte accepts both. Before reading, the values of these
 * properties are rewritten to the declared spelling when they match one ignoring case.
 */
final class EnumSpelling {
  private static final List<String> FORMAT_TYPES = List.of("CSV", "JSONL", "Parquet", "Avro");
  private static final List<String> FLATTENINGS = List.of("No flattening", "Root level flattening");
  private static final List<String> COMPRESSION_TYPES = List.of("No Compression", "GZIP");
  private static final List<String> AVRO_CODECS = java.util.Arrays.stream(AvroCodec.values())
      .map(AvroCodec::airbyteName).toList();
  private static final List<String> CODECS = List.of("UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD");

  private EnumSpelling() {}

  /** A copy of {@code config} with known enum values in their declared spelling; the caller's node is untouched. */
  static JsonNode canonical(JsonNode config) {
    if (config == null || !config.isObject() || !config.path("format").isObject()) {
      return config;
    }
    ObjectNode copy = config.deepCopy();
    ObjectNode format = (ObjectNode) copy.get("format");
    respell(format, "format_type", FORMAT_TYPES);
    respell(format, "flattening", FLATTENINGS);
    respell(format, "compression_codec", CODECS);
    if (format.get("compression_codec") instanceof ObjectNode avroCodec) {
      respell(avroCodec, "codec", AVRO_CODECS);
    }
    if (format.get("compression") instanceof ObjectNode compression) {
      respell(compression, "compression_type", COMPRESSION_TYPES);
    }
    return copy;
  }

  private static void respell(ObjectNode node, String property, List<String> declared) {
    JsonNode value = node.get(property);
    if (value == null || !value.isTextual()) {
      return;
    }
    String given = value.textValue().trim().toLowerCase(Locale.ROOT);
    declared.stream().filter(name -> name.toLowerCase(Locale.ROOT).equals(given)).findFirst()
        .ifPresent(name -> node.put(property, name));
  }
}
