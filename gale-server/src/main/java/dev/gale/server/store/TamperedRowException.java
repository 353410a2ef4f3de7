package dev.gale.server.store;

import java.util.UUID;

/**
 * A stored row fails its integrity check: it was changed outside Gale (or sealed with another secret key), so Gale
 * refuses to use it. The message names the row, never its content.
 */
public final class TamperedRowException extends RuntimeException {
  public TamperedRowException(String kind, UUID id) {
    super("The stored configuration of %s %s fails its integrity check: it was changed outside Gale, or sealed with another secret key. Gale will not use it; delete the %s and create it again."
        .formatted(kind, id, kind));
  }
}
