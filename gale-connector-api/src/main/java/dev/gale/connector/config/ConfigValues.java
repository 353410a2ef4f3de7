package dev.gale.connector.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A configuration read through its declarations: each field's value as its declared Java type, defaults filled in.
 * Immutable. {@link #toString()} masks secret fields, so a {@code ConfigValues} can be logged.
 */
public final class ConfigValues {
  private final ConfigSchema schema;
  private final Map<String, Object> values;

  ConfigValues(ConfigSchema schema, Map<String, Object> values) {
    this.schema = requireNonNull(schema, "schema is null");
    this.values = Map.copyOf(values);
  }

  /** The declarations these values were read with; for a one-of field, the option the configuration chose. */
  public ConfigSchema schema() {
    return schema;
  }

  /**
   * The value of {@code field}: the one given, else its constant or default.
   *
   * @throws IllegalStateException when the field has no value; use {@link #find} for optional fields without default
   */
  public <T> T get(ConfigField<T> field) {
    return find(field).orElseThrow(() -> new IllegalStateException(
        "field " + field.name() + " has no value and no default; read it with find()"));
  }

  /** The value of {@code field} if the configuration gives one or the field declares a default. */
  public <T> Optional<T> find(ConfigField<T> field) {
    requireNonNull(field, "field is null");
    if (!schema.field(field.name()).filter(field::equals).isPresent()) {
      throw new IllegalArgumentException("field " + field.name() + " is not declared in '" + schema.title() + "'");
    }
    @SuppressWarnings("unchecked") // the reader stored a value of the field's declared type under its name
    T value = (T) values.get(field.name());
    return Optional.ofNullable(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfigValues that && schema.equals(that.schema) && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, values);
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "{", "}");
    for (ConfigField<?> field : schema.fields()) {
      if (values.containsKey(field.name())) {
        joiner.add(field.name() + "=" + (field.secret() ? "**********" : values.get(field.name())));
      }
    }
    return joiner.toString();
  }
}
