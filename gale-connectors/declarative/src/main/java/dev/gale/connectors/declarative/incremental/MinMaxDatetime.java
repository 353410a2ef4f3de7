package dev.gale.connectors.declarative.incremental;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A datetime written as a template ({@code {{ config['start_date'] }}}), read with its own format or the cursor's,
 * and kept between an optional minimum and maximum (also templates in the same format).
 *
 * @param format the format of the evaluated text; null to use the cursor's
 */
public record MinMaxDatetime(Template datetime, String format, Template min, Template max) {
  private static final String DEFAULT_FORMAT = "%Y-%m-%dT%H:%M:%S.%f%z";

  public MinMaxDatetime {
    requireNonNull(datetime, "datetime is null");
  }

  /** A plain template, as {@code start_datetime} may be written. */
  public static MinMaxDatetime of(Template datetime) {
    return new MinMaxDatetime(datetime, null, null, null);
  }

  /**
   * The datetime for this run.
   *
   * @param fallbackFormat the cursor's format, used when this one has none
   * @throws ConnectorException when the evaluated text does not match the format
   */
  public OffsetDateTime get(Run run, String fallbackFormat) {
    DatetimeFormat dateFormat = DatetimeFormat.of(format != null ? format
        : fallbackFormat != null ? fallbackFormat : DEFAULT_FORMAT);
    OffsetDateTime value = parse(run, datetime, dateFormat);
    if (min != null) {
      String text = min.evalString(run, Map.of());
      if (!text.isEmpty()) {
        OffsetDateTime lowest = parse(text, dateFormat);
        value = value.toInstant().isBefore(lowest.toInstant()) ? lowest : value;
      }
    }
    if (max != null) {
      String text = max.evalString(run, Map.of());
      if (!text.isEmpty()) {
        OffsetDateTime highest = parse(text, dateFormat);
        value = value.toInstant().isAfter(highest.toInstant()) ? highest : value;
      }
    }
    return value;
  }

  private static OffsetDateTime parse(Run run, Template template, DatetimeFormat format) {
    return parse(template.evalString(run, Map.of()), format);
  }

  private static OffsetDateTime parse(String text, DatetimeFormat format) {
    try {
      return format.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException("The datetime '" + text + "' does not match the format " + format.pattern());
    }
  }
}
