package dev.gale.server.http;

import dev.gale.server.http.InvalidInputException.ValidationError;
import java.util.List;

/**
 * The error bodies of Airbyte's Config API. Gale never fills the stack fields: a stack trace is for the server log,
 * not for the client.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  /** Any 4xx/5xx that is neither a 404 nor a 422. */
  public record KnownExceptionInfo(@Required String message, String exceptionClassName) {}

  /** 404. */
  public record NotFoundKnownExceptionInfo(String id, @Required String message, String exceptionClassName) {}

  /** 422. */
  public record InvalidInputExceptionInfo(@Required String message, String exceptionClassName,
                                          @Required List<InvalidInputProperty> validationErrors) {}

  public record InvalidInputProperty(@Required String propertyPath, String invalidValue, String message) {}

  public static Object of(ApiException e) {
    String className = e.getClass().getName();
    return switch (e) {
      case NotFoundException notFound -> new NotFoundKnownExceptionInfo(notFound.id(), e.getMessage(), className);
      case InvalidInputException invalid -> new InvalidInputExceptionInfo(e.getMessage(), className,
          invalid.errors().stream().map(ErrorBodies::property).toList());
      default -> new KnownExceptionInfo(e.getMessage(), className);
    };
  }

  /** A server fault: a fixed message, the details stay in the log under the incident id. */
  public static KnownExceptionInfo internal(String incidentId) {
    return new KnownExceptionInfo("Internal error " + incidentId + "; the server log has the details.", null);
  }

  private static InvalidInputProperty property(ValidationError error) {
    return new InvalidInputProperty(error.propertyPath(), error.invalidValue(), error.message());
  }
}
