package dev.gale.server;

import static java.util.Objects.requireNonNull;

import dev.gale.server.api.SystemApi;
import dev.gale.server.http.ApiServer;
import dev.gale.server.http.Router;
import dev.gale.server.jobs.JobRuntime;
import dev.gale.server.logs.LogFiles;
import dev.gale.server.metrics.GaleMetrics;
import dev.gale.server.metrics.MetricsApi;
import dev.gale.server.store.Database;
import dev.gale.server.store.ProcessHeartbeats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process ({@code gale worker}): the workers and the scheduler of a server, without its API. Started beside
 * servers on one PostgreSQL, it takes jobs from the shared queue; the servers answer for it. It needs the servers'
 * secret key (the same {@code GALE_SECRET_KEY}, or the same data directory) to read the configurations it runs, and
 * the same data directory for its attempt logs to show in {@code jobs/get}.
 *
 * <p>On a port of its own ({@code config.port()}: {@code GALE_WORKER_PORT}, 8001 by default) it serves its health
 * ({@code /api/v1/health}) and its metrics ({@code /metrics}), both open as on a server, and its OpenAPI document
 * behind the servers' credentials: nothing else.
 */
public final class GaleWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GaleWorker.class);

  private final Database database;
  private final JobRuntime jobs;
  private final LogFiles logs;
  private final GaleMetrics metrics;
  private final ApiServer http;
  private final int workers;

  private GaleWorker(Database database, JobRuntime jobs, LogFiles logs, GaleMetrics metrics, ApiServer http,
                     int workers) {
    this.database = database;
    this.jobs = jobs;
    this.logs = logs;
    this.metrics = metrics;
    this.http = http;
    this.workers = workers;
  }

  /** Opens the store, brings it up to date as a server would, starts the workers and the scheduler, and serves. */
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
    GaleMetrics metrics = new GaleMetrics();
    GaleServer.Wiring wiring = null;
    try {
      // The API's routes are built and never served: the wiring is the server's, so both run jobs the same way.
      wiring = GaleServer.wire(ProcessHeartbeats.Kind.WORKER, new Router(), database, config, clock, logs, metrics);
      Router served = new Router();
      new SystemApi(served, GaleServer.VERSION).routes().forEach(served::add);
      new MetricsApi(metrics).routes().forEach(served::add);
      ApiServer http = new ApiServer(config.host(), config.port(), served,
          GaleServer.authenticators(config, wiring.tokens()), config.http(), metrics.http());
      http.start();
      LOG.info("Gale {} worker running {} workers, health and metrics on port {} (store: {})", GaleServer.VERSION,
          config.jobs().workers(), http.port(), database.vendor());
      return new GaleWorker(database, wiring.jobs(), logs, metrics, http, config.jobs().workers());
    } catch (IOException | RuntimeException e) {
      if (wiring != null) {
        wiring.jobs().close();
      }
      metrics.close();
      logs.close();
      database.close();
      throw e instanceof IOException io ? new UncheckedIOException("Cannot listen on port " + config.port(), io)
          : (RuntimeException) e;
    }
  }

  public int workers() {
    return workers;
  }

  /** The port its health and metrics are served on. */
  public int port() {
    return http.port();
  }

  public Database database() {
    return database;
  }

  /**
   * Stops gracefully (a SIGTERM's shutdown hook calls this): the workers claim nothing more, their running syncs stop
   * at their next committed state within {@code GALE_SHUTDOWN_GRACE} and are taken up at once by another process (see
   * {@link JobRuntime#close}); health and metrics are served meanwhile. Then those, then the store.
   */
  @Override
  public void close() {
    jobs.close();
    http.close();
    metrics.close();
    logs.close();
    database.close();
  }
}
