package dev.gale.app;

import dev.gale.server.GaleConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the connector catalog is, as the server finds it: the options of {@code gale connectors}' commands. */
final class CatalogLocation {
  @Option(names = "--catalog", paramLabel = "DIR",
      description = "The connector catalog (default: $GALE_CONNECTORS, or <data dir>/connectors).")
  Path catalog;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "The server's data directory, whose connectors folder is the default catalog (default: $GALE_DATA_DIR or ~/.gale).")
  Path dataDir;

  /** The environment to read; the process's own outside tests. */
  Map<String, String> environment = System.getenv();

  Path folder() {
    if (catalog != null) {
      return catalog;
    }
    Path data = dataDir != null ? dataDir : Path.of(environment.getOrDefault("GALE_DATA_DIR",
        Path.of(System.getProperty("user.home"), ".gale").toString()));
    return GaleConfig.connectorsFolder(environment, data);
  }
}
