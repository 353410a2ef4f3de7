package dev.gale.connectors.declarative.errors;

import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches a response by status code, by a predicate over its JSON body and headers, or by text in its error message,
 * and then says what to do with it. A filter without an action matches nothing, as in the CDK.
 *
 * @param failureType only used with {@link ResponseAction#FAIL}; otherwise the default mapping's
 * @param errorMessage a template over {@code response} and {@code headers}; empty for the default message
 */
public record HttpResponseFilter(ResponseAction action, FailureType failureType, Set<Integer> httpCodes,
                                 String errorMessageContains, Template predicate, Template errorMessage) {

  public HttpResponseFilter {
    httpCodes = httpCodes == null ? Set.of() : Set.copyOf(httpCodes);
  }

  public Optional<ErrorResolution> matches(Run run, Outcome outcome) {
    if (action == null || outcome.response() == null || !matchesResponse(run, outcome.response())) {
      return Optional.empty();
    }
    ErrorResolution known = DefaultErrorMapping.known(outcome);
    String message = errorMessage == null ? "" : errorMessage.evalString(run, variables(outcome.response()));
    if (message.isEmpty() && known != null) {
      message = known.message();
    }
    FailureType type = failureType != null && action == ResponseAction.FAIL ? failureType
        : known != null ? known.failureType() : FailureType.SYSTEM_ERROR;
    return Optional.of(new ErrorResolution(action, type, message));
  }

  private boolean matchesResponse(Run run, HttpResult response) {
    if (httpCodes.contains(response.status())) {
      return true;
    }
    if (predicate != null && !predicate.text().isEmpty() && predicate.isTrue(run, variables(response))) {
      return true;
    }
    return errorMessageContains != null && !errorMessageContains.isEmpty()
        && ApiErrorMessage.of(response).filter(message -> message.contains(errorMessageContains)).isPresent();
  }

  private static Map<String, Object> variables(HttpResult response) {
    return Map.of("response", response.jsonOrEmpty(), "headers", response.templateHeaders());
  }
}
