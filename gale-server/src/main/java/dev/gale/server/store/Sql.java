package dev.gale.server.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Small SQL helpers shared by the repositories. */
final class Sql {
  /** SQLSTATE of a unique or primary key violation, the same in PostgreSQL and H2. */
  private static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  /** Whether {@code e} (or a cause) is a unique violation: how an insert learns that a concurrent one won. */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Locks a connection's row until the transaction ends: writers of a connection's state, jobs and generations take
   * turns on it.
   *
   * @throws IllegalArgumentException when there is no such connection
   */
  static void lockConnection(Handle handle, UUID connectionId) {
    handle.createQuery("SELECT id FROM connection WHERE id = :connectionId FOR UPDATE")
        .bind("connectionId", connectionId)
        .mapTo(UUID.class)
        .findOne()
        .orElseThrow(() -> new IllegalArgumentException("no connection " + connectionId));
  }

  /** A {@code LIKE} pattern (default escape character {@code \}) matching values that contain {@code text}. */
  static String containsPattern(String text) {
    String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
