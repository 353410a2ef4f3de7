package dev.gale.server.secrets;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file that holds the secret key when none is configured: base64 of 32 random bytes, created on first use
 * readable and writable by its owner only (0600 on POSIX file systems), and read as is afterwards.
 */
final class SecretKeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private SecretKeyFile() {}

  static byte[] loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
    }
  }

  private static byte[] read(Path file) throws IOException {
    if (isPosix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
      LOG.warn("Secret key file {} is readable by others than its owner; restrict it with 'chmod 600'.", file);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(Files.readString(file, US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("secret key file " + file + " does not hold base64");
    }
    if (key.length != SecretCipher.KEY_BYTES) {
      throw new IllegalStateException("secret key file " + file + " holds " + key.length + " bytes, not "
          + SecretCipher.KEY_BYTES);
    }
    return key;
  }

  // The key is written to a private temporary file and then linked into place, which fails if another process got
  // there first: two servers starting together end up with one key, never one each.
  private static void create(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    byte[] key = new byte[SecretCipher.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    FileAttribute<?>[] ownerOnly = isPosix(directory)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
    Path temporary = Files.createTempFile(directory, ".secret-key-", ".tmp", ownerOnly);
    try {
      Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", US_ASCII);
      try {
        Files.createLink(file, temporary);
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, file);
      }
      LOG.info("Created secret key file {}; back it up: stored secrets cannot be read without it.", file);
    } catch (FileAlreadyExistsException e) {
      LOG.debug("Secret key file {} was created by another process meanwhile", file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
