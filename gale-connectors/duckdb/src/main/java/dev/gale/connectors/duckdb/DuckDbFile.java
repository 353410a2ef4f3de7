package dev.gale.connectors.duckdb;

import dev.gale.connector.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens a DuckDB database file for writing, creating it and its directory when missing. */
final class DuckDbFile {
  private DuckDbFile() {}

  /**
   * A connection in manual-commit mode, so that appended rows and DDL become visible only with {@code commit}.
   *
   * @throws ConnectorException when the directory cannot be made or the file is not a DuckDB database or cannot be
   *     written (DuckDB's message says which)
   */
  static Connection open(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new ConnectorException("Cannot create the directory of destination_path " + file + ": " + e);
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:" + file);
    } catch (SQLException e) {
      throw new ConnectorException("Cannot open destination_path " + file + " as a DuckDB database: "
          + e.getMessage());
    }
    try {
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new ConnectorException("Cannot open destination_path " + file + " as a DuckDB database: "
          + e.getMessage());
    }
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Already failing; the first problem is the one to report.
    }
  }
}
