package dev.gale.app;

import dev.gale.server.GaleConfig;
import dev.gale.server.GaleServer;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.service.application.ApplicationCredentials;
import dev.gale.server.service.application.ApplicationService;
import dev.gale.server.store.ApplicationRepository;
import dev.gale.server.store.Database;
import dev.gale.server.store.EmbeddedStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gale credentials}: the client id and secret of the instance's first application, created if there is none,
 * as {@code abctl local credentials} prints them. It reads the store directly, so it needs no running server; with a
 * server running on the embedded H2 file store it shares the file through H2's AUTO_SERVER mode. It never creates a
 * store: a data directory without one is an error that says where to look.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
    description = {"Prints the client id and secret of this instance's first application (created if missing).",
        "Trade them for a bearer token: POST /api/public/v1/applications/token.",
        "Environment: GALE_DATA_DIR, GALE_DATABASE_URL, GALE_DATABASE_USER, GALE_DATABASE_PASSWORD, GALE_SECRET_KEY."})
final class CredentialsCommand implements Callable<Integer> {
  @Option(names = "--data-dir", paramLabel = "DIR", description = "The server's data directory (default: $GALE_DATA_DIR or ~/.gale).")
  Path dataDir;

  @Spec
  CommandSpec spec;

  /** The environment to read; the process's own outside tests. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    GaleConfig config = GaleConfig.fromEnvironment(environment, null, dataDir);
    if (config.database().passwordFile() != null && !EmbeddedStore.exists(config.dataDir())) {
      // Creating a store here would print credentials that the running server, on its own store, does not know.
      spec.commandLine().getErr().printf("gale credentials: there is no Gale store in %s.%n"
          + "Point --data-dir (or GALE_DATA_DIR) at the data directory the server prints at start, or set"
          + " GALE_DATABASE_URL as the server has it.%n", config.dataDir().toAbsolutePath());
      spec.commandLine().getErr().flush();
      return 1;
    }
    Clock clock = Clock.systemUTC();
    try (Database database = GaleServer.openStore(config, clock)) {
      ApplicationService applications = new ApplicationService(new ApplicationRepository(database),
          SecretCipher.forServer(config.secretKey(), config.dataDir()), clock);
      ApplicationCredentials first = applications.first();
      // Standard output only: printing the secret is this command's purpose, and it is never logged.
      spec.commandLine().getOut().printf("Client-Id: %s%nClient-Secret: %s%n", first.clientId(), first.clientSecret());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
