package dev.gale.connectors.files;

import dev.gale.connector.ConnectorException;
import java.nio.file.Path;

/**
 * Where local destinations may write. Airbyte mounts the host's {@code /tmp/airbyte_local} as {@code /local} in its
 * containers and users configure paths like {@code /local/json_data}; Gale keeps that convention so configurations
 * carry over: a path under {@code /local} (or relative) lands under the root, and nothing may escape it.
 * The root is {@code GALE_LOCAL_ROOT} (or the system property {@code gale.local.root}), by default
 * {@code /tmp/airbyte_local}.
 */
final class LocalRoot {
  static final String PROPERTY = "gale.local.root";
  static final String VARIABLE = "GALE_LOCAL_ROOT";
  private static final String AIRBYTE_MOUNT = "/local";

  private LocalRoot() {}

  static Path root() {
    String configured = System.getProperty(PROPERTY, System.getenv(VARIABLE));
    return Path.of(configured == null || configured.isBlank() ? "/tmp/airbyte_local" : configured).toAbsolutePath().normalize();
  }

  /** The directory a {@code destination_path} names, inside the root; a config error when it would leave it. */
  static Path resolve(String destinationPath) {
    String relative = destinationPath.equals(AIRBYTE_MOUNT) ? ""
        : destinationPath.startsWith(AIRBYTE_MOUNT + "/") ? destinationPath.substring(AIRBYTE_MOUNT.length() + 1)
        : destinationPath.replaceFirst("^/+", "");
    Path root = root();
    Path directory = root.resolve(relative).normalize();
    if (!directory.startsWith(root)) {
      throw new ConnectorException("'destination_path' must stay inside the local root " + root + " (it may not climb out with '..')");
    }
    return directory;
  }

  /** A file name for a stream: path separators and other characters no file system takes are replaced. */
  static String fileName(String prefix, String stream, String extension) {
    String safe = stream.replaceAll("[/\\\\:*?\"<>|\\x00-\\x1f]", "_");
    return prefix + (safe.equals(".") || safe.equals("..") ? safe.replace('.', '_') : safe) + extension;
  }
}
