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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only Gale's own user may read: the data directory (store, secret key, store password, logs) is 0700 and the
 * files in it 0600. Other local users must not read a key, open the store with it, or learn the H2 server's port
 * from its lock file. On file systems without POSIX permissions these are no-ops.
 */
public final class PrivateFiles {
  public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
  /** What Gale keeps in a data directory besides the store's {@code gale.*} files. */
  private static final Set<String> GALE_NAMES = Set.of("secret.key", EmbeddedStore.PASSWORD_FILE, "logs");

  private PrivateFiles() {}

  /**
   * Creates {@code directory} (and missing parents) readable by its owner only, or tightens one that exists: Gale's
   * files and folders directly in it ({@link #secureGaleFiles}), and the directory's own mode when it holds nothing
   * else, so a data directory made by an earlier version (0755, files 0644) is closed at the next start. A directory
   * that also holds other files (a home directory, {@code /tmp}) keeps its mode: closing it would break what else
   * lives there, so Gale keeps only its own files private and says so. Deeper folders need no walk: nobody else can
   * pass through Gale's.
   */
  public static void secureDirectory(Path directory) {
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, ownerOnly(directory.toAbsolutePath().getParent(), OWNER_ONLY_DIRECTORY));
      }
      if (!isPosix(directory)) {
        return;
      }
      List<String> foreign;
      try (Stream<Path> children = Files.list(directory)) {
        foreign = children.map(child -> child.getFileName().toString()).filter(name -> !isGales(name)).sorted().toList();
      }
      if (foreign.isEmpty()) {
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
      } else {
        LOG.warn("The data directory {} also holds files that are not Gale's ({}); Gale keeps its own files private "
            + "but leaves the directory's mode alone. Give Gale a directory of its own.", directory,
            String.join(", ", foreign.subList(0, Math.min(5, foreign.size()))));
      }
      secureGaleFiles(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create or restrict the data directory " + directory, e);
    }
  }

  /** Makes Gale's files (0600) and folders (0700) directly in {@code directory} its owner's only. */
  public static void secureGaleFiles(Path directory) {
    if (!isPosix(directory)) {
      return;
    }
    try (Stream<Path> children = Files.list(directory)) {
      for (Path child : children.filter(child -> isGales(child.getFileName().toString())).toList()) {
        if (!Files.isSymbolicLink(child)) {
          Files.setPosixFilePermissions(child, Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
              ? OWNER_ONLY_DIRECTORY : OWNER_ONLY_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict the files of the data directory " + directory, e);
    }
  }

  /** Whether a name in a data directory is one of Gale's: the store's files, the key files and the logs. */
  static boolean isGales(String name) {
    return name.startsWith("gale.") || GALE_NAMES.contains(name) || name.startsWith(".secret-key-")
        || name.startsWith("." + EmbeddedStore.PASSWORD_FILE + "-");
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
