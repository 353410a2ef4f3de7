package dev.gale.server.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 store in a data directory ({@code gale.mv.db}), as {@code gale server} runs it by default.
 *
 * <p>It is guarded three ways, since any local user could otherwise open it and read or change what decides where
 * secrets go: the data directory is private ({@link PrivateFiles}); the store has a random password, generated on
 * first use into {@value #PASSWORD_FILE} (0600) beside it; and the TCP server of H2's AUTO_SERVER mode, through which
 * {@code gale credentials} and {@code gale worker} share the file with a running server, listens on loopback only.
 */
public final class EmbeddedStore {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
  /** The file beside the store that holds its password. */
  public static final String PASSWORD_FILE = "store.password";
  static final String USER = "gale";
  private static final String FILE_NAME = "gale";
  /** H2's error code for a refused user name or password. */
  private static final int WRONG_USER_OR_PASSWORD = 28000;
  /** The system property H2 reads, once, for the address its TCP server binds to. */
  private static final String H2_BIND_ADDRESS = "h2.bindAddress";

  private EmbeddedStore() {}

  /** The settings of the store in {@code dataDir}; its password is read (or made) when it is opened. */
  public static Database.Settings settings(Path dataDir) {
    Path directory = dataDir.toAbsolutePath();
    // AUTO_SERVER: a second process (gale credentials, gale worker) can open the store while a server holds it.
    return new Database.Settings("jdbc:h2:file:" + directory.resolve(FILE_NAME)
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE", USER, "", 10,
        directory.resolve(PASSWORD_FILE));
  }

  /** Whether {@code dataDir} holds a store, rather than being a directory where opening one would create it. */
  public static boolean exists(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve(FILE_NAME + ".mv.db"));
  }

  /**
   * Makes H2's servers listen on loopback unless the user chose an address. Must run before H2 reads its system
   * properties, that is before the first H2 connection of the process.
   */
  static void bindToLoopback() {
    if (System.getProperty(H2_BIND_ADDRESS) == null) {
      System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
    }
  }

  /** The password in {@code passwordFile}, written first (random, owner only) when there is none. */
  static String password(Path passwordFile) {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    if (PrivateFiles.createOwnerOnly(passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n")) {
      LOG.info("Created the store password file {}", passwordFile);
    }
    try {
      String password = Files.readString(passwordFile, US_ASCII).strip();
      if (password.isEmpty()) {
        throw new IllegalStateException("The store password file " + passwordFile + " is empty");
      }
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the store password file " + passwordFile, e);
    }
  }

  /** Whether {@code failure} (or its cause) is H2 refusing the user or password. */
  static boolean isWrongPassword(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == WRONG_USER_OR_PASSWORD) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives a store made before stores had passwords (user {@code gale}, empty password) the password of
   * {@code settings}. Anything else that refuses the password is an error that says what to do: the password file
   * was lost or replaced.
   */
  static void adoptLegacyStore(Database.Settings settings, String password) {
    try (Connection legacy = DriverManager.getConnection(settings.url(), settings.user(), "");
         Statement statement = legacy.createStatement()) {
      // H2 takes no parameter here; the password is base64url, which holds no quote.
      statement.execute("ALTER USER " + settings.user() + " SET PASSWORD '" + password + "'");
      LOG.info("The store had no password; it now has the one in {}", settings.passwordFile());
    } catch (SQLException e) {
      throw new IllegalStateException("The store refuses the password in " + settings.passwordFile()
          + ": the file was replaced or the store was copied from elsewhere. Restore the store's own "
          + PASSWORD_FILE + " from a backup.");
    }
  }
}
