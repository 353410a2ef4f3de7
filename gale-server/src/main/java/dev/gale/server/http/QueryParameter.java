package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A query parameter a route reads. It is documented in the served OpenAPI document and checked before the handler
 * runs, so that a wrong value is a 400 naming the parameter, and the handler may trust what {@link Call} gives it.
 * Parameters a route does not declare are ignored, as Airbyte's server ignores them.
 *
 * @param allowed for {@link Kind#ENUM}, the values accepted; empty otherwise
 * @param list whether the parameter takes several values ({@code ids=a&ids=b} or {@code ids=a,b})
 */
public record QueryParameter(String name, Kind kind, List<String> allowed, Long minimum, Long maximum, boolean required,
                             boolean list) {
  public enum Kind { STRING, INTEGER, BOOLEAN, UUID, DATE_TIME, ENUM }

  public QueryParameter {
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    allowed = List.copyOf(allowed);
  }

  public static QueryParameter string(String name) {
    return new QueryParameter(name, Kind.STRING, List.of(), null, null, false, false);
  }

  public static QueryParameter integer(String name, long minimum, long maximum) {
    return new QueryParameter(name, Kind.INTEGER, List.of(), minimum, maximum, false, false);
  }

  public static QueryParameter bool(String name) {
    return new QueryParameter(name, Kind.BOOLEAN, List.of(), null, null, false, false);
  }

  public static QueryParameter uuid(String name) {
    return new QueryParameter(name, Kind.UUID, List.of(), null, null, false, false);
  }

  public static QueryParameter uuids(String name) {
    return new QueryParameter(name, Kind.UUID, List.of(), null, null, false, true);
  }

  /** A date-time: ISO-8601, or epoch milliseconds as Airbyte's document shows them (see {@link #instant}). */
  public static QueryParameter dateTime(String name) {
    return new QueryParameter(name, Kind.DATE_TIME, List.of(), null, null, false, false);
  }

  public static QueryParameter oneOf(String name, List<String> values) {
    return new QueryParameter(name, Kind.ENUM, values, null, null, false, false);
  }

  public QueryParameter mandatory() {
    return new QueryParameter(name, kind, allowed, minimum, maximum, true, list);
  }

  /** Throws a 400 when the values sent (all of them, as {@link Call#queryAll} splits them) break this declaration. */
  void check(List<String> values) {
    if (values.isEmpty()) {
      if (required) {
        throw new BadRequestException("Query parameter " + name + " is required");
      }
      return;
    }
    if (!list && values.size() > 1) {
      throw new BadRequestException("Query parameter " + name + " takes one value, not " + values.size());
    }
    values.forEach(this::checkOne);
  }

  private void checkOne(String value) {
    try {
      switch (kind) {
        case STRING -> { }
        case INTEGER -> {
          long number = Long.parseLong(value);
          if ((minimum != null && number < minimum) || (maximum != null && number > maximum)) {
            throw new BadRequestException("Query parameter " + name + " must be between " + minimum + " and "
                + maximum + ", not " + number);
          }
        }
        case BOOLEAN -> {
          if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("not a boolean");
          }
        }
        case UUID -> UUID.fromString(value);
        case DATE_TIME -> instant(value);
        case ENUM -> {
          if (!allowed.contains(value)) {
            throw new BadRequestException("Query parameter " + name + " must be one of " + allowed + ", not '"
                + value + "'");
          }
        }
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new BadRequestException("Query parameter " + name + " is not a valid " + kindName() + ": '" + value + "'");
    }
  }

  /**
   * Reads a date-time value: ISO-8601 with an offset (or without one, for UTC), or epoch milliseconds. A space may
   * stand for the {@code T} (as Airbyte prints its times) and for an offset's {@code +} that the client left
   * unencoded, which the query's decoding turned into a space.
   */
  public static Instant instant(String value) {
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochMilli(Long.parseLong(value));
    }
    String text = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11) : value;
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.replace(' ', '+'), ZonedDateTime::from,
        LocalDateTime::from);
    return parsed instanceof ZonedDateTime zoned ? zoned.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }

  /** This parameter as an OpenAPI parameter object. */
  Map<String, Object> document() {
    Map<String, Object> schema = new LinkedHashMap<>();
    switch (kind) {
      case STRING -> schema.put("type", "string");
      case INTEGER -> {
        schema.put("type", "integer");
        if (minimum != null) {
          schema.put("minimum", minimum);
        }
        if (maximum != null) {
          schema.put("maximum", maximum);
        }
      }
      case BOOLEAN -> schema.put("type", "boolean");
      case UUID -> schema.putAll(Map.of("type", "string", "format", "uuid"));
      // Epoch milliseconds are accepted too, so the document cannot insist on the date-time format.
      case DATE_TIME -> schema.put("type", "string");
      case ENUM -> schema.putAll(Map.of("type", "string", "enum", allowed));
    }
    Map<String, Object> parameter = new LinkedHashMap<>();
    parameter.put("name", name);
    parameter.put("in", "query");
    parameter.put("required", required);
    parameter.put("schema", list ? Map.of("type", "array", "items", schema) : schema);
    return parameter;
  }

  private String kindName() {
    return switch (kind) {
      case DATE_TIME -> "date-time (ISO-8601 or epoch milliseconds)";
      case UUID -> "UUID";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
  }
}
