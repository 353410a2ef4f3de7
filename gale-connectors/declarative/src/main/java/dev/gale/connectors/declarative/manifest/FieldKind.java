package dev.gale.connectors.declarative.manifest;

import java.util.List;
import java.util.Set;

/**
 * What a component's field may hold, after Airbyte's component schema. Templates are strings, so an "interpolated"
 * field is a {@link Scalar#STRING} (or a union with one).
 */
sealed interface FieldKind {

  /** Plain JSON values, possibly several alternatives ({@code integer or string} for a page size). */
  enum Scalar implements FieldKind {
    STRING, BOOLEAN, INTEGER, STRING_OR_INTEGER, STRING_OR_NUMBER, NUMBER,
    /** A list of strings. */
    STRINGS,
    /** A string or a list of strings. */
    STRING_OR_STRINGS,
    /** A list of integers. */
    INTEGERS,
    /** A list of lists of strings: field pointers. */
    STRING_LISTS,
    /** A string, a list of strings or a list of lists of strings. */
    PRIMARY_KEY,
    /** An object whose values are strings, or one template string. */
    STRING_MAP_OR_STRING,
    /** Any object (data, not components), or one template string. */
    OBJECT_OR_STRING,
    /** Any object, taken as data. */
    OBJECT,
    /** Anything, taken as data. */
    ANY
  }

  /** One of the given values. */
  record Choice(List<String> values) implements FieldKind {}

  /** A component of one of the given types. */
  record Component(Set<String> types) implements FieldKind {}

  /** A component of one of the given types, or a template string. */
  record ComponentOrString(Set<String> types) implements FieldKind {}

  /** A component of one of the given types, or a list of them. */
  record ComponentOrList(Set<String> types) implements FieldKind {}

  /** A list of components of the given types. */
  record ComponentList(Set<String> types) implements FieldKind {}

  /** An object whose values are components of the given types. */
  record ComponentMap(Set<String> types) implements FieldKind {}

  /** A field Gale does not implement; a manifest that sets it is refused, with the reason. */
  record Unsupported(String reason) implements FieldKind {}

  /** Whether the field's value is data that must not be treated as components. */
  default boolean holdsData() {
    return this == Scalar.OBJECT || this == Scalar.ANY || this == Scalar.OBJECT_OR_STRING
        || this == Scalar.STRING_MAP_OR_STRING;
  }
}
