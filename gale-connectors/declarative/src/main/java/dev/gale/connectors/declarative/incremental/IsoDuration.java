package dev.gale.connectors.declarative.incremental;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 8601 duration as manifests write steps, granularities and lookback windows ({@code P1D}, {@code PT0.000001S},
 * {@code P1M}, {@code P1W}): a calendar part (years, months, weeks, days) and a clock part. Months are calendar
 * months, so {@code P1M} from January 31st lands on the last day of February, as Python's {@code isodate} does.
 */
public record IsoDuration(Period period, Duration time) {
  private static final Pattern ISO = Pattern.compile(
      "([-+])?P(?:(\\d+(?:[.,]\\d+)?)Y)?(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)W)?(?:(\\d+(?:[.,]\\d+)?)D)?"
          + "(?:T(?:(\\d+(?:[.,]\\d+)?)H)?(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?");

  public static final IsoDuration ZERO = new IsoDuration(Period.ZERO, Duration.ZERO);

  public IsoDuration {
    requireNonNull(period, "period is null");
    requireNonNull(time, "time is null");
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when it is not an ISO 8601 duration
   */
  public static IsoDuration parse(String text) {
    Matcher m = ISO.matcher(requireNonNull(text, "text is null").strip());
    if (!m.matches() || text.strip().equals("P") || text.strip().endsWith("T")) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 duration such as P1D or PT1H");
    }
    int sign = "-".equals(m.group(1)) ? -1 : 1;
    Period period = Period.of(whole(m.group(2)), whole(m.group(3)), whole(m.group(4)) * 7 + whole(m.group(5)));
    Duration time = Duration.ofNanos(Math.round(decimal(m.group(6)) * 3600e9 + decimal(m.group(7)) * 60e9
        + decimal(m.group(8)) * 1e9));
    return sign < 0 ? new IsoDuration(period.negated(), time.negated()) : new IsoDuration(period, time);
  }

  public OffsetDateTime addTo(OffsetDateTime value) {
    return value.plus(period).plus(time);
  }

  public OffsetDateTime subtractFrom(OffsetDateTime value) {
    return value.minus(period).minus(time);
  }

  public boolean isZero() {
    return period.isZero() && time.isZero();
  }

  private static int whole(String value) {
    if (value == null) {
      return 0;
    }
    double number = Double.parseDouble(value.replace(',', '.'));
    if (number != Math.rint(number)) {
      throw new IllegalArgumentException("fractions of years, months, weeks or days are not supported");
    }
    return (int) number;
  }

  private static double decimal(String value) {
    return value == null ? 0 : Double.parseDouble(value.replace(',', '.'));
  }
}
