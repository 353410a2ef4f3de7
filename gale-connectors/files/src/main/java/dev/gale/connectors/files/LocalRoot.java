package dev.gale.connectors.files;

import dev.gale.connector.ConnectorException;
import java.nio.file.Path;
import java.util.Optional;

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

  /** Why {@code destinationPath} cannot be used, as a problem of the configuration; empty when it can. */
  static Optional<String> problem(String destinationPath) {
    Path root = root();
    return within(root, destinationPath).isPresent() ? Optional.empty()
        : Optional.of("destination_path " + escapes(root));
  }

  /** The directory a {@code destination_path} names, inside the root; a config error when it would leave it. */
  static Path resolve(String destinationPath) {
    Path root = root();
    return within(root, destinationPath).orElseThrow(() -> new ConnectorException("'destination_path' " + escapes(root)));
  }

  private static String escapes(Path root) {
    return "must stay inside the local root " + root + " (it may not climb out with '..')";
  }

  private static Optional<Path> within(Path root, String destinationPath) {
    String relative = destinationPath.equals(AIRBYTE_MOUNT) ? ""
        : destinationPath.startsWith(AIRBYTE_MOUNT + "/") ? destinationPath.substring(AIRBYTE_MOUNT.length() + 1)
        : destinationPath.replaceFirst("^/+", "");
    Path directory = root.resolve(relative).normalize();
    return directory.startsWith(root) ? Optional.of(directory) : Optional.empty();
  }

  /** A file name for a stream: path separators and other characters no file system takes are replaced. */
  static String fileName(String prefix, String stream, String extension) {
    String safe = stream.replaceAll("[/\\\\:*?\"<>|\\x00-\\x1f]", "_");
    return prefix + (safe.equals(".") || safe.equals("..") ? safe.replace('.', '_') : safe) + extension;
  }
}
