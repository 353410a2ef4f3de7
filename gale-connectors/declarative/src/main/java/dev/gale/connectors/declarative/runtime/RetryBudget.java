package dev.gale.connectors.declarative.runtime;

import java.time.Duration;

/**
 * How long one request may take, its retries included: Airbyte's HTTP client gives up retrying once this much time has
 * passed since the first attempt ({@code max_time}, 10 minutes, beside {@code max_retries}, 5). The CDK sets no
 * timeout on an attempt, so an API that accepts the connection and never answers holds a sync forever; Gale gives an
 * attempt what is left of the budget instead, so such an API fails within it.
 *
 * @param maxTime the budget; positive
 */
public record RetryBudget(Duration maxTime) {
  public static final Duration AIRBYTE_MAX_TIME = Duration.ofMinutes(10);
  public static final RetryBudget AIRBYTE = new RetryBudget(AIRBYTE_MAX_TIME);

  public RetryBudget {
    if (maxTime == null || !maxTime.isPositive()) {
      throw new IllegalArgumentException("maxTime must be positive");
    }
  }
}
