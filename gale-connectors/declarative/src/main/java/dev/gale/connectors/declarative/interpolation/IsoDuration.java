package dev.gale.connectors.declarative.interpolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@code duration()} macro returns, as isodate does: a Python {@code timedelta} when the ISO 8601 duration
 * has no years or months, else a calendar duration whose years and months are added to a date before its time part.
 * It prints as Python prints those ({@code "1 day, 0:00:00"}, {@code "1 month, 0:00:00"}).
 */
record IsoDuration(long years, long months, Duration time) {
  private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";
  private static final Pattern ISO = Pattern.compile("([+-])?P(?:" + NUMBER + "Y)?(?:" + NUMBER + "M)?(?:" + NUMBER
      + "W)?(?:" + NUMBER + "D)?(?:T(?:" + NUMBER + "H)?(?:" + NUMBER + "M)?(?:" + NUMBER + "S)?)?");
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  static IsoDuration timedelta(Duration time) {
    return new IsoDuration(0, 0, time);
  }

  /** Reads {@code PnYnMnWnDTnHnMnS} (fractions allowed where isodate allows them, not on years or months). */
  static IsoDuration parse(String text) {
    Matcher m = ISO.matcher(text.strip());
    if (!m.matches() || text.strip().matches("[+-]?P")) {
      throw new InterpolationException("not an ISO 8601 duration");
    }
    int sign = "-".equals(m.group(1)) ? -1 : 1;
    BigDecimal micros = BigDecimal.ZERO;
    long[] unitMicros = {7 * MICROS_PER_DAY, MICROS_PER_DAY, 3_600_000_000L, 60_000_000L, 1_000_000L};
    for (int i = 0; i < unitMicros.length; i++) {
      String amount = m.group(i + 4);
      if (amount != null) {
        micros = micros.add(new BigDecimal(amount.replace(',', '.')).multiply(BigDecimal.valueOf(unitMicros[i])));
      }
    }
    long totalMicros = micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact() * sign;
    return new IsoDuration(sign * whole(m.group(2)), sign * whole(m.group(3)), Duration.ofNanos(totalMicros * 1000));
  }

  private static long whole(String amount) {
    if (amount == null) {
      return 0;
    }
    if (!amount.chars().allMatch(Character::isDigit)) {
      throw new InterpolationException("fractional years or months are not supported in a duration");
    }
    return Long.parseLong(amount);
  }

  boolean isTimedelta() {
    return years == 0 && months == 0;
  }

  IsoDuration negated() {
    return new IsoDuration(-years, -months, time.negated());
  }

  IsoDuration plus(IsoDuration other) {
    return new IsoDuration(years + other.years, months + other.months, time.plus(other.time));
  }

  OffsetDateTime addTo(OffsetDateTime dateTime) {
    return dateTime.plusMonths(years * 12 + months).plus(time);
  }

  /** As Python adds a timedelta to a date: only its whole days count (days as Python normalises them, floored). */
  LocalDate addTo(LocalDate date) {
    return date.plusMonths(years * 12 + months).plusDays(Math.floorDiv(micros(), MICROS_PER_DAY));
  }

  /** As Python subtracts a timedelta from a date: minus its (floored) days, which is not adding its negation. */
  LocalDate subtractFrom(LocalDate date) {
    return date.minusMonths(years * 12 + months).minusDays(Math.floorDiv(micros(), MICROS_PER_DAY));
  }

  /** Python's {@code timedelta.total_seconds()}. */
  double totalSeconds() {
    return micros() / 1e6;
  }

  private long micros() {
    return time.toNanos() / 1000;
  }

  /** Python's {@code str()}: {@code "[-]D day[s], H:MM:SS[.ffffff]"}, after years and months when there are some. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (years != 0) {
      out.append(years).append(" years, ");
    }
    if (months != 0) {
      out.append(months).append(Math.abs(months) == 1 ? " month, " : " months, ");
    }
    long micros = micros();
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    long rest = Math.floorMod(micros, MICROS_PER_DAY);
    if (days != 0) {
      out.append(days).append(Math.abs(days) == 1 ? " day, " : " days, ");
    }
    long seconds = rest / 1_000_000;
    out.append(String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
    if (rest % 1_000_000 != 0) {
      out.append(String.format(".%06d", rest % 1_000_000));
    }
    return out.toString();
  }
}
