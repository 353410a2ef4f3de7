package dev.gale.connectors.declarative.runtime;

import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connectors.declarative.manifest.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a response body becomes JSON documents: one document ({@code JsonDecoder}, the default) or one per line
 * ({@code JsonlDecoder}). A body that is not what the decoder reads gives what the CDK's decoders give, never a
 * failure: {@code JsonDecoder} falls back to one empty object (no records, and no next page from templates over the
 * response), and {@code JsonlDecoder} skips a line it cannot parse. Each is logged, naming the stream and request.
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

  /** The documents of a response; at least one. */
  public List<Object> decode(Run run, HttpResult result, String stream) {
    if (this == JSON) {
      try {
        return List.of(result.json());
      } catch (IOException e) {
        // The CDK's JsonDecoder catches any parse failure and yields {}, after its parser logs the error.
        run.log(LogLevel.ERROR, describe(result, stream) + " is not valid JSON, so it gives no records (as in "
            + "Airbyte's JsonDecoder): " + firstLine(e.getMessage()));
        return List.of(new LinkedHashMap<String, Object>());
      }
    }
    List<Object> documents = new ArrayList<>();
    String[] lines = new String(result.body(), StandardCharsets.UTF_8).split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        try {
          documents.add(JsonValues.parse(lines[i].getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
          // The CDK's JSON lines parser logs a warning and goes on with the next line.
          run.log(LogLevel.WARN, describe(result, stream) + ": line " + (i + 1) + " is not valid JSON and is "
              + "skipped: " + firstLine(e.getMessage()));
        }
      }
    }
    if (documents.isEmpty()) {
      documents.add(Map.of());
    }
    return documents;
  }

  private static String describe(HttpResult result, String stream) {
    return "Stream '" + stream + "': the response to " + result.call().method() + " " + result.call().url()
        + " (HTTP " + result.status() + ", " + result.header("Content-Type").orElse("no content type") + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
