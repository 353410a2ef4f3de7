package dev.gale.connectors.duckdb;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a local DuckDB file may live: the same rule as the local file destinations (gale-connectors/files), kept in
 * step by hand because connector modules do not depend on each other. Airbyte mounts the host's
 * {@code /tmp/airbyte_local} as {@code /local} and users configure paths like {@code /local/destination.duckdb}; a path
 * under {@code /local} (or any other path, taken as relative) lands under the root, and nothing may escape it. The root
 * is {@code GALE_LOCAL_ROOT} (or the system property {@code gale.local.root}), by default {@code /tmp/airbyte_local}.
 */
final class LocalRoot {
  static final String PROPERTY = "gale.local.root";
  static final String VARIABLE = "GALE_LOCAL_ROOT";
  private static final String AIRBYTE_MOUNT = "/local";

  private LocalRoot() {}

  static Path root() {
    String configured = System.getProperty(PROPERTY, System.getenv(VARIABLE));
    return Path.of(configured == null || configured.isBlank() ? "/tmp/airbyte_local" : configured)
        .toAbsolutePath().normalize();
  }

  /** The file {@code destinationPath} names inside the root, or empty when it would leave the root or be the root. */
  static Optional<Path> file(String destinationPath) {
    Path root = root();
    String relative = destinationPath.equals(AIRBYTE_MOUNT) ? ""
        : destinationPath.startsWith(AIRBYTE_MOUNT + "/") ? destinationPath.substring(AIRBYTE_MOUNT.length() + 1)
        : destinationPath.replaceFirst("^/+", "");
    Path file = root.resolve(relative).normalize();
    return file.startsWith(root) && !file.equals(root) ? Optional.of(file) : Optional.empty();
  }
}
