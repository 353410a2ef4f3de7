package dev.gale.connectors.declarative.errors;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.time.Duration;
import java.util.Optional;

/** Waits the number of seconds a response header says (a {@code Retry-After}), refusing waits beyond a cap. */
public record WaitTimeFromHeader(Template header, Template regex, Template maxWaitingSeconds)
    implements BackoffStrategy {

  @Override
  public Optional<Duration> backoff(Run run, Outcome outcome, int attempt) {
    if (outcome.response() == null) {
      return Optional.empty();
    }
    Optional<Double> seconds = HeaderWait.number(run, outcome.response(), header, regex);
    seconds.ifPresent(value -> HeaderWait.check(run, value, maxWaitingSeconds));
    return seconds.map(BackoffStrategy::seconds);
  }
}
