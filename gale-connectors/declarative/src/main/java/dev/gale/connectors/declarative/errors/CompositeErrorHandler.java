package dev.gale.connectors.declarative.errors;

import dev.gale.connectors.declarative.runtime.Run;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Airbyte's {@code CompositeErrorHandler}: asks its handlers in order and takes the first verdict that lets the read
 * go on (success, retry, ignore); when none does, the last verdict. Retries are counted by the first handler, and the
 * first backoff any handler gives is used, as in the CDK.
 */
public record CompositeErrorHandler(List<ErrorHandler> handlers) implements ErrorHandler {

  public CompositeErrorHandler {
    handlers = List.copyOf(handlers);
    if (handlers.isEmpty()) {
      throw new IllegalArgumentException("a composite error handler needs at least one handler");
    }
  }

  @Override
  public ErrorResolution interpret(Run run, Outcome outcome) {
    ErrorResolution last = null;
    for (ErrorHandler handler : handlers) {
      last = handler.interpret(run, outcome);
      if (last.action() == ResponseAction.SUCCESS || last.action() == ResponseAction.RETRY
          || last.action() == ResponseAction.IGNORE) {
        return last;
      }
    }
    return last;
  }

  @Override
  public int maxRetries(Run run) {
    return handlers.getFirst().maxRetries(run);
  }

  @Override
  public Optional<Duration> backoff(Run run, Outcome outcome, int attempt) {
    for (ErrorHandler handler : handlers) {
      Optional<Duration> wait = handler.backoff(run, outcome, attempt);
      if (wait.isPresent()) {
        return wait;
      }
    }
    return Optional.empty();
  }
}
