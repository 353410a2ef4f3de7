package dev.gale.connectors.declarative.errors;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Waits until the epoch second a response header names ({@code X-RateLimit-Reset}), at least {@code minWait}
 * seconds when given, refusing waits beyond a cap.
 */
public record WaitUntilTimeFromHeader(Template header, Template minWait, Template regex, Template maxWaitingSeconds)
    implements BackoffStrategy {

  @Override
  public Optional<Duration> backoff(Run run, Outcome outcome, int attempt) {
    double now = run.clock().millis() / 1000.0;
    Optional<Double> until = outcome.response() == null ? Optional.empty()
        : HeaderWait.number(run, outcome.response(), header, regex);
    Double minimum = null;
    if (minWait != null) {
      Object value = minWait.eval(run, Map.of());
      if (Values.truthy(value)) {
        minimum = Values.asDouble(value).orElseThrow(() ->
            new ConnectorException("min_wait is not a number: " + minWait.text()));
      }
    }
    if (until.isEmpty() || until.get() == 0) {
      return minimum == null ? Optional.empty() : Optional.of(capped(run, minimum));
    }
    double wait = until.get() - now;
    if (minimum != null) {
      return Optional.of(capped(run, Math.max(wait, minimum)));
    }
    return wait < 0 ? Optional.empty() : Optional.of(capped(run, wait));
  }

  private Duration capped(Run run, double seconds) {
    HeaderWait.check(run, seconds, maxWaitingSeconds);
    return BackoffStrategy.seconds(seconds);
  }
}
