package dev.gale.connectors.declarative.errors;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airbyte's {@code DefaultErrorHandler}: the manifest's response filters first, in order; then success below 400;
 * then the {@link DefaultErrorMapping}. The backoff strategies are asked in order and the first that gives a wait
 * decides it.
 *
 * @param maxRetries an integer or a template over {@code config}; 5 when absent
 */
public record DefaultErrorHandler(List<HttpResponseFilter> filters, Template maxRetries,
                                  List<BackoffStrategy> strategies) implements ErrorHandler {
  public static final int DEFAULT_MAX_RETRIES = 5;

  public DefaultErrorHandler {
    filters = List.copyOf(filters);
    strategies = List.copyOf(strategies);
  }

  /** The handler of a requester that declares none: Airbyte's defaults. */
  public static DefaultErrorHandler defaults() {
    return new DefaultErrorHandler(List.of(), null, List.of());
  }

  @Override
  public ErrorResolution interpret(Run run, Outcome outcome) {
    for (HttpResponseFilter filter : filters) {
      Optional<ErrorResolution> matched = filter.matches(run, outcome);
      if (matched.isPresent()) {
        return matched.get();
      }
    }
    return DefaultErrorMapping.resolve(outcome);
  }

  @Override
  public int maxRetries(Run run) {
    if (maxRetries == null) {
      return DEFAULT_MAX_RETRIES;
    }
    Object value = maxRetries.eval(run, Map.of());
    return value == null ? DEFAULT_MAX_RETRIES : Values.asLong(value).map(Long::intValue).orElseThrow(() ->
        new ConnectorException("max_retries of the error handler is not an integer: "
            + maxRetries.text()));
  }

  @Override
  public Optional<Duration> backoff(Run run, Outcome outcome, int attempt) {
    for (BackoffStrategy strategy : strategies) {
      Optional<Duration> wait = strategy.backoff(run, outcome, attempt);
      if (wait.isPresent() && !wait.get().isZero()) {
        return wait;
      }
    }
    return Optional.empty();
  }
}
