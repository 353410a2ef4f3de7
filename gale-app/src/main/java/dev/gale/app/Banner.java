package dev.gale.app;

import dev.gale.server.GaleConfig;

/** What the server prints once it listens: where it is and how to log in. */
final class Banner {
  private Banner() {}

  static String of(GaleConfig config, int port) {
    String url = "http://localhost:" + port;
    String credentials = config.auth().enabled()
        ? "user '" + config.auth().username() + "', password " + passwordHint(config)
        : "authentication is OFF (GALE_AUTH_ENABLED=false)";
    return """

        Gale is running.
          API:          %s/api/v1  (health: %s/api/v1/health, OpenAPI: %s/api/v1/openapi)
          Public API:   %s/api/public/v1
          Metrics:      %s/metrics  (Prometheus)
          Credentials:  %s
          Application:  './gale credentials' prints a client id and secret for bearer tokens
          Data:         %s
          Store:        %s
        """.formatted(url, url, url, url, url, credentials, config.dataDir().toAbsolutePath(), store(config));
  }

  static String ofWorker(GaleConfig config, int workers, int port) {
    String url = "http://localhost:" + port;
    return """

        Gale worker is running %d workers; it serves no API.
          Health:       %s/api/v1/health
          Metrics:      %s/metrics
          Data:         %s
          Store:        %s
        """.formatted(workers, url, url, config.dataDir().toAbsolutePath(), store(config));
  }

  /** The store's JDBC URL with any password in it hidden: a URL may carry one ({@code ?password=...}). */
  static String store(GaleConfig config) {
    return config.database().url().replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  /** Shows Airbyte's default password, since it is public anyway; a password someone chose stays hidden. */
  private static String passwordHint(GaleConfig config) {
    return GaleConfig.Auth.DEFAULT.password().equals(config.auth().password())
        ? "'" + config.auth().password() + "' (the default; set GALE_AUTH_PASSWORD to change it)"
        : "from GALE_AUTH_PASSWORD";
  }
}
