package dev.gale.server.api.publicapi;

import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.Call;
import dev.gale.server.http.NotFoundException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the Public API's path and query parameters. A malformed query value is a 400 that names the parameter; a
 * malformed id in the path is a 404, since no resource can have it.
 */
public final class QueryParameters {
  private QueryParameters() {}

  /** The id in the path; a value that is no UUID names nothing, so it is a 404 for {@code kind}. */
  public static UUID pathId(Call call, String name, String kind) {
    String raw = call.path(name);
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFoundException(kind, raw);
    }
  }

  /** Every UUID of a list parameter, repeated or comma-separated; empty when absent. */
  public static Set<UUID> uuids(Call call, String name) {
    Set<UUID> ids = new LinkedHashSet<>();
    call.queryAll(name).forEach(raw -> ids.add(parseUuid(name, raw)));
    return ids;
  }

  public static Optional<UUID> uuid(Call call, String name) {
    return call.query(name).map(raw -> parseUuid(name, raw.strip()));
  }

  public static UUID requiredUuid(Call call, String name) {
    return uuid(call, name).orElseThrow(() -> new BadRequestException("The query parameter '" + name + "' is required"));
  }

  /** Every value of a list parameter; empty when absent. */
  public static Set<String> strings(Call call, String name) {
    return new LinkedHashSet<>(call.queryAll(name));
  }

  /** A boolean parameter: {@code true} or {@code false} in any case, else a 400; {@code absent} when not given. */
  public static boolean flag(Call call, String name, boolean absent) {
    return call.query(name).map(raw -> switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadRequestException("The query parameter '" + name + "' must be true or false, not '" + raw + "'");
    }).orElse(absent);
  }

  private static UUID parseUuid(String name, String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("The query parameter '" + name + "' must hold UUIDs; '" + raw + "' is none");
    }
  }
}
