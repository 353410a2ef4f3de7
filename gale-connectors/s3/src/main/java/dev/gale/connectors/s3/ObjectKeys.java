package dev.gale.connectors.s3;

import dev.gale.protocol.StreamDescriptor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Airbyte's destination-s3 puts a stream's objects: {@code <bucket path>/<path format expanded>/<file name>}.
 * The path variables are Airbyte's, with its values: year, month and day of the sync's start in UTC without leading
 * zeros; HOUR, MINUTE and SECOND as whole hours, minutes and seconds since the epoch; MILLISECOND and EPOCH as epoch
 * milliseconds. Empty segments (a stream without namespace) disappear, as Airbyte's path joining drops them.
 *
 * @param syncStart the time every variable of this sync is taken from
 */
record ObjectKeys(String bucketPath, String pathFormat, String fileNamePattern, String extension, Instant syncStart,
                  long syncId) {
  static final String DEFAULT_PATH_FORMAT = "${NAMESPACE}/${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_";
  static final String DEFAULT_FILE_NAME = "{part_number}{format_extension}";

  private static final Pattern PATH_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  /** The folder of one stream's objects in this sync; a pattern with ${UUID} gives each call its own. */
  String directory(StreamDescriptor stream) {
    return join(bucketPath, expand(pathFormat, stream, true));
  }

  /**
   * The part of a stream's keys that every sync shares: the path up to its first variable that is not the namespace
   * or the stream name. An overwrite deletes the stream's earlier objects under it.
   */
  String streamPrefix(StreamDescriptor stream) {
    String expanded = expand(pathFormat, stream, false);
    String prefix = join(bucketPath, expanded);
    // join() drops a trailing slash; the prefix keeps it so that stream "a" does not take in stream "ab".
    return expanded.endsWith("/") && !prefix.isEmpty() ? prefix + "/" : prefix;
  }

  /** The key of the {@code partNumber}th object (from 0) of a stream in {@code directory}. */
  String key(String directory, StreamDescriptor stream, long partNumber) {
    Map<String, Function<Void, String>> values = Map.of(
        "{date}", v -> DATE.format(syncStart),
        "{timestamp}", v -> TIMESTAMP.format(syncStart),
        "{part_number}", v -> Long.toString(partNumber),
        "{sync_id}", v -> Long.toString(syncId),
        "{format_extension}", v -> "." + extension);
    String name = fileNamePattern;
    for (Map.Entry<String, Function<Void, String>> value : values.entrySet()) {
      if (name.contains(value.getKey())) {
        name = name.replace(value.getKey(), value.getValue().apply(null));
      }
    }
    return join(directory, name);
  }

  /** Expands the variables; with {@code whole} false, stops before the first that changes between syncs. */
  private String expand(String pattern, StreamDescriptor stream, boolean whole) {
    ZonedDateTime time = syncStart.atZone(ZoneOffset.UTC);
    long millis = syncStart.toEpochMilli();
    Matcher matcher = PATH_VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String value = switch (variable) {
        case "NAMESPACE" -> stream.namespace() == null ? "" : stream.namespace();
        case "STREAM_NAME" -> stream.name();
        case "YEAR" -> Integer.toString(time.getYear());
        case "MONTH" -> Integer.toString(time.getMonthValue());
        case "DAY" -> Integer.toString(time.getDayOfMonth());
        case "HOUR" -> Long.toString(millis / 3_600_000);
        case "MINUTE" -> Long.toString(millis / 60_000);
        case "SECOND" -> Long.toString(millis / 1000);
        case "MILLISECOND", "EPOCH" -> Long.toString(millis);
        case "UUID" -> UUID.randomUUID().toString();
        default -> matcher.group(); // not a variable of Airbyte's: kept as written
      };
      boolean perSync = !variable.equals("NAMESPACE") && !variable.equals("STREAM_NAME") && !value.equals(matcher.group());
      if (!whole && perSync) {
        matcher.appendReplacement(out, "");
        return out.toString();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Joins with single slashes, dropping empty segments and a leading or trailing slash, as Airbyte's paths do. */
  static String join(String... parts) {
    List<String> segments = new ArrayList<>();
    for (String part : parts) {
      for (String segment : part.split("/", -1)) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
    }
    return String.join("/", segments);
  }
}
