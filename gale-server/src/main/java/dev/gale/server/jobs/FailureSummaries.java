package dev.gale.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.engine.Failure;
import dev.gale.protocol.Json;
import dev.gale.server.domain.AttemptFailureReason;
import dev.gale.server.domain.AttemptFailureSummary;
import dev.gale.server.domain.FailureOrigin;
import dev.gale.server.domain.FailureType;
import dev.gale.server.secrets.SecretMasker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

/**
 * Airbyte's {@code AttemptFailureSummary} for the ways an attempt fails, as stored with the attempt and returned by
 * the API. Every text in it passes the sync's {@link SecretMasker} first.
 */
public final class FailureSummaries {
  /** Also how a shutdown's summary is told from others, so that the retry policy leaves it out. */
  static final String SHUTDOWN_MESSAGE =
      "The worker shut down while the sync ran; the sync goes on from its last committed state in another worker.";

  private FailureSummaries() {}

  /** The summary of a failure the engine reported. */
  static JsonNode of(Failure failure, boolean partialSuccess, SecretMasker masker, Instant at) {
    return summary(new AttemptFailureReason(FailureOrigin.valueOf(failure.origin().name()), type(failure.type()),
        masker.mask(failure.externalMessage()), masker.mask(failure.internalMessage()), masker.mask(failure.stacktrace()),
        failure.retryable(), at.toEpochMilli()), partialSuccess);
  }

  /**
   * A failure of the worker itself rather than of the sync: planning it, a lost worker, a shutdown.
   *
   * @param error the cause, for the internal message and stack trace; nullable
   */
  static JsonNode platform(FailureType type, String externalMessage, Throwable error, boolean retryable,
                           boolean partialSuccess, SecretMasker masker, Instant at) {
    return summary(new AttemptFailureReason(FailureOrigin.AIRBYTE_PLATFORM, type, masker.mask(externalMessage),
        error == null ? null : masker.mask(String.valueOf(error)), error == null ? null : masker.mask(stacktrace(error)),
        retryable, at.toEpochMilli()), partialSuccess);
  }

  /**
   * An attempt its worker stopped because its process shut down: Airbyte's {@code replication} origin and
   * {@code transient_error} type (sent as {@code system_error}, see {@link #type}), retryable.
   */
  static JsonNode shutdown(boolean partialSuccess, Instant at) {
    return summary(new AttemptFailureReason(FailureOrigin.REPLICATION, FailureType.SYSTEM_ERROR, SHUTDOWN_MESSAGE,
        null, null, true, at.toEpochMilli()), partialSuccess);
  }

  /** Whether a stored summary is a {@link #shutdown}'s. */
  static boolean isShutdown(JsonNode summary) {
    if (summary == null) {
      return false;
    }
    JsonNode failure = summary.path("failures").path(0);
    return "replication".equals(failure.path("failureOrigin").asText())
        && SHUTDOWN_MESSAGE.equals(failure.path("externalMessage").asText());
  }

  /** A job cancelled by a user. */
  public static JsonNode cancelled(boolean partialSuccess, Instant at) {
    return summary(new AttemptFailureReason(FailureOrigin.AIRBYTE_PLATFORM, FailureType.MANUAL_CANCELLATION,
        "The job was cancelled.", null, null, false, at.toEpochMilli()), partialSuccess);
  }

  /** Whether a stored summary says the attempt committed records. */
  static boolean partialSuccess(JsonNode summary) {
    return summary != null && summary.path("partialSuccess").asBoolean(false);
  }

  /** Whether a stored summary says a retry may help: no failure in it is known not to be retryable. */
  static boolean retryable(JsonNode summary) {
    if (summary == null) {
      return true;
    }
    for (JsonNode failure : summary.path("failures")) {
      if (failure.path("retryable").isBoolean() && !failure.path("retryable").booleanValue()) {
        return false;
      }
    }
    return true;
  }

  // Airbyte's 2023 document knows four types; see JobBodies.FailureType for why the newer ones collapse.
  private static FailureType type(Failure.Type type) {
    return switch (type) {
      case CONFIG_ERROR -> FailureType.CONFIG_ERROR;
      case MANUAL_CANCELLATION -> FailureType.MANUAL_CANCELLATION;
      case REFRESH_SCHEMA -> FailureType.REFRESH_SCHEMA;
      case SYSTEM_ERROR, HEARTBEAT_TIMEOUT, DESTINATION_TIMEOUT, TRANSIENT_ERROR -> FailureType.SYSTEM_ERROR;
    };
  }

  private static JsonNode summary(AttemptFailureReason reason, boolean partialSuccess) {
    return Json.tree(new AttemptFailureSummary(List.of(reason), partialSuccess));
  }

  private static String stacktrace(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
