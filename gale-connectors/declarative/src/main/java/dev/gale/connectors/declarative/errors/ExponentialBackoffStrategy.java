package dev.gale.connectors.declarative.errors;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** {@code factor * 2^attempt} seconds (5, 10, 20 ... by default), plus jitter when given. */
public record ExponentialBackoffStrategy(Template factor, Double jitterSeconds) implements BackoffStrategy {

  @Override
  public Optional<Duration> backoff(Run run, Outcome outcome, int attempt) {
    double base = factor == null ? 5 : Values.asDouble(factor.eval(run, Map.of())).orElseThrow(() ->
        new ConnectorException("the factor of an exponential backoff is not a number: " + factor.text()));
    double wait = base * Math.pow(2, attempt);
    if (jitterSeconds != null && jitterSeconds > 0) {
      wait += ThreadLocalRandom.current().nextDouble(jitterSeconds * 2);
    }
    return Optional.of(BackoffStrategy.seconds(wait));
  }
}
