package dev.gale.server;

import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.SystemApi;
import dev.gale.server.http.ApiServer;
import dev.gale.server.http.Authenticator;
import dev.gale.server.http.BasicAuthenticator;
import dev.gale.server.http.Router;
import dev.gale.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the store, builds the services, mounts every API family and serves them. The only
 * place that knows how the parts are wired; everything else takes its collaborators in its constructor.
 */
public final class GaleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GaleServer.class);
  public static final String VERSION = "0.1.0";

  private final GaleConfig config;
  private final Database database;
  private final ApiServer http;

  private GaleServer(GaleConfig config, Database database, ApiServer http) {
    this.config = config;
    this.database = database;
    this.http = http;
  }

  public static GaleServer start(GaleConfig config) {
    requireNonNull(config, "config is null");
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + config.dataDir(), e);
    }
    Database database = Database.open(config.database());
    try {
      Router router = new Router();
      for (ApiModule module : modules(router, database, config)) {
        module.routes().forEach(router::add);
      }
      List<Authenticator> authenticators = config.auth().enabled()
          ? List.of(new BasicAuthenticator(config.auth().username(), config.auth().password()))
          : List.of();
      ApiServer http = new ApiServer(config.host(), config.port(), router, authenticators);
      http.start();
      LOG.info("Gale {} serving on port {} (store: {})", VERSION, http.port(), database.vendor());
      return new GaleServer(config, database, http);
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e instanceof IOException io ? new UncheckedIOException("Cannot listen on port " + config.port(), io) : (RuntimeException) e;
    }
  }

  private static List<ApiModule> modules(Router router, Database database, GaleConfig config) {
    List<ApiModule> modules = new ArrayList<>();
    modules.add(new SystemApi(router, VERSION));
    return modules;
  }

  public int port() {
    return http.port();
  }

  public GaleConfig config() {
    return config;
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    http.close();
    database.close();
  }
}
