package dev.gale.connectors.declarative.pagination;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.Map;

/** Page sizes written as a number or a template over {@code config} (and, for offsets, {@code response}). */
final class PageSizes {
  private PageSizes() {}

  static Long eval(Run run, Template pageSize, Map<String, ?> variables) {
    if (pageSize == null) {
      return null;
    }
    Object value = pageSize.eval(run, variables);
    if (value == null) {
      return null;
    }
    return Values.asLong(value).orElseThrow(() ->
        new ConnectorException("The page size " + pageSize.text() + " is not an integer"));
  }
}
