package dev.gale.server.domain;

import dev.gale.server.http.Required;

/**
 * One reason an attempt failed (Airbyte's {@code AttemptFailureReason}).
 *
 * @param timestamp epoch milliseconds, as Airbyte gives them
 */
public record AttemptFailureReason(FailureOrigin failureOrigin, FailureType failureType, String externalMessage,
                                   String internalMessage, String stacktrace, Boolean retryable,
                                   @Required Long timestamp) {}
