package dev.gale.server.testing;

import dev.gale.server.store.Database;
import java.time.Clock;
import java.util.UUID;

/**
 * A fresh, migrated database of one vendor for one test class, opened on first use with a {@link TickingClock} (or
 * the clock a test chose with {@link #useClock} before).
 * Closing it drops an H2 database; PostgreSQL databases go away with the shared server at JVM exit.
 */
public final class TestDatabase implements AutoCloseable {
  public enum Kind { H2, POSTGRESQL }

  private final Kind kind;
  private Clock clock = TickingClock.startingAt2025();
  private Database database;

  public TestDatabase(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Stamps rows with {@code chosen} instead of a ticking clock; call before the first {@link #database()} (calling
   * again with the same clock changes nothing).
   */
  public synchronized void useClock(Clock chosen) {
    if (database != null && clock != chosen) {
      throw new IllegalStateException("the database is open already, with its clock");
    }
    clock = chosen;
  }

  public synchronized Database database() {
    if (database == null) {
      Database.Settings settings = switch (kind) {
        case H2 -> Database.Settings.h2Memory("gale_test_" + UUID.randomUUID());
        case POSTGRESQL -> TestingPostgres.shared().newDatabase();
      };
      database = Database.open(settings, clock);
      // Goes to the test's output file, where it shows which vendor each run of a class used.
      System.out.println("Test database: " + this + " at " + settings.url());
    }
    return database;
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      if (kind == Kind.H2) {
        // The in-memory database outlives its connections (DB_CLOSE_DELAY=-1); drop it so memory is not kept.
        database.jdbi().useHandle(handle -> handle.execute("DROP ALL OBJECTS"));
      }
      database.close();
      database = null;
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
