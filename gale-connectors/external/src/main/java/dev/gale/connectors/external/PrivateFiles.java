package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files handed to one connector run (config, catalog, state), in a folder of their own that only Gale's user may
 * enter (0700), each readable only by that user (0600): the configuration holds secrets in clear text. Everything is
 * deleted on {@link #close}. The permissions are set explicitly after creation too, so a permissive umask cannot widen
 * them. Not thread-safe.
 */
final class PrivateFiles implements AutoCloseable {
  static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

  private final Path folder;

  private PrivateFiles(Path folder) {
    this.folder = folder;
  }

  static PrivateFiles create() {
    try {
      Path folder = Files.createTempDirectory("gale-connector-", PosixFilePermissions.asFileAttribute(FOLDER_MODE));
      Files.setPosixFilePermissions(folder, FOLDER_MODE);
      return new PrivateFiles(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a private folder for the connector's files", e);
    }
  }

  Path folder() {
    return folder;
  }

  /** Writes {@code value} as JSON to {@code name} in the folder and returns its path. */
  Path write(String name, Object value) {
    requireNonNull(value, "value is null");
    Path file = folder.resolve(requireNonNull(name, "name is null"));
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
      Files.setPosixFilePermissions(file, FILE_MODE);
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
        Json.mapper().writeValue(out, value);
      }
      return file;
    } catch (IOException e) {
      // The path names no secret; the value is not part of the message.
      throw new UncheckedIOException("Cannot write the connector's file " + file, e);
    }
  }

  @Override
  public void close() {
    // Walked rather than listed: the connector runs as the same user and may have left files of its own here.
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (NoSuchFileException e) {
      // Already gone.
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the connector's private folder " + folder, e);
    }
  }
}
