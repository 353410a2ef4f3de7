package dev.gale.connector;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where connectors may touch the local disk: one folder, the root, for every connector that reads or writes local
 * files. Airbyte mounts the host's {@code /tmp/airbyte_local} as {@code /local} in its containers and users configure
 * paths like {@code /local/json_data}; Gale keeps that convention so configurations carry over: a path under
 * {@code /local} (or any other path, taken as relative) lands under the root, and nothing may climb out of it. The
 * root is {@code GALE_LOCAL_ROOT} (or the system property {@code gale.local.root}), by default
 * {@code /tmp/airbyte_local}.
 */
public final class LocalRoot {
  public static final String PROPERTY = "gale.local.root";
  public static final String VARIABLE = "GALE_LOCAL_ROOT";
  private static final String AIRBYTE_MOUNT = "/local";

  private LocalRoot() {}

  /** The root, absolute and normalised. */
  public static Path root() {
    String configured = System.getProperty(PROPERTY, System.getenv(VARIABLE));
    return Path.of(configured == null || configured.isBlank() ? "/tmp/airbyte_local" : configured)
        .toAbsolutePath().normalize();
  }

  /** The path a configured local path names inside the root (the root itself for {@code /local}); empty when it would leave it. */
  public static Optional<Path> within(String configuredPath) {
    Path root = root();
    String relative = configuredPath.equals(AIRBYTE_MOUNT) ? ""
        : configuredPath.startsWith(AIRBYTE_MOUNT + "/") ? configuredPath.substring(AIRBYTE_MOUNT.length() + 1)
        : configuredPath.replaceFirst("^/+", "");
    Path path = root.resolve(relative).normalize();
    return path.startsWith(root) ? Optional.of(path) : Optional.empty();
  }
}
