package dev.gale.server;

import static java.util.Objects.requireNonNull;

import dev.gale.server.http.Router;
import dev.gale.server.jobs.JobRuntime;
import dev.gale.server.logs.LogFiles;
import dev.gale.server.store.Database;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process ({@code gale worker}): the workers and the scheduler of a server, without its API. Started beside
 * servers on one PostgreSQL, it takes jobs from the shared queue; the servers answer for it. It needs the servers'
 * secret key (the same {@code GALE_SECRET_KEY}, or the same data directory) to read the configurations it runs, and
 * the same data directory for its attempt logs to show in {@code jobs/get}.
 */
public final class GaleWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GaleWorker.class);

  private final Database database;
  private final JobRuntime jobs;
  private final LogFiles logs;
  private final int workers;

  private GaleWorker(Database database, JobRuntime jobs, LogFiles logs, int workers) {
    this.database = database;
    this.jobs = jobs;
    this.logs = logs;
    this.workers = workers;
  }

  /** Opens the store, brings it up to date as a server would, and starts the workers and the scheduler. */
  public static GaleWorker start(GaleConfig config) {
    requireNonNull(config, "config is null");
    if (config.jobs().workers() < 1) {
      throw new IllegalArgumentException("A worker process needs at least one worker; GALE_WORKERS is "
          + config.jobs().workers());
    }
    Clock clock = Clock.systemUTC();
    Database database = GaleServer.openStore(config, clock);
    // A worker writes the scheduler's and its other logs into its own data directory, as a server does.
    LogFiles logs = LogFiles.open(config.dataDir());
    try {
      // The routes are built and never served: the wiring is the server's, so both run jobs the same way.
      GaleServer.Wiring wiring = GaleServer.wire(new Router(), database, config, clock, logs);
      LOG.info("Gale {} worker running {} workers (store: {})", GaleServer.VERSION, config.jobs().workers(),
          database.vendor());
      return new GaleWorker(database, wiring.jobs(), logs, config.jobs().workers());
    } catch (RuntimeException e) {
      logs.close();
      database.close();
      throw e;
    }
  }

  public int workers() {
    return workers;
  }

  public Database database() {
    return database;
  }

  /**
   * Stops gracefully (a SIGTERM's shutdown hook calls this): the workers claim nothing more, their running syncs stop
   * at their next committed state within {@code GALE_SHUTDOWN_GRACE} and are taken up at once by another process (see
   * {@link JobRuntime#close}); then the store closes.
   */
  @Override
  public void close() {
    jobs.close();
    logs.close();
    database.close();
  }
}
