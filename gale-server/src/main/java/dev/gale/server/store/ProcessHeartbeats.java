package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The heartbeat rows of the Gale processes on one store (table {@code process_heartbeats}): each process writes its
 * own row when it starts and every {@link #INTERVAL}, and deletes it when it stops gracefully. A row not seen for
 * {@link #GONE_AFTER} belongs to a process that died without a word (killed, crashed, cut off); it no longer counts
 * and is pruned.
 */
public final class ProcessHeartbeats {
  /** How often a process writes its row. */
  public static final Duration INTERVAL = Duration.ofSeconds(10);
  /** Three beats missed: the process is gone. One missed beat (a long pause, a slow store) is not enough. */
  public static final Duration GONE_AFTER = INTERVAL.multipliedBy(3);

  /** What kind of process: {@code gale server} or {@code gale worker}. */
  public enum Kind {
    SERVER, WORKER;

    /** As stored and as the metrics label it: {@code server}, {@code worker}. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind ofWire(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * A running process.
   *
   * @param id unique among the processes of the store, for as long as it runs
   * @param workers how many jobs it may run at once (a server may run none)
   */
  public record Process(String id, Kind kind, String host, int workers, Instant startedAt) {
    public Process {
      requireNonNull(id, "id is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(host, "host is null");
      requireNonNull(startedAt, "startedAt is null");
      if (workers < 0) {
        throw new IllegalArgumentException("workers must not be negative");
      }
    }
  }

  private final Database database;

  public ProcessHeartbeats(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /**
   * Marks the process seen now, writing its row when there is none (its first beat, or after its row was pruned
   * because it had been silent too long: it is alive after all).
   */
  public void beat(Process process) {
    requireNonNull(process, "process is null");
    database.jdbi().useTransaction(handle -> {
      Instant now = database.now();
      // Only the process itself writes its row, so the update and the insert never race with each other.
      int seen = handle.createUpdate("UPDATE process_heartbeats SET seen_at = :now WHERE process_id = :id")
          .bind("id", process.id())
          .bind("now", now)
          .execute();
      if (seen == 0) {
        handle.createUpdate("INSERT INTO process_heartbeats (process_id, kind, host, workers, started_at, seen_at) "
                + "VALUES (:id, :kind, :host, :workers, :startedAt, :now)")
            .bind("id", process.id())
            .bind("kind", process.kind().wire())
            .bind("host", process.host())
            .bind("workers", process.workers())
            .bind("startedAt", process.startedAt())
            .bind("now", now)
            .execute();
      }
    });
  }

  /** Deletes the process's row: it stops. */
  public void remove(String processId) {
    requireNonNull(processId, "processId is null");
    database.jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM process_heartbeats WHERE process_id = :id")
        .bind("id", processId)
        .execute());
  }

  /** Deletes the rows not seen for {@link #GONE_AFTER}; returns how many. */
  public int pruneGone() {
    return database.jdbi().withHandle(handle -> handle.createUpdate("DELETE FROM process_heartbeats "
            + "WHERE seen_at < :since")
        .bind("since", database.now().minus(GONE_AFTER))
        .execute());
  }
}
