package dev.gale.connectors.declarative.errors;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The same wait every time, plus a random jitter of up to twice {@code jitterSeconds} when given. */
public record ConstantBackoffStrategy(Template seconds, Double jitterSeconds) implements BackoffStrategy {

  @Override
  public Optional<Duration> backoff(Run run, Outcome outcome, int attempt) {
    double wait = Values.asDouble(seconds.eval(run, Map.of())).orElseThrow(() ->
        new ConnectorException("backoff_time_in_seconds is not a number: " + seconds.text()));
    if (jitterSeconds != null && jitterSeconds > 0) {
      wait += ThreadLocalRandom.current().nextDouble(jitterSeconds * 2);
    }
    return Optional.of(BackoffStrategy.seconds(wait));
  }
}
