package dev.gale.connectors.declarative.errors;

import static dev.gale.connectors.declarative.errors.FailureType.CONFIG_ERROR;
import static dev.gale.connectors.declarative.errors.FailureType.SYSTEM_ERROR;
import static dev.gale.connectors.declarative.errors.FailureType.TRANSIENT_ERROR;
import static dev.gale.connectors.declarative.errors.ResponseAction.FAIL;
import static dev.gale.connectors.declarative.errors.ResponseAction.RATE_LIMITED;
import static dev.gale.connectors.declarative.errors.ResponseAction.RETRY;

import java.util.Map;

/**
 * What a response means when no filter of the manifest says otherwise, after the CDK's default mapping: 429 is a rate
 * limit, 408 and 5xx are retried, 401 and 403 are the user's to fix, other 4xx fail at once (the CDK retries unknown
 * codes before failing; Gale fails a client error without wasting the retries), transport failures are retried.
 */
final class DefaultErrorMapping {
  private static final Map<Integer, ErrorResolution> BY_STATUS = Map.ofEntries(
      entry(400, FAIL, SYSTEM_ERROR, "Bad request. Please check your request parameters."),
      entry(401, FAIL, CONFIG_ERROR, "Unauthorized. Please ensure you are authenticated correctly."),
      entry(403, FAIL, CONFIG_ERROR, "Forbidden. You don't have permission to access this resource."),
      entry(404, FAIL, SYSTEM_ERROR, "Not found. The requested resource was not found on the server."),
      entry(405, FAIL, SYSTEM_ERROR, "Method not allowed. Please check your request method."),
      entry(408, RETRY, TRANSIENT_ERROR, "Request timeout."),
      entry(429, RATE_LIMITED, TRANSIENT_ERROR, "Too many requests."),
      entry(500, RETRY, TRANSIENT_ERROR, "Internal server error."),
      entry(502, RETRY, TRANSIENT_ERROR, "Bad gateway."),
      entry(503, RETRY, TRANSIENT_ERROR, "Service unavailable."),
      entry(504, RETRY, TRANSIENT_ERROR, "Gateway timeout."));

  private DefaultErrorMapping() {}

  /** The default resolution of a failed outcome; success for a response below 400. */
  static ErrorResolution resolve(Outcome outcome) {
    if (outcome.failure() != null) {
      return new ErrorResolution(RETRY, TRANSIENT_ERROR, "The request failed: " + outcome.failure().getClass()
          .getSimpleName() + (outcome.failure().getMessage() == null ? "" : ": " + outcome.failure().getMessage()));
    }
    int status = outcome.response().status();
    if (status < 400) {
      return ErrorResolution.SUCCESS;
    }
    ErrorResolution known = BY_STATUS.get(status);
    if (known != null) {
      return known;
    }
    return status >= 500
        ? new ErrorResolution(RETRY, TRANSIENT_ERROR, "HTTP Status Code: " + status + ". Error: Server error.")
        : new ErrorResolution(FAIL, SYSTEM_ERROR, "HTTP Status Code: " + status + ". Error: Client error.");
  }

  /** The mapping's entry for a status, if it has one (filters take their defaults from it). */
  static ErrorResolution known(Outcome outcome) {
    return outcome.response() == null ? resolve(outcome) : BY_STATUS.get(outcome.response().status());
  }

  private static Map.Entry<Integer, ErrorResolution> entry(int status, ResponseAction action, FailureType type,
                                                           String text) {
    return Map.entry(status, new ErrorResolution(action, type, "HTTP Status Code: " + status + ". Error: " + text));
  }
}
