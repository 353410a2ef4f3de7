package dev.gale.server.http;

import java.util.List;

/** 422: the request parsed but its values are wrong; each {@link ValidationError} names the property path. */
public final class InvalidInputException extends ApiException {
  private final List<ValidationError> errors;

  public InvalidInputException(String message, List<ValidationError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String propertyPath, Object invalidValue, String message) {
    this(message, List.of(new ValidationError(propertyPath, invalidValue == null ? null : String.valueOf(invalidValue), message)));
  }

  public List<ValidationError> errors() {
    return errors;
  }

  @Override
  public int status() {
    return 422;
  }

  /** One violated rule: where it is, what was given (never a secret), and what is wrong. */
  public record ValidationError(String propertyPath, String invalidValue, String message) {}
}
