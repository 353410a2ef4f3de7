package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Makes every process that opens a store use the secret key the store was first opened with. The store keeps a value
 * derived from the key (which tells nothing of the key itself); a process whose key derives another value is stopped
 * at start with a message that says what to do, rather than failing on every secret and sealed row it reads.
 */
public final class SecretKeyCheck {
  private static final int ROW = 1;

  private SecretKeyCheck() {}

  /**
   * Records {@code keyCheck} if the store has none yet, else requires it to be the one recorded.
   *
   * @throws IllegalStateException when the store was first opened with another secret key
   */
  public static void requireSameKey(Database database, String keyCheck) {
    requireNonNull(keyCheck, "keyCheck is null");
    String recorded = recorded(database).orElseGet(() -> {
      try {
        database.jdbi().useHandle(handle -> handle.createUpdate(
                "INSERT INTO secret_key_check (id, key_check) VALUES (:id, :check)")
            .bind("id", ROW).bind("check", keyCheck).execute());
        return keyCheck;
      } catch (UnableToExecuteStatementException raced) {
        // Another process starting at the same moment recorded its key first: compare with that one.
        return recorded(database).orElseThrow(() -> raced);
      }
    });
    if (!recorded.equals(keyCheck)) {
      throw new IllegalStateException("This store's secrets were written with another secret key. Every process "
          + "sharing a store needs the same key: set GALE_SECRET_KEY to it, or use the data directory whose "
          + "secret.key it is.");
    }
  }

  private static Optional<String> recorded(Database database) {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT key_check FROM secret_key_check WHERE id = :id")
        .bind("id", ROW).mapTo(String.class).findOne());
  }
}
