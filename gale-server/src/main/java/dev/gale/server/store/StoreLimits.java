package dev.gale.server.store;

/**
 * The lengths of the store's bounded text columns (db/migration/{h2,postgresql}), for the request bodies and the
 * services that must keep values within them: a value longer than its column fails the insert, which a client would
 * otherwise see as a 500.
 */
public final class StoreLimits {
  /**
   * The {@code varchar(256)} columns: names of workspaces, actors, definitions, operations, connections,
   * applications and tags; workspace slugs and emails; connection namespace formats and prefixes; definition docker
   * repositories, image tags and documentation links; the connector version of a catalog fetch.
   */
  public static final int TEXT = 256;

  /** {@code actor_catalog_fetch_event.config_hash}: a hex SHA-256. */
  public static final int HASH = 64;

  private StoreLimits() {}

  /**
   * {@code base} followed by {@code suffix}, the base cut short when both would not fit in {@link #TEXT}: for names
   * Gale derives from others (a clone's "(Copy)").
   */
  public static String fit(String base, String suffix) {
    return cut(base, TEXT - suffix.length()) + suffix;
  }

  /** The text's first {@code length} characters at most; a cut never splits a surrogate pair. */
  public static String cut(String text, int length) {
    if (text.length() <= length) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
  }
}
