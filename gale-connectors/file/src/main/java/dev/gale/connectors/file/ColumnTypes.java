package dev.gale.connectors.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the sampled records hold, column by column, in the order columns first appear. A column that only
 * ever held nulls is a string column, the least committal type.
 */
final class ColumnTypes {
  private final Map<String, ColumnType> seen = new LinkedHashMap<>();

  /** Notes a column, so that it is offered even when it never holds a value. */
  void declare(String column) {
    seen.putIfAbsent(column, null);
  }

  /** Notes a value of {@code type} in {@code column}; {@code null} is a missing value. */
  void observe(String column, ColumnType type) {
    ColumnType before = seen.get(column);
    seen.put(column, before == null ? type : before.widen(type));
  }

  List<FileColumn> columns() {
    List<FileColumn> columns = new ArrayList<>(seen.size());
    seen.forEach((name, type) -> columns.add(new FileColumn(name, type == null ? ColumnType.STRING : type)));
    return columns;
  }
}
