package dev.gale.server.store;

import java.sql.SQLException;
import java.util.Locale;

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

  /** A {@code LIKE} pattern (default escape character {@code \}) matching values that contain {@code text}. */
  static String containsPattern(String text) {
    String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
