package dev.gale.connectors.files;

import dev.gale.connector.ConnectorException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where local destinations may write: inside the connectors' local root ({@link dev.gale.connector.LocalRoot}), with
 * file names no stream name can turn into a path.
 */
final class LocalRoot {
  static final String PROPERTY = dev.gale.connector.LocalRoot.PROPERTY;

  private LocalRoot() {}

  /** Why {@code destinationPath} cannot be used, as a problem of the configuration; empty when it can. */
  static Optional<String> problem(String destinationPath) {
    return dev.gale.connector.LocalRoot.within(destinationPath).isPresent() ? Optional.empty()
        : Optional.of("destination_path " + escapes());
  }

  /** The directory a {@code destination_path} names, inside the root; a config error when it would leave it. */
  static Path resolve(String destinationPath) {
    return dev.gale.connector.LocalRoot.within(destinationPath)
        .orElseThrow(() -> new ConnectorException("'destination_path' " + escapes()));
  }

  private static String escapes() {
    return "must stay inside the local root " + dev.gale.connector.LocalRoot.root() + " (it may not climb out with '..')";
  }

  /** A file name for a stream: path separators and other characters no file system takes are replaced. */
  static String fileName(String prefix, String stream, String extension) {
    String safe = stream.replaceAll("[/\\\\:*?\"<>|\\x00-\\x1f]", "_");
    return prefix + (safe.equals(".") || safe.equals("..") ? safe.replace('.', '_') : safe) + extension;
  }
}
