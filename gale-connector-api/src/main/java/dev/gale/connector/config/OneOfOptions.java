package dev.gale.connector.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules that make the options of a one-of field distinguishable, and the choice among them. */
final class OneOfOptions {
  private OneOfOptions() {}

  static void check(String fieldName, String discriminator, List<ConfigSchema> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException(fieldName + ": a one-of field needs at least one option");
    }
    Set<Object> seen = new HashSet<>();
    for (ConfigSchema option : options) {
      ConfigField<?> tag = option.field(discriminator).orElseThrow(() -> new IllegalArgumentException(
          fieldName + ": option '" + option.title() + "' lacks the discriminator field " + discriminator));
      if (tag.type() != ConfigField.Type.STRING || tag.constant() == null) {
        throw new IllegalArgumentException(fieldName + ": discriminator " + discriminator + " of option '"
            + option.title() + "' must be a string with a constant");
      }
      if (!seen.add(tag.constant())) {
        throw new IllegalArgumentException(fieldName + ": two options share discriminator value " + tag.constant());
      }
    }
  }

  /** The option whose discriminator constant is {@code value}; with no value, the option if there is only one. */
  static Optional<ConfigSchema> select(ConfigField<?> field, String value) {
    if (value == null) {
      return field.options().size() == 1 ? Optional.of(field.options().getFirst()) : Optional.empty();
    }
    return field.options().stream().filter(option -> value.equals(constantOf(field, option))).findFirst();
  }

  static List<Object> constants(ConfigField<?> field) {
    return field.options().stream().map(option -> constantOf(field, option)).toList();
  }

  private static Object constantOf(ConfigField<?> field, ConfigSchema option) {
    return option.field(field.discriminator()).orElseThrow().constant();
  }
}
