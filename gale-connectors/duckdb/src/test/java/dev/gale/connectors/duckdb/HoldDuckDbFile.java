package dev.gale.connectors.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another process with a DuckDB file open for writing, as a user's DuckDB shell or notebook would have it: opens the
 * file named by its argument, says "open", and holds it until its standard input ends.
 */
public final class HoldDuckDbFile {
  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
      connection.createStatement().execute("CREATE TABLE IF NOT EXISTS held (id INTEGER)");
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Held until the test closes our input.
      }
    }
  }
}
