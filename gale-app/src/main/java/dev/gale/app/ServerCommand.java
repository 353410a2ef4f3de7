package dev.gale.app;

import dev.gale.server.GaleConfig;
import dev.gale.server.GaleServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gale server}: API, scheduler and workers in one process, on the embedded store unless told otherwise. */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = {"Starts the Gale server: the Config API on one port, with an embedded H2 store by default.",
        "It serves /api/v1/health and Prometheus metrics (/metrics) without credentials.",
        "Environment: GALE_PORT, GALE_DATA_DIR, GALE_DATABASE_URL, GALE_DATABASE_USER, GALE_DATABASE_PASSWORD,",
        "GALE_AUTH_ENABLED, GALE_AUTH_USERNAME, GALE_AUTH_PASSWORD, GALE_SECRET_KEY, GALE_WORKERS,",
        "GALE_TOKEN_TTL (seconds a bearer token lives, 900 by default),",
        "GALE_RETENTION_DAYS (days of job history kept, 30 by default),",
        "GALE_SHUTDOWN_GRACE (seconds running syncs get to reach a committed state when the server stops, 30 by default),",
        "GALE_HTTP_REQUEST_TIMEOUT (seconds a request may take to arrive, 30 by default),",
        "GALE_HTTP_IDLE_TIMEOUT (seconds a connection may stay silent, 30 by default),",
        "GALE_HTTP_MAX_CONNECTIONS (open connections at once, 1000 by default),",
        "GALE_CONNECTORS (the connector catalog folder, <data dir>/connectors by default; see gale connectors),",
        "GALE_CONNECTOR_COMMANDS (a file of 'repository = command line' lines: how images Gale does not ship run;",
        "otherwise source-xyz/destination-xyz on the PATH, else Docker where an engine answers),",
        "GALE_CONNECTOR_SPEC_TIMEOUT (seconds such a program's spec may take, 300 by default)."})
final class ServerCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: $GALE_PORT or 8000).")
  Integer port;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded store, logs and keys live (default: $GALE_DATA_DIR or ~/.gale).")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    GaleConfig config = GaleConfig.fromEnvironment(System.getenv(), port, dataDir);
    GaleServer server = GaleServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "gale-shutdown"));
    System.out.println(Banner.of(config, server.port()));
    stopped.await();
    return 0;
  }
}
