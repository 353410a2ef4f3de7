package dev.gale.connectors.declarative.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.config.ConfigValues;
import dev.gale.connectors.declarative.incremental.DatetimeFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The incremental sync of the stream: a top-level cursor field, a datetime or an integer.
 *
 * @param datetimeFormat for a datetime cursor, how values are written (Python's strftime); null for an integer one
 * @param startValue where a read without state starts; null for an integer cursor starting at 0
 * @param startParam the query parameter asking for records from a cursor value on; null when the API is not asked,
 *     which only a datetime cursor allows (its records are then filtered as they are read)
 */
record Incremental(String cursorField, CursorType cursorType, String datetimeFormat, String startValue,
                   String startParam) {

  enum CursorType { DATETIME, INTEGER }

  Incremental {
    requireNonNull(cursorField, "cursorField is null");
    requireNonNull(cursorType, "cursorType is null");
    if ((cursorType == CursorType.DATETIME) != (datetimeFormat != null)) {
      throw new IllegalArgumentException("a datetime cursor, and only it, has a datetime format");
    }
  }

  /**
   * The incremental sync of {@code values} (the configuration's {@code incremental}, or null for none); problems are
   * added to {@code problems}.
   *
   * @param given the {@code incremental} object as the configuration gives it, to tell a value given from a default
   */
  static Incremental read(ConfigValues values, JsonNode given, List<String> problems) {
    if (values == null) {
      return null;
    }
    String cursorField = values.get(RestApiSpec.CURSOR_FIELD);
    if (cursorField.isEmpty()) {
      problems.add("incremental.cursor_field must not be empty");
    }
    String startValue = values.find(RestApiSpec.START_VALUE).orElse(null);
    String startParam = values.find(RestApiSpec.START_PARAM).orElse(null);
    if (startParam != null && startParam.isBlank()) {
      problems.add("incremental.start_param must not be empty");
    }
    if (values.get(RestApiSpec.CURSOR_TYPE).equals(RestApiSpec.INTEGER_CURSOR)) {
      if (given.has(RestApiSpec.DATETIME_FORMAT.name())) {
        problems.add("incremental.datetime_format applies to datetime cursors only, and cursor_type is integer");
      }
      if (startValue != null && !isInteger(startValue)) {
        problems.add("incremental.start_value must be an integer for an integer cursor, got " + startValue);
      }
      if (startParam == null) {
        problems.add("incremental.start_param is required for an integer cursor: records are not filtered by an"
            + " integer cursor as they are read, so the API has to be asked for those after it");
      }
      return new Incremental(cursorField, CursorType.INTEGER, null, startValue, startParam);
    }
    String format = values.get(RestApiSpec.DATETIME_FORMAT);
    ConfigPaths.checkWritable("incremental.datetime_format", format, problems);
    DatetimeFormat parsed = datetimeFormat(format, problems);
    if (startValue == null) {
      problems.add("incremental.start_value is required for a datetime cursor: the datetime the first sync starts"
          + " from");
    } else if (parsed != null && !parsed.matches(startValue)) {
      problems.add("incremental.start_value must be a datetime in incremental.datetime_format (" + format
          + "), got " + startValue);
    }
    return new Incremental(cursorField, CursorType.DATETIME, format, startValue, startParam);
  }

  private static DatetimeFormat datetimeFormat(String format, List<String> problems) {
    try {
      DatetimeFormat parsed = DatetimeFormat.of(format);
      parsed.format(OffsetDateTime.now(ZoneOffset.UTC));
      return parsed;
    } catch (IllegalArgumentException e) {
      problems.add("incremental.datetime_format is not usable: " + e.getMessage());
      return null;
    }
  }

  private static boolean isInteger(String value) {
    try {
      Long.parseLong(value.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
