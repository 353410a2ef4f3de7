package dev.gale.connectors.declarative.extract;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Decoder;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
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
   * @throws ConnectorException when a record is not an object; names the stream
   */
  public List<Map<String, Object>> extract(Run run, HttpResult response, String stream) {
    List<Object> bodies = decoder.decode(run, response, stream);
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
}
