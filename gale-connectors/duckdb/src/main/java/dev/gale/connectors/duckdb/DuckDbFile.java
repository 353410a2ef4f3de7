package dev.gale.connectors.duckdb;

import dev.gale.connector.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens a DuckDB database file for writing, creating it and its directory when missing. */
final class DuckDbFile {
  /**
   * One lock per database file for changes to its catalog (schemas, tables, renames). DuckDB runs concurrent
   * transactions optimistically and fails one of two that change the catalog at once ("Catalog write-write
   * conflict"), even for {@code CREATE SCHEMA IF NOT EXISTS}; concurrent checks and syncs of one file in this process
   * take turns instead. Rows are appended outside the lock: appends to different tables do not conflict.
   */
  private static final Map<Path, ReentrantLock> CATALOG_LOCKS = new ConcurrentHashMap<>();

  /**
   * DuckDB's {@code memory_limit} for the files Gale writes. DuckDB's default is 80% of the machine's memory, and its
   * buffer manager keeps the blocks a load has written cached up to that limit. Appending 10M rows of 16 columns in
   * one transaction (2026-12-03, 23 GB machine) peaked at 2.48 GB RSS by default and 1.22 GB with this bound, the
   * rest being the JVM's heap. Appends need little of it (written blocks can be evicted for free), and the sorts and
   * hash tables of a deduplicating merge spill to {@code <file>.tmp} beyond it. Airbyte's destination-duckdb
   * spec has no memory setting ({@code destination_path}, {@code schema}, {@code motherduck_api_key}), so the bound
   * is fixed. It is per database instance: every connection to the file in this process shares it.
   */
  static final String MEMORY_LIMIT = "512MiB";

  private DuckDbFile() {}

  /** Work on a connection that may throw {@link SQLException}. */
  interface CatalogWork<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work}, which changes the catalog of {@code file}, while no other such work on the file runs. */
  static <T> T changingCatalog(Path file, CatalogWork<T> work) throws SQLException {
    ReentrantLock lock = CATALOG_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "Interrupted while waiting for " + file, e);
    }
    try {
      return work.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * A connection in manual-commit mode, so that appended rows and DDL become visible only with {@code commit}, with
   * DuckDB's memory bounded by {@link #MEMORY_LIMIT}.
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
      connection = connect(file);
    } catch (SQLException e) {
      throw new ConnectorException(heldElsewhere(e.getMessage())
          .map(holder -> "destination_path " + file + " is in use by another process" + holder + ": DuckDB lets one "
              + "process write a file at a time; close it there (a DuckDB shell, a notebook) and sync again")
          .orElse("Cannot open destination_path " + file + " as a DuckDB database: " + e.getMessage()));
    }
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
      }
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new ConnectorException("Cannot open destination_path " + file + " as a DuckDB database: "
          + e.getMessage());
    }
  }

  /**
   * Connects, waiting out this process's own hold on the file. Connections to one file in one process share a
   * database instance, which DuckDB closes with the last connection: a connection opened while another check or sync
   * of the file is just closing that instance fails ("Unique file handle conflict: ... is already attached"; 46 of
   * 1,200 opens by 4 threads in a loop, duckdb_jdbc 2.0.0.1). That passes in milliseconds, so it is tried again for
   * up to two seconds; another process's lock is reported at once.
   */
  private static Connection connect(Path file) throws SQLException {
    long deadline = System.nanoTime() + OWN_HOLD_WAIT.toNanos();
    while (true) {
      try {
        return DriverManager.getConnection("jdbc:duckdb:" + file);
      } catch (SQLException e) {
        boolean ownHold = e.getMessage() != null && e.getMessage().contains("Unique file handle conflict");
        if (!ownHold || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static final Duration OWN_HOLD_WAIT = Duration.ofSeconds(2);

  private static final Pattern HOLDER = Pattern.compile("Conflicting lock is held in .*? \\((PID \\d+)\\)");

  /** For DuckDB's "Could not set lock on file" error, the holder as " (PID n)" where DuckDB names it. */
  private static Optional<String> heldElsewhere(String message) {
    if (message == null || !message.contains("Could not set lock on file")) {
      return Optional.empty();
    }
    Matcher holder = HOLDER.matcher(message);
    return Optional.of(holder.find() ? " (" + holder.group(1) + ")" : "");
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Already failing; the first problem is the one to report.
    }
  }
}
