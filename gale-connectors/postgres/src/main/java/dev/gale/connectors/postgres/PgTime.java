package dev.gale.connectors.postgres;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's binary dates and times: days or microseconds since 2000-01-01 (UTC for {@code timestamptz}),
 * microseconds since midnight for times, and for {@code timetz} a zone in seconds west of UTC. The infinities map to
 * Java's MIN and MAX values, and back.
 */
public final class PgTime {
  private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
  private static final long EPOCH_SECOND_2000 = EPOCH_DAY_2000 * 86_400;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private PgTime() {}

  public static LocalDate date(int days) {
    if (days == Integer.MAX_VALUE) {
      return LocalDate.MAX;
    }
    if (days == Integer.MIN_VALUE) {
      return LocalDate.MIN;
    }
    return LocalDate.ofEpochDay(EPOCH_DAY_2000 + days);
  }

  public static int days(LocalDate date) {
    if (date.equals(LocalDate.MAX)) {
      return Integer.MAX_VALUE;
    }
    if (date.equals(LocalDate.MIN)) {
      return Integer.MIN_VALUE;
    }
    return Math.toIntExact(date.toEpochDay() - EPOCH_DAY_2000);
  }

  public static LocalDateTime timestamp(long micros) {
    if (micros == Long.MAX_VALUE) {
      return LocalDateTime.MAX;
    }
    if (micros == Long.MIN_VALUE) {
      return LocalDateTime.MIN;
    }
    return LocalDateTime.ofEpochSecond(EPOCH_SECOND_2000 + Math.floorDiv(micros, 1_000_000),
        (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
  }

  public static long micros(LocalDateTime timestamp) {
    if (timestamp.equals(LocalDateTime.MAX)) {
      return Long.MAX_VALUE;
    }
    if (timestamp.equals(LocalDateTime.MIN)) {
      return Long.MIN_VALUE;
    }
    return micros(timestamp.toEpochSecond(ZoneOffset.UTC), timestamp.getNano());
  }

  public static OffsetDateTime timestamptz(long micros) {
    if (micros == Long.MAX_VALUE) {
      return OffsetDateTime.MAX;
    }
    if (micros == Long.MIN_VALUE) {
      return OffsetDateTime.MIN;
    }
    Instant instant = Instant.ofEpochSecond(EPOCH_SECOND_2000 + Math.floorDiv(micros, 1_000_000),
        Math.floorMod(micros, 1_000_000) * 1000L);
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static long micros(OffsetDateTime timestamp) {
    if (timestamp.equals(OffsetDateTime.MAX)) {
      return Long.MAX_VALUE;
    }
    if (timestamp.equals(OffsetDateTime.MIN)) {
      return Long.MIN_VALUE;
    }
    return micros(timestamp.toEpochSecond(), timestamp.getNano());
  }

  public static long micros(Instant instant) {
    return micros(instant.getEpochSecond(), instant.getNano());
  }

  /** PostgreSQL allows 24:00:00, which {@link LocalTime} does not: it reads as {@link LocalTime#MAX}. */
  public static LocalTime time(long micros) {
    return micros >= MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
  }

  public static long micros(LocalTime time) {
    return time.toNanoOfDay() / 1000;
  }

  public static OffsetTime timetz(long micros, int secondsWest) {
    return OffsetTime.of(time(micros), ZoneOffset.ofTotalSeconds(-secondsWest));
  }

  public static int secondsWest(OffsetTime time) {
    return -time.getOffset().getTotalSeconds();
  }

  // Sub-microsecond digits are cut, as PostgreSQL keeps microseconds.
  private static long micros(long epochSecond, int nanos) {
    return Math.addExact(Math.multiplyExact(epochSecond - EPOCH_SECOND_2000, 1_000_000L), nanos / 1000);
  }
}
