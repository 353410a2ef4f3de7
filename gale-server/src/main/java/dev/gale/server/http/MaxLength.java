package dev.gale.server.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds a string component of a request body, because the column it reaches is bounded: a request with a longer
 * value gets a 422 naming the property (instead of the store's failure, a 500), and the OpenAPI document lists the
 * bound as {@code maxLength}. The length is counted in UTF-16 code units, as H2 counts a varchar's length;
 * PostgreSQL counts code points, never more, so a value that passes fits both stores.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MaxLength {
  int value();
}
