package dev.gale.connectors.declarative.errors;

import dev.gale.connectors.declarative.runtime.HttpResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The error text an API put in a response, found the CDK's way: the first of {@code message}, {@code error},
 * {@code errors}, {@code detail} ... followed down objects and joined across lists; the raw body when it is not JSON.
 */
public final class ApiErrorMessage {
  private static final List<String> KEYS = List.of("message", "messages", "error", "errors", "failures", "failure",
      "detail", "err", "error_message", "msg", "reason", "status_message");
  private static final int MAX_LENGTH = 500;

  private ApiErrorMessage() {}

  public static Optional<String> of(HttpResult response) {
    String message;
    try {
      message = find(response.json());
    } catch (IOException e) {
      message = response.text();
    }
    if (message == null || message.isBlank()) {
      return Optional.empty();
    }
    message = message.strip();
    return Optional.of(message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) + "..." : message);
  }

  private static String find(Object value) {
    return switch (value) {
      case String text -> text;
      case List<?> list -> {
        String joined = list.stream().map(ApiErrorMessage::find).filter(Objects::nonNull)
            .collect(Collectors.joining(", "));
        yield joined.isEmpty() ? null : joined;
      }
      case Map<?, ?> map -> {
        for (String key : KEYS) {
          Object found = map.get(key);
          if (found != null && !(found instanceof String text && text.isEmpty())) {
            yield find(found);
          }
        }
        yield null;
      }
      case null, default -> null;
    };
  }
}
