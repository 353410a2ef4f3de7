package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * When a failed attempt is tried again, as Airbyte's retry manager decides. A <em>partial</em> failure committed
 * records before it failed: it made progress, so the next attempt starts at once (from the committed state). A
 * <em>complete</em> failure committed nothing: the next attempt waits, longer after each successive one
 * ({@code minBackoff * backoffBase^(n-1)}, at most {@code maxBackoff}: 10 s, 30 s, 90 s... by default). Each kind has
 * a limit in a row and in total; past it, the job fails. A failure that is not retryable (a configuration error)
 * fails the job at once; the caller checks that before asking.
 */
public record RetryPolicy(int successiveCompleteFailures, int totalCompleteFailures, int successivePartialFailures,
                          int totalPartialFailures, Duration minBackoff, Duration maxBackoff, int backoffBase) {
  public RetryPolicy {
    if (successiveCompleteFailures < 1 || totalCompleteFailures < 1 || successivePartialFailures < 1
        || totalPartialFailures < 1 || backoffBase < 1) {
      throw new IllegalArgumentException("retry limits and the backoff base must be at least 1");
    }
    requireNonNull(minBackoff, "minBackoff is null");
    requireNonNull(maxBackoff, "maxBackoff is null");
    if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("backoffs must satisfy 0 <= min <= max");
    }
  }

  /** Airbyte's defaults: 5 complete failures in a row or 10 in all, 1000 partial ones in a row or 20 in all. */
  public static RetryPolicy airbyteDefaults() {
    return new RetryPolicy(5, 10, 1000, 20, Duration.ofSeconds(10), Duration.ofMinutes(30), 3);
  }

  /** The same limits with other backoffs (tests shorten them). */
  public RetryPolicy withBackoff(Duration min, Duration max) {
    return new RetryPolicy(successiveCompleteFailures, totalCompleteFailures, successivePartialFailures,
        totalPartialFailures, min, max, backoffBase);
  }

  public RetryPolicy withCompleteFailureLimits(int successive, int total) {
    return new RetryPolicy(successive, total, successivePartialFailures, totalPartialFailures, minBackoff, maxBackoff,
        backoffBase);
  }

  /**
   * What to do after a job's latest failed attempt.
   *
   * @param retry whether another attempt follows
   * @param delay how long it waits first
   * @param reason why, for the attempt's log
   */
  public record Decision(boolean retry, Duration delay, String reason) {}

  /**
   * @param partialFailures the job's failed attempts in order, each {@code true} when it committed records; the last
   *     is the one that just failed
   */
  public Decision afterFailures(List<Boolean> partialFailures) {
    if (partialFailures.isEmpty()) {
      throw new IllegalArgumentException("no failure to decide about");
    }
    boolean partial = partialFailures.getLast();
    int total = (int) partialFailures.stream().filter(p -> p == partial).count();
    int successive = 0;
    for (int i = partialFailures.size() - 1; i >= 0 && partialFailures.get(i) == partial; i--) {
      successive++;
    }
    String kind = partial ? "partial" : "complete";
    int successiveLimit = partial ? successivePartialFailures : successiveCompleteFailures;
    int totalLimit = partial ? totalPartialFailures : totalCompleteFailures;
    if (successive >= successiveLimit || total >= totalLimit) {
      return new Decision(false, Duration.ZERO, "%d %s failures in a row and %d in all reach the limit (%d in a row, %d in all)"
          .formatted(successive, kind, total, successiveLimit, totalLimit));
    }
    Duration delay = partial ? Duration.ZERO : backoff(successive);
    return new Decision(true, delay, partial ? "the attempt committed records, so the next one starts at once"
        : "the attempt committed nothing (%d in a row), so the next one waits %d ms".formatted(successive, delay.toMillis()));
  }

  private Duration backoff(int successiveCompleteFailures) {
    Duration delay = minBackoff;
    for (int i = 1; i < successiveCompleteFailures && delay.compareTo(maxBackoff) < 0; i++) {
      delay = delay.multipliedBy(backoffBase);
    }
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }
}
