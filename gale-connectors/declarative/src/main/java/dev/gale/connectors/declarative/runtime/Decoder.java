package dev.gale.connectors.declarative.runtime;

import dev.gale.connectors.declarative.manifest.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * How a response body becomes JSON documents: one document ({@code JsonDecoder}, the default) or one per line
 * ({@code JsonlDecoder}). A body that is neither fails clearly instead of reading as no records.
 */
public enum Decoder {
  JSON, JSONL;

  public static Decoder of(String type) {
    return "JsonlDecoder".equals(type) ? JSONL : JSON;
  }

  /**
   * Decodes beforehand what {@link #decode} will read, on a thread that has time for it (the next page's, while the
   * reader is busy with this one). A body that does not decode is left for {@link #decode} to report.
   */
  public void decodeAhead(HttpResult result) {
    if (this == JSON) {
      result.jsonOrEmpty();
    }
  }

  /**
   * The documents of a response.
   *
   * @throws IOException when the body is not what this decoder reads
   */
  public List<Object> decode(HttpResult result) throws IOException {
    if (this == JSON) {
      return List.of(result.json());
    }
    List<Object> documents = new ArrayList<>();
    for (String line : new String(result.body(), StandardCharsets.UTF_8).split("\r?\n")) {
      if (!line.isBlank()) {
        documents.add(JsonValues.parse(line.getBytes(StandardCharsets.UTF_8)));
      }
    }
    if (documents.isEmpty()) {
      documents.add(new LinkedHashMap<String, Object>());
    }
    return documents;
  }
}
