package dev.gale.connectors.declarative.extract;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Decoder;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the records in a response, as Airbyte's {@code DpathExtractor}: the value at {@code field_path} (segments may
 * be templates over {@code config}, and {@code *} matches any key or index); a list gives its items, an object gives
 * itself, nothing (or an empty object) gives no records. An empty path takes the whole body.
 */
public record DpathExtractor(List<Template> fieldPath, Decoder decoder) {

  public DpathExtractor {
    fieldPath = List.copyOf(fieldPath);
  }

  /**
   * The records of {@code response}, in order.
   *
   * @throws ConnectorException when the body is not JSON or a record is not an object; names the stream
   */
  public List<Map<String, Object>> extract(Run run, HttpResult response, String stream) {
    List<Object> bodies;
    try {
      bodies = decoder.decode(response);
    } catch (IOException e) {
      throw new ConnectorException(run.secrets().mask("Stream '" + stream + "': the response to "
          + response.call().method() + " " + response.call().url() + " (HTTP " + response.status() + ", "
          + response.header("Content-Type").orElse("no content type") + ") is not valid JSON: "
          + firstLine(e.getMessage())));
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (Object body : bodies) {
      for (Object item : select(run, body)) {
        records.add(asRecord(run, item, stream));
      }
    }
    return records;
  }

  private List<Object> select(Run run, Object body) {
    if (fieldPath.isEmpty()) {
      return items(body);
    }
    List<String> path = new ArrayList<>(fieldPath.size());
    fieldPath.forEach(segment -> path.add(segment.evalString(run, Map.of())));
    if (path.contains("*")) {
      return Dpath.values(body, path);
    }
    return Dpath.get(body, path).map(DpathExtractor::items).orElse(List.of());
  }

  private static List<Object> items(Object extracted) {
    if (extracted instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (extracted == null || extracted instanceof Map<?, ?> map && map.isEmpty()
        || extracted instanceof String text && text.isEmpty()) {
      return List.of();
    }
    return List.of(extracted);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asRecord(Run run, Object item, String stream) {
    if (item instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new ConnectorException("Stream '" + stream + "': the records the manifest selects must be JSON objects, but"
        + " one is " + (item == null ? "null" : item instanceof List ? "a list" : "a " + item.getClass()
        .getSimpleName().toLowerCase(Locale.ROOT)));
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
