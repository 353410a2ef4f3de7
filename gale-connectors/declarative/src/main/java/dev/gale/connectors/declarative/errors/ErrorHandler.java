package dev.gale.connectors.declarative.errors;

import dev.gale.connectors.declarative.runtime.Run;
import java.time.Duration;
import java.util.Optional;

/** Decides what a response or failure means and how long to wait before a retry. */
public interface ErrorHandler {

  ErrorResolution interpret(Run run, Outcome outcome);

  /** How many times a request may be retried. */
  int maxRetries(Run run);

  /** The wait before retry number {@code attempt} (0 for the first retry), when the manifest decides it. */
  Optional<Duration> backoff(Run run, Outcome outcome, int attempt);
}
