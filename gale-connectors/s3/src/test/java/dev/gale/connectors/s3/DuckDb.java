package dev.gale.connectors.s3;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB as the independent reader of what the destination wrote. */
final class DuckDb {
  private DuckDb() {}

  /** The rows of {@code select ... from <reader of the files>}, each as column name to JDBC object. */
  static List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery(sql)) {
        ResultSetMetaData meta = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i), result.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /** The DuckDB type name of each column of a query, from DESCRIBE. */
  static Map<String, String> types(String sql) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map<String, Object> row : query("DESCRIBE SELECT * FROM " + sql)) {
      types.put((String) row.get("column_name"), (String) row.get("column_type"));
    }
    return types;
  }

  static String glob(Path directory, String pattern) {
    return "'" + directory.toAbsolutePath().resolve(pattern).toString().replace("'", "''") + "'";
  }
}
