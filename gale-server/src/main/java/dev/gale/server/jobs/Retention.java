package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * How long job history is kept, and how housekeeping prunes what is older (see {@link Housekeeping}).
 *
 * @param keep jobs, attempts, stats, attempt logs and catalog fetches older than this go ({@code GALE_RETENTION_DAYS},
 *     30 days by default, as Airbyte keeps its job history)
 * @param interval how often housekeeping runs; it also runs shortly after start
 * @param batch rows per transaction: small, so that pruning a long history never holds locks for long
 */
public record Retention(Duration keep, Duration interval, int batch) {
  public static final String DAYS_VARIABLE = "GALE_RETENTION_DAYS";

  public Retention {
    requireNonNull(keep, "keep is null");
    requireNonNull(interval, "interval is null");
    if (keep.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("history must be kept at least a day, not " + keep);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, not " + interval);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive, not " + batch);
    }
  }

  /** Thirty days, pruned hourly, 500 rows at a time. */
  public static Retention defaults() {
    return new Retention(Duration.ofDays(30), Duration.ofHours(1), 500);
  }

  /** The defaults with {@code GALE_RETENTION_DAYS} applied: a whole number of days, at least 1. */
  public static Retention fromEnvironment(Map<String, String> env) {
    String days = env.get(DAYS_VARIABLE);
    if (days == null || days.isBlank()) {
      return defaults();
    }
    try {
      long value = Long.parseLong(days.strip());
      if (value >= 1 && value <= 36_500) {
        return defaults().withKeep(Duration.ofDays(value));
      }
    } catch (NumberFormatException e) {
      // Answered below, with the same message as a number out of range.
    }
    throw new IllegalArgumentException(DAYS_VARIABLE + " must be a whole number of days from 1 to 36500, not '"
        + days + "'");
  }

  public Retention withKeep(Duration period) {
    return new Retention(period, interval, batch);
  }

  public Retention withBatch(int rows) {
    return new Retention(keep, interval, rows);
  }
}
