package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * The store's connection: a pooled data source, the schema migrated by Flyway, and a {@link Jdbi} handle. Two
 * vendors are supported: H2 (the embedded default, in PostgreSQL mode) and PostgreSQL. Each keeps its migrations in
 * {@code db/migration/<vendor>}, because the two differ in DDL (JSON columns, identity columns).
 *
 * <p>The database also owns the clock the repositories stamp rows with, so that tests can control time.
 */
public final class Database implements AutoCloseable {
  /** H2's DATABASE_CALLED_AT_SHUTDOWN. */
  private static final int H2_CLOSED_AT_SHUTDOWN = 90121;

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Vendor vendor;
  private final Clock clock;
  private final Set<String> versionsMigrated;

  static {
    // Before any H2 connection of the process: H2 reads its bind address once.
    EmbeddedStore.bindToLoopback();
  }

  public enum Vendor {
    H2("h2", "org.h2.jdbcx.JdbcDataSource"), POSTGRESQL("postgresql", "org.postgresql.ds.PGSimpleDataSource");

    private final String migrationFolder;
    /**
     * The driver's own DataSource. Through a JDBC URL alone the pool would go to {@code DriverManager}, which starts
     * every driver on the class path, DuckDB's among them (it starts a JFR recording for its memory monitor): a
     * tenth of a second or more at every start, for a driver the store never uses.
     */
    private final String dataSourceClass;

    Vendor(String migrationFolder, String dataSourceClass) {
      this.migrationFolder = migrationFolder;
      this.dataSourceClass = dataSourceClass;
    }

    public static Vendor of(String jdbcUrl) {
      if (jdbcUrl.startsWith("jdbc:h2:")) {
        return H2;
      }
      if (jdbcUrl.startsWith("jdbc:postgresql:")) {
        return POSTGRESQL;
      }
      throw new IllegalArgumentException("Unsupported database URL (use jdbc:h2: or jdbc:postgresql:): " + jdbcUrl);
    }
  }

  /**
   * Connection settings. The password is never part of {@link #toString()}.
   *
   * @param passwordFile nullable: where the password is kept instead of {@code password} (the embedded store's,
   *     read or made when the store is opened)
   */
  public record Settings(String url, String user, String password, int maxPoolSize, Path passwordFile) {
    public Settings {
      requireNonNull(url, "url is null");
      user = user == null ? "" : user;
      password = password == null ? "" : password;
    }

    public Settings(String url, String user, String password, int maxPoolSize) {
      this(url, user, password, maxPoolSize, null);
    }

    /** The embedded store in a data directory; see {@link EmbeddedStore}. */
    public static Settings h2File(Path dataDir) {
      return EmbeddedStore.settings(dataDir);
    }

    public static Settings h2Memory(String name) {
      return new Settings("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
          "gale", "", 10);
    }

    @Override
    public String toString() {
      return "Settings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "**********") + "]";
    }
  }

  private Database(HikariDataSource dataSource, Vendor vendor, Clock clock, Set<String> versionsMigrated) {
    this.dataSource = dataSource;
    this.vendor = vendor;
    this.clock = clock;
    this.versionsMigrated = Set.copyOf(versionsMigrated);
    this.jdbi = Jdbi.create(dataSource);
    // JSON documents (configurations, catalogs, schedules) are stored as text in both vendors: Gale never queries
    // inside them, and text keeps one set of SQL statements for H2 and PostgreSQL.
    jdbi.registerArgument(new JsonArguments());
    jdbi.registerColumnMapper(JsonNode.class, new JsonArguments.JsonNodeColumnMapper());
    jdbi.registerArgument(new InstantArguments());
    jdbi.registerColumnMapper(Instant.class, new InstantArguments.InstantColumnMapper());
    jdbi.registerArgument(new UuidArguments());
    jdbi.registerArgument(new WireEnums.Arguments());
    jdbi.registerColumnMapper(new WireEnums.Mappers());
  }

  /** Opens the pool and brings the schema up to date. */
  public static Database open(Settings settings) {
    return open(settings, Clock.systemUTC());
  }

  /** Opens the pool and brings the schema up to date; rows are stamped with {@code clock}. */
  public static Database open(Settings settings, Clock clock) {
    requireNonNull(settings, "settings is null");
    requireNonNull(clock, "clock is null");
    Vendor vendor = Vendor.of(settings.url());
    String password = settings.passwordFile() == null ? settings.password() : EmbeddedStore.password(settings.passwordFile());
    HikariDataSource dataSource;
    try {
      dataSource = pool(settings, password);
    } catch (RuntimeException e) {
      if (settings.passwordFile() == null || !EmbeddedStore.isWrongPassword(e)) {
        throw e;
      }
      EmbeddedStore.adoptLegacyStore(settings, password);
      dataSource = pool(settings, password);
    }
    try {
      MigrateResult migrated = Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration/" + vendor.migrationFolder)
          .load()
          .migrate();
      return new Database(dataSource, vendor, clock,
          migrated.migrations.stream().map(migration -> migration.version).collect(Collectors.toSet()));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static HikariDataSource pool(Settings settings, String password) {
    HikariConfig config = new HikariConfig();
    config.setDataSourceClassName(Vendor.of(settings.url()).dataSourceClass);
    config.addDataSourceProperty("url", settings.url());
    config.setUsername(settings.user());
    config.setPassword(password);
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(1);
    config.setPoolName("gale-store");
    return new HikariDataSource(config);
  }

  /**
   * Whether opening this store just now applied the migration of {@code version}: for the one-time work that goes
   * with a migration and needs what SQL has not (the secret key).
   */
  public boolean migratedNow(String version) {
    return versionsMigrated.contains(version);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Vendor vendor() {
    return vendor;
  }

  /**
   * Registers the pool's meters ({@code hikaricp_connections_active}, {@code _pending}, acquire and usage times...)
   * with {@code registry}; once per store.
   */
  public void instrument(MeterRegistry registry) {
    dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(requireNonNull(registry, "registry is null")));
  }

  /** The time to stamp rows with, at the precision the database keeps (so it reads back equal). */
  public Instant now() {
    return InstantArguments.toStoredPrecision(clock.instant());
  }

  /**
   * Whether {@code e} says the embedded H2 store was closed by H2's own JVM shutdown hook, which H2 will not switch
   * off in its AUTO_SERVER mode and which races Gale's stop: a write at stop that finds this is lost with the process,
   * not a fault of the store.
   */
  public static boolean closedAtShutdown(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getErrorCode() == H2_CLOSED_AT_SHUTDOWN) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
