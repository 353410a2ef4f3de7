package dev.gale.app;

import dev.gale.server.GaleConfig;
import dev.gale.server.GaleWorker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gale worker}: workers and scheduler without the API, beside servers on one PostgreSQL. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Starts a Gale worker: it runs the jobs that servers on the same store queue, and serves no API.",
        "Give it the servers' store (GALE_DATABASE_URL, GALE_DATABASE_USER, GALE_DATABASE_PASSWORD) and secret key",
        "(GALE_SECRET_KEY, or the same data directory); GALE_WORKERS sets how many jobs it runs at once (4).",
        "On a port of its own (--port, GALE_WORKER_PORT, 8001 by default) it serves its health (/api/v1/health) "
            + "and Prometheus metrics (/metrics), without credentials.",
        "On SIGTERM it stops gracefully: running syncs stop at their next committed state, within GALE_SHUTDOWN_GRACE",
        "seconds (30), and other processes take their jobs up at once."})
final class WorkerCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N",
      description = "Port for its health and metrics (default: $GALE_WORKER_PORT or 8001).")
  Integer port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where its logs and, without GALE_SECRET_KEY, the secret key live (default: $GALE_DATA_DIR or ~/.gale).")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    GaleConfig config = GaleConfig.fromEnvironment(System.getenv(), GaleConfig.workerPort(System.getenv(), port), dataDir);
    GaleWorker worker = GaleWorker.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      worker.close();
      stopped.countDown();
    }, "gale-shutdown"));
    System.out.println(Banner.ofWorker(config, worker.workers(), worker.port()));
    stopped.await();
    return 0;
  }
}
