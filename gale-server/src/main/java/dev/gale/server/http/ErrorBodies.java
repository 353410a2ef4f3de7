package dev.gale.server.http;

import dev.gale.server.http.InvalidInputException.ValidationError;
import java.util.List;

/**
 * Error bodies, in one of two styles chosen by path prefix: the Public API ({@value #PUBLIC_API_PREFIX}...) answers
 * problem details {@code {status, type, title, detail}} as Airbyte's Public API does; everything else answers the
 * Config API's shapes. Gale never fills the stack fields: a stack trace is for the server log, not for the client.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  public static final String PUBLIC_API_PREFIX = "/api/public/";

  /**
   * A Public API error (RFC 9457 problem details). {@code type} follows Airbyte's {@code error:<name>} convention,
   * named after the status (error:unauthorized, error:not-found...), so a client can switch on it.
   */
  public record Problem(@Required Integer status, @Required String type, @Required String title, String detail) {}

  /** Whether errors on this path are {@link Problem}s. */
  public static boolean problemStyle(String path) {
    return path.startsWith(PUBLIC_API_PREFIX);
  }

  public static Object of(String path, ApiException e) {
    return problemStyle(path) ? problem(e.status(), e.getMessage()) : of(e);
  }

  public static Object internal(String path, String incidentId) {
    KnownExceptionInfo internal = internal(incidentId);
    return problemStyle(path) ? problem(500, internal.message()) : internal;
  }

  public static Problem problem(int status, String detail) {
    String title = title(status);
    return new Problem(status, "error:" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, detail);
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 422 -> "Unprocessable Content";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      default -> "Error " + status;
    };
  }

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
