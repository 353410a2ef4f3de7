package dev.gale.server;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.external.ExternalLaunches;
import dev.gale.server.http.HttpLimits;
import dev.gale.server.jobs.Retention;
import dev.gale.server.jobs.WorkerSettings;
import dev.gale.server.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything a Gale server is told at start. Read from the environment ({@code GALE_*}), overridden by command-line
 * flags. Secrets (passwords, the secret key) never appear in {@link #toString()}.
 *
 * @param secretKey base64 AES key for stored secrets; empty means a key file in the data directory
 * @param jobs how this process runs jobs: workers, leases, retries, scheduler
 * @param tokenTtl how long a bearer token of the Public API lives ({@code GALE_TOKEN_TTL}, seconds)
 * @param user the instance's one user, as the Public API's users and organizations show it
 * @param http how long, large and many requests may be ({@code GALE_HTTP_REQUEST_TIMEOUT}, {@code GALE_HTTP_IDLE_TIMEOUT},
 *     {@code GALE_HTTP_MAX_CONNECTIONS}; see {@link HttpLimits})
 * @param connectors the connector catalog: a folder of Airbyte manifest-only sources ({@code GALE_CONNECTORS}),
 *     loaded at start; it need not exist
 * @param launches how custom definitions of images Gale does not ship run: the commands of the file
 *     {@code GALE_CONNECTOR_COMMANDS} names, executables on the {@code PATH}, Docker (see {@link ExternalLaunches});
 *     an operator setting only, which no API request can change
 * @param specTimeout how long such a program's {@code spec} may take when a definition is created
 *     ({@code GALE_CONNECTOR_SPEC_TIMEOUT}, seconds)
 */
public record GaleConfig(String host, int port, Path dataDir, Database.Settings database, Auth auth,
                         Optional<String> secretKey, WorkerSettings jobs, Duration tokenTtl, User user,
                         HttpLimits http, Path connectors, ExternalLaunches launches, Duration specTimeout) {
  public static final int DEFAULT_PORT = 8000;
  /** A worker process's port for its health and metrics: beside a server's 8000 on one host. */
  public static final int DEFAULT_WORKER_PORT = 8001;
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(15);
  /** Long enough for Docker to pull an image before its first run answers. */
  public static final Duration DEFAULT_SPEC_TIMEOUT = Duration.ofMinutes(5);
  /**
   * Every environment variable {@link #fromEnvironment} and {@link #workerPort} read, the ones of what they call
   * included ({@code PATH} too): the one list that deployment recipes (the container image, the compose file, the Helm
   * chart) are checked against, and that a test proves complete by recording what is read.
   */
  public static final SortedSet<String> ENVIRONMENT = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
      "GALE_PORT", "GALE_WORKER_PORT", "GALE_HOST", "GALE_DATA_DIR", "GALE_DATABASE_URL", "GALE_DATABASE_USER",
      "GALE_DATABASE_PASSWORD", "GALE_AUTH_ENABLED", "GALE_AUTH_USERNAME", "GALE_AUTH_PASSWORD", "GALE_SECRET_KEY",
      "GALE_WORKERS", Retention.DAYS_VARIABLE, WorkerSettings.SHUTDOWN_GRACE_VARIABLE, "GALE_TOKEN_TTL", "GALE_USER_NAME", "GALE_USER_EMAIL",
      "GALE_HTTP_REQUEST_TIMEOUT", "GALE_HTTP_IDLE_TIMEOUT", "GALE_HTTP_MAX_CONNECTIONS", "GALE_CONNECTORS",
      ExternalLaunches.COMMANDS_VARIABLE, "PATH",
      "GALE_CONNECTOR_SPEC_TIMEOUT")));

  public GaleConfig {
    requireNonNull(host, "host is null");
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(database, "database is null");
    requireNonNull(auth, "auth is null");
    requireNonNull(secretKey, "secretKey is null");
    requireNonNull(jobs, "jobs is null");
    requireNonNull(tokenTtl, "tokenTtl is null");
    requireNonNull(user, "user is null");
    requireNonNull(http, "http is null");
    requireNonNull(connectors, "connectors is null");
    requireNonNull(launches, "launches is null");
    requireNonNull(specTimeout, "specTimeout is null");
    if (specTimeout.isNegative() || specTimeout.isZero()) {
      throw new IllegalArgumentException("specTimeout must be positive, got " + specTimeout);
    }
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("tokenTtl must be positive, got " + tokenTtl);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
  }

  /** With the default token lifetime and user, and this process's {@code GALE_CONNECTOR_COMMANDS} and PATH. */
  public GaleConfig(String host, int port, Path dataDir, Database.Settings database, Auth auth, Optional<String> secretKey,
                    WorkerSettings jobs) {
    this(host, port, dataDir, database, auth, secretKey, jobs, DEFAULT_TOKEN_TTL, User.DEFAULT, HttpLimits.DEFAULT,
        defaultConnectors(dataDir), ExternalLaunches.fromEnvironment(System.getenv()), DEFAULT_SPEC_TIMEOUT);
  }

  /** With the default {@link WorkerSettings}. */
  public GaleConfig(String host, int port, Path dataDir, Database.Settings database, Auth auth, Optional<String> secretKey) {
    this(host, port, dataDir, database, auth, secretKey, WorkerSettings.defaults());
  }

  public GaleConfig withJobs(WorkerSettings settings) {
    return new GaleConfig(host, port, dataDir, database, auth, secretKey, settings, tokenTtl, user, http, connectors,
        launches, specTimeout);
  }

  public GaleConfig withTokenTtl(Duration ttl) {
    return new GaleConfig(host, port, dataDir, database, auth, secretKey, jobs, ttl, user, http, connectors,
        launches, specTimeout);
  }

  public GaleConfig withUser(User newUser) {
    return new GaleConfig(host, port, dataDir, database, auth, secretKey, jobs, tokenTtl, newUser, http, connectors,
        launches, specTimeout);
  }

  public GaleConfig withConnectors(Path folder) {
    return new GaleConfig(host, port, dataDir, database, auth, secretKey, jobs, tokenTtl, user, http, folder,
        launches, specTimeout);
  }

  public GaleConfig withLaunches(ExternalLaunches externalLaunches) {
    return new GaleConfig(host, port, dataDir, database, auth, secretKey, jobs, tokenTtl, user, http, connectors,
        externalLaunches, specTimeout);
  }

  public GaleConfig withHttp(HttpLimits limits) {
    return new GaleConfig(host, port, dataDir, database, auth, secretKey, jobs, tokenTtl, user, limits, connectors,
        launches, specTimeout);
  }

  public GaleConfig withSpecTimeout(Duration timeout) {
    return new GaleConfig(host, port, dataDir, database, auth, secretKey, jobs, tokenTtl, user, http, connectors,
        launches, timeout);
  }

  /** Where the connector catalog is when nothing says otherwise: {@code connectors} in the data directory. */
  public static Path defaultConnectors(Path dataDir) {
    return dataDir.resolve("connectors");
  }

  /**
   * The connector catalog folder: the {@code gale.connectors} system property, else {@code GALE_CONNECTORS}, else
   * {@link #defaultConnectors}.
   */
  public static Path connectorsFolder(Map<String, String> env, Path dataDir) {
    String property = System.getProperty("gale.connectors", "");
    if (!property.isBlank()) {
      return Path.of(property);
    }
    String variable = env.getOrDefault("GALE_CONNECTORS", "");
    return variable.isBlank() ? defaultConnectors(dataDir) : Path.of(variable);
  }

  /**
   * Gale's one user: the owner of every application and token, administrator of the one organization. Airbyte's
   * Public API requires an email for a user and an organization; the default is a reserved example address.
   */
  public record User(String name, String email) {
    public static final User DEFAULT = new User("Default User", "admin@example.com");

    public User {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("The user's name must not be blank");
      }
      if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException("The user's email must be an address like name@example.com, got '" + email + "'");
      }
    }
  }

  /** Basic auth for the Config API: on by default with Airbyte's {@code airbyte}/{@code password}. */
  public record Auth(boolean enabled, String username, String password) {
    public static final Auth DEFAULT = new Auth(true, "airbyte", "password");

    @Override
    public String toString() {
      return "Auth[enabled=" + enabled + ", username=" + username + ", password=**********]";
    }
  }

  /**
   * Reads {@code GALE_PORT}, {@code GALE_HOST}, {@code GALE_DATA_DIR}, {@code GALE_DATABASE_URL},
   * {@code GALE_DATABASE_USER}, {@code GALE_DATABASE_PASSWORD}, {@code GALE_AUTH_ENABLED},
   * {@code GALE_AUTH_USERNAME}, {@code GALE_AUTH_PASSWORD}, {@code GALE_SECRET_KEY}, {@code GALE_WORKERS},
   * {@code GALE_SHUTDOWN_GRACE}, {@code GALE_TOKEN_TTL}, {@code GALE_USER_NAME}, {@code GALE_USER_EMAIL}, the
   * {@code GALE_HTTP_*} limits (see {@link HttpLimits#fromEnvironment}),
   * {@code GALE_CONNECTORS} (see {@link #connectorsFolder}), {@code GALE_CONNECTOR_COMMANDS} and {@code PATH} (see
   * {@link ExternalLaunches#fromEnvironment}) and {@code GALE_CONNECTOR_SPEC_TIMEOUT}.
   */
  public static GaleConfig fromEnvironment(Map<String, String> env, Integer portFlag, Path dataDirFlag) {
    int port = portFlag != null ? portFlag : Integer.parseInt(env.getOrDefault("GALE_PORT", String.valueOf(DEFAULT_PORT)));
    Path dataDir = dataDirFlag != null ? dataDirFlag : Path.of(env.getOrDefault("GALE_DATA_DIR", defaultDataDir()));
    String url = env.get("GALE_DATABASE_URL");
    Database.Settings database = url == null || url.isBlank()
        ? Database.Settings.h2File(dataDir)
        : new Database.Settings(url, env.get("GALE_DATABASE_USER"), env.get("GALE_DATABASE_PASSWORD"), 10);
    Auth auth = new Auth(!"false".equalsIgnoreCase(env.getOrDefault("GALE_AUTH_ENABLED", "true")),
        env.getOrDefault("GALE_AUTH_USERNAME", Auth.DEFAULT.username()),
        env.getOrDefault("GALE_AUTH_PASSWORD", Auth.DEFAULT.password()));
    return new GaleConfig(env.getOrDefault("GALE_HOST", "0.0.0.0"), port, dataDir, database, auth,
        Optional.ofNullable(env.get("GALE_SECRET_KEY")).filter(k -> !k.isBlank()), WorkerSettings.fromEnvironment(env),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("GALE_TOKEN_TTL", String.valueOf(DEFAULT_TOKEN_TTL.toSeconds())))),
        new User(env.getOrDefault("GALE_USER_NAME", User.DEFAULT.name()), env.getOrDefault("GALE_USER_EMAIL", User.DEFAULT.email())),
        HttpLimits.fromEnvironment(env), connectorsFolder(env, dataDir),
        ExternalLaunches.fromEnvironment(env), Duration.ofSeconds(Long.parseLong(env.getOrDefault(
            "GALE_CONNECTOR_SPEC_TIMEOUT", String.valueOf(DEFAULT_SPEC_TIMEOUT.toSeconds())))));
  }

  /**
   * The port a worker process serves its health and metrics on: {@code --port}, else {@code GALE_WORKER_PORT}, else
   * {@link #DEFAULT_WORKER_PORT}. A worker reads it instead of {@code GALE_PORT}, which a server on the same host and
   * environment listens on.
   */
  public static int workerPort(Map<String, String> env, Integer portFlag) {
    return portFlag != null ? portFlag
        : Integer.parseInt(env.getOrDefault("GALE_WORKER_PORT", String.valueOf(DEFAULT_WORKER_PORT)));
  }

  private static String defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".gale").toString();
  }

  @Override
  public String toString() {
    return "GaleConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", database=" + database
        + ", auth=" + auth + ", secretKey=" + (secretKey.isPresent() ? "**********" : "<key file>") + ", workers="
        + jobs.workers() + ", tokenTtl=" + tokenTtl + ", user=" + user + ", connectors=" + connectors
        + ", connectorCommands=" + launches.configuredRepositories() + ", specTimeout=" + specTimeout + "]";
  }
}
