package dev.gale.server.api.publicapi;

import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.Call;
import dev.gale.server.http.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Typed query and path parameters of Public API calls: a malformed query value is a 400 naming the parameter. */
public final class QueryParameters {
  private QueryParameters() {}

  public static Optional<UUID> uuid(Call call, String name) {
    return call.query(name).map(raw -> parse(name, raw));
  }

  public static UUID requiredUuid(Call call, String name) {
    return uuid(call, name).orElseThrow(() -> new BadRequestException("The query parameter " + name + " is required"));
  }

  /** A list parameter, repeated or comma-separated; empty when absent. */
  public static List<UUID> uuids(Call call, String name) {
    return call.queryAll(name).stream().map(raw -> parse(name, raw)).toList();
  }

  public static boolean bool(Call call, String name, boolean absent) {
    return call.query(name).map(raw -> switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadRequestException(name + " must be true or false, not '" + raw + "'");
    }).orElse(absent);
  }

  /** An id in the path: one that is no UUID names nothing, so it is a 404 like any unknown id. */
  public static UUID pathId(Call call, String name, String kind) {
    String raw = call.path(name);
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(kind, raw);
    }
  }

  private static UUID parse(String name, String raw) {
    try {
      return UUID.fromString(raw.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name + " must hold UUIDs; '" + raw + "' is not one");
    }
  }
}
