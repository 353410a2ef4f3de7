package dev.gale.connectors.declarative.errors;

import dev.gale.connectors.declarative.runtime.Run;
import java.time.Duration;
import java.util.Optional;

/** How long to wait before retrying, when a strategy of the manifest knows; empty leaves it to the next one. */
public interface BackoffStrategy {
  Optional<Duration> backoff(Run run, Outcome outcome, int attempt);

  static Duration seconds(double seconds) {
    return Duration.ofNanos((long) (Math.max(0, seconds) * 1_000_000_000L));
  }
}
