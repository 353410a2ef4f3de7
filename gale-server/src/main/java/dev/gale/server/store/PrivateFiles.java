package dev.gale.server.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only Gale's own user may read: the data directory (store, secret key, store password, logs) is 0700 and the
 * files in it 0600. Other local users must not read a key, open the store with it, or learn the H2 server's port
 * from its lock file. On file systems without POSIX permissions these are no-ops.
 */
public final class PrivateFiles {
  public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /**
   * Creates {@code directory} (and missing parents) readable by its owner only, or tightens it if it exists: its own
   * mode and that of the files and folders directly in it, so a data directory made by an earlier version (0755,
   * files 0644) is closed at the next start. Deeper folders need no walk: nobody else can pass through this one.
   */
  public static void secureDirectory(Path directory) {
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, ownerOnly(directory.toAbsolutePath().getParent(), OWNER_ONLY_DIRECTORY));
      }
      if (!isPosix(directory)) {
        return;
      }
      Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
      try (Stream<Path> children = Files.list(directory)) {
        for (Path child : children.toList()) {
          if (Files.isSymbolicLink(child)) {
            continue;
          }
          Files.setPosixFilePermissions(child, Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
              ? OWNER_ONLY_DIRECTORY : OWNER_ONLY_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create or restrict the data directory " + directory, e);
    }
  }

  /**
   * Writes {@code text} to a new file readable by its owner only, atomically: the text goes to a private temporary
   * file that is then linked into place. Linking fails if another process got there first, so two processes
   * starting together end up with one file, never one each.
   *
   * @return false when the file existed already (it is left as it is)
   */
  public static boolean createOwnerOnly(Path file, String text) {
    Path directory = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "." + file.getFileName() + "-", ".tmp",
          ownerOnly(directory, OWNER_ONLY_FILE));
      try {
        Files.writeString(temporary, text, US_ASCII);
        try {
          Files.createLink(file, temporary);
        } catch (UnsupportedOperationException e) {
          Files.move(temporary, file);
        }
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file, e);
    }
  }

  /** Whether anyone but the owner may read, write or enter {@code path}; false where permissions are not POSIX. */
  public static boolean openToOthers(Path path) throws IOException {
    if (!isPosix(path)) {
      return false;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    return permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
  }

  private static FileAttribute<?>[] ownerOnly(Path where, Set<PosixFilePermission> permissions) {
    return where != null && isPosix(where)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
