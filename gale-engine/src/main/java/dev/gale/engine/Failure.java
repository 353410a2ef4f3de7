package dev.gale.engine;

import static java.util.Objects.requireNonNull;

/**
 * Why a sync failed, in Airbyte's {@code FailureReason} terms.
 *
 * @param externalMessage for the user; never a secret value
 * @param internalMessage for operators (the exception's own message)
 * @param stacktrace the exception's stack trace, for the attempt's failure summary (never returned in errors)
 * @param retryable whether a retry may succeed; configuration errors are not retryable
 */
public record Failure(Origin origin, Type type, String externalMessage, String internalMessage, String stacktrace,
                      boolean retryable) {
  public Failure {
    requireNonNull(origin, "origin is null");
    requireNonNull(type, "type is null");
    requireNonNull(externalMessage, "externalMessage is null");
  }

  /** Airbyte's {@code failureOrigin}. */
  public enum Origin { SOURCE, DESTINATION, REPLICATION, PERSISTENCE, NORMALIZATION, DBT, AIRBYTE_PLATFORM, UNKNOWN }

  /** Airbyte's {@code failureType}. */
  public enum Type { CONFIG_ERROR, SYSTEM_ERROR, MANUAL_CANCELLATION, REFRESH_SCHEMA, HEARTBEAT_TIMEOUT, DESTINATION_TIMEOUT, TRANSIENT_ERROR }
}
