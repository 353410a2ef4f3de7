package dev.gale.server.testing;

import dev.gale.server.GaleConfig;
import dev.gale.server.GaleServer;
import dev.gale.server.jobs.RetryPolicy;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.jobs.WorkerSettings;
import dev.gale.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real Gale server on a free port, with its own data directory and (by default) its own in-memory H2 store.
 * Close it to stop the server and delete the directory.
 */
public final class TestingGaleServer implements AutoCloseable {
  public static final String USER = "airbyte";
  public static final String PASSWORD = "password";
  /**
   * The secret key of every test server: servers that share a store must share their key, as in production, and
   * one key for all lets any test server join another's store.
   */
  public static final String SECRET_KEY = SecretCipher.generateBase64Key();

  private final GaleServer server;
  private final Path dataDir;

  private TestingGaleServer(GaleServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  public static TestingGaleServer start() {
    return start(Database.Settings.h2Memory("gale-" + UUID.randomUUID()));
  }

  public static TestingGaleServer start(Database.Settings database) {
    return start(database, new GaleConfig.Auth(true, USER, PASSWORD));
  }

  public static TestingGaleServer start(Database.Settings database, GaleConfig.Auth auth) {
    return start(database, auth, fastJobs());
  }

  public static TestingGaleServer start(Database.Settings database, WorkerSettings jobs) {
    return start(database, new GaleConfig.Auth(true, USER, PASSWORD), jobs);
  }

  /**
   * Job settings for tests: two workers that poll and heartbeat often, short leases and backoffs, and a scheduler
   * whose tick is so long that it looks only once, at start (tests of the scheduler shorten it).
   */
  public static WorkerSettings fastJobs() {
    return WorkerSettings.defaults()
        .withWorkers(2)
        .withPolling(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(2))
        .withRetryPolicy(RetryPolicy.airbyteDefaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)))
        .withSchedulerTick(Duration.ofHours(1));
  }

  public static TestingGaleServer start(Database.Settings database, GaleConfig.Auth auth, WorkerSettings jobs) {
    return start(database, auth, jobs, UnaryOperator.identity());
  }

  /** A server on its own in-memory store, with fast jobs and a configuration {@code adjust} changes. */
  public static TestingGaleServer start(UnaryOperator<GaleConfig> adjust) {
    return start(Database.Settings.h2Memory("gale-" + UUID.randomUUID()), new GaleConfig.Auth(true, USER, PASSWORD),
        fastJobs(), adjust);
  }

  private static TestingGaleServer start(Database.Settings database, GaleConfig.Auth auth, WorkerSettings jobs,
                                         UnaryOperator<GaleConfig> adjust) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("gale-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GaleConfig config = adjust.apply(new GaleConfig("127.0.0.1", 0, dataDir, database, auth, Optional.of(SECRET_KEY), jobs));
    return new TestingGaleServer(GaleServer.start(config), dataDir);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** A client with the default credentials, validating every exchange against the served OpenAPI document. */
  public ApiClient client() {
    return ApiClient.connect(uri(), USER, PASSWORD);
  }

  public GaleServer server() {
    return server;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The cipher the server keeps secrets with, for tests that look into the store. */
  public SecretCipher cipher() {
    return SecretCipher.fromBase64Key(SECRET_KEY);
  }

  @Override
  public void close() {
    server.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
