package dev.gale.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.gale.protocol.Json;
import dev.gale.server.http.InvalidInputException.ValidationError;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns a request body into its record and checks it: malformed JSON is a 400; a wrong type, an unknown enum value,
 * a missing required property or a text longer than its {@link MaxLength} is a 422 naming the property path. Unknown
 * properties are ignored.
 */
final class RequestBodies {
  private RequestBodies() {}

  static <I> I read(byte[] body, Class<I> type) {
    if (type == null) {
      return null;
    }
    // The generated Python client sends some bodyless POSTs (workspaces/list): an empty body is an empty object.
    byte[] json = isBlank(body) ? "{}".getBytes() : body;
    I value;
    try {
      value = Json.mapper().readValue(json, type);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InvalidInputException(path(e), null, cause.getMessage());
    } catch (InvalidFormatException e) {
      String expected = e.getTargetType() != null && e.getTargetType().isEnum()
          ? "one of " + enumValues(e.getTargetType()) : "a value of type " + typeName(e.getTargetType());
      throw new InvalidInputException(path(e), e.getValue(), "Invalid value at '%s': expected %s".formatted(path(e), expected));
    } catch (JsonMappingException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
        throw new BadRequestException("Malformed JSON body: more than one JSON value");
      }
      if (e.getCause() instanceof StreamReadException malformed) {
        // Broken JSON inside a JSON-valued property (a manifest, a configuration) reaches here wrapped with its path.
        throw new BadRequestException("Malformed JSON body at '%s': %s".formatted(path(e), malformed.getOriginalMessage()));
      }
      String path = path(e);
      throw new InvalidInputException(path, null, "Invalid value at '%s': %s".formatted(path, e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new BadRequestException("Malformed JSON body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequestException("Unreadable request body: " + e.getMessage());
    }
    if (value == null) {
      throw new InvalidInputException("", null, "A JSON object is required as the request body");
    }
    List<ValidationError> missing = new ArrayList<>();
    List<ValidationError> tooLong = new ArrayList<>();
    check(value, "", missing, tooLong);
    if (!missing.isEmpty() || !tooLong.isEmpty()) {
      // One answer lists every problem, so a client fixes its request once.
      List<String> parts = new ArrayList<>();
      if (!missing.isEmpty()) {
        parts.add("Missing required properties: " + String.join(", ", missing.stream().map(ValidationError::propertyPath).toList()));
      }
      tooLong.forEach(error -> parts.add(error.message()));
      List<ValidationError> errors = new ArrayList<>(missing);
      errors.addAll(tooLong);
      throw new InvalidInputException(String.join("; ", parts), errors);
    }
    return value;
  }

  /**
   * Walks records, lists and maps, collecting every {@link Required} component that is null and every
   * {@link MaxLength} text that is longer than allowed.
   */
  static void check(Object value, String path, List<ValidationError> missing, List<ValidationError> tooLong) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        check(item, path + "[" + i++ + "]", missing, tooLong);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> check(item, join(path, String.valueOf(key)), missing, tooLong));
      return;
    }
    if (!value.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      Object componentValue;
      try {
        componentValue = component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String componentPath = join(path, Schemas.jsonName(component));
      if (componentValue == null && component.isAnnotationPresent(Required.class)) {
        missing.add(new ValidationError(componentPath, null, "'%s' is required".formatted(componentPath)));
      }
      MaxLength maxLength = component.getAnnotation(MaxLength.class);
      // String.length() counts UTF-16 code units, as H2 does; the value is not echoed: it may be long, or private.
      if (maxLength != null && componentValue instanceof String text && text.length() > maxLength.value()) {
        tooLong.add(new ValidationError(componentPath, null, "'%s' must be at most %d characters, not %d"
            .formatted(componentPath, maxLength.value(), text.length())));
      }
      check(componentValue, componentPath, missing, tooLong);
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static List<String> enumValues(Class<?> type) {
    return Schemas.enumValues(type);
  }

  private static String typeName(Class<?> type) {
    return type == null ? "unknown" : Schemas.typeName(type);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }
}
