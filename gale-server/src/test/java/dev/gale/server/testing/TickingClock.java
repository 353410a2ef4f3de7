package dev.gale.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves forward by a fixed step every time it is read, so that rows stamped one after the other have
 * distinct, ordered timestamps and tests that sort by time are deterministic.
 */
public final class TickingClock extends Clock {
  private final Instant start;
  private final Duration step;
  private final AtomicLong reads = new AtomicLong();

  public TickingClock(Instant start, Duration step) {
    this.start = start;
    this.step = step;
  }

  public static TickingClock startingAt2025() {
    return new TickingClock(Instant.parse("2025-01-01T00:00:00.123456Z"), Duration.ofMillis(1001));
  }

  @Override
  public Instant instant() {
    return start.plus(step.multipliedBy(reads.getAndIncrement()));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a TickingClock is always UTC");
  }
}
