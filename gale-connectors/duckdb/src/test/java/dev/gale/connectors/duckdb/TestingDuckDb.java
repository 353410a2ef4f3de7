package dev.gale.connectors.duckdb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.LocalRoot;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A local root for the tests (one per test JVM, as the root is read from a system property) and DuckDB files in it,
 * read back through DuckDB's own JDBC driver.
 */
final class TestingDuckDb {
  static final Path ROOT = root();

  private TestingDuckDb() {}

  private static Path root() {
    try {
      Path root = Files.createTempDirectory("gale-duckdb-root");
      System.setProperty(LocalRoot.PROPERTY, root.toString());
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A configuration writing to a new file {@code /local/<name>.duckdb}. */
  static ObjectNode config(String name, String schema) {
    return Json.object().put("destination_path", "/local/" + name + ".duckdb").put("schema", schema);
  }

  static Path file(String name) {
    return ROOT.resolve(name + ".duckdb");
  }

  /** Rows of a query, each value as the driver returns it (JSON columns should be cast to text in the query). */
  static List<List<Object>> query(String name, String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file(name));
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      List<List<Object>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rows.getObject(i + 1);
        }
        result.add(Arrays.asList(row));
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
