package dev.gale.server.api.publicapi;

import dev.gale.server.http.Call;
import dev.gale.server.http.NotFoundException;
import java.util.UUID;

/** Ids in Public API paths. A value that is no UUID names nothing: a 404, as for an unknown id. */
final class PathIds {
  private PathIds() {}

  static UUID uuid(Call call, String name, String kind) {
    String raw = call.path(name);
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFoundException(kind, raw);
    }
  }
}
