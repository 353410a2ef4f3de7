package dev.gale.connector.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The declared fields of a configuration object: a connector's whole configuration, a nested object, or one option
 * of a one-of field. From the one declaration come the {@code connectionSpecification} a connector publishes
 * ({@link #toJsonSchema()}) and the typed values it works with ({@link #read(JsonNode)}). Immutable.
 *
 * @param title shown above the form, and the name of the option when this is one option of a one-of field
 */
public record ConfigSchema(String title, String description, List<ConfigField<?>> fields) {

  public ConfigSchema {
    requireNonNull(title, "title is null");
    fields = List.copyOf(requireNonNull(fields, "fields is null"));
    Set<String> names = new HashSet<>();
    for (ConfigField<?> field : fields) {
      if (!names.add(field.name())) {
        throw new IllegalArgumentException(title + ": field " + field.name() + " is declared twice");
      }
    }
  }

  public static ConfigSchema of(String title, ConfigField<?>... fields) {
    return new ConfigSchema(title, null, List.of(fields));
  }

  public Optional<ConfigField<?>> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /**
   * The JSON Schema (draft 7) of a configuration, as a connector publishes it in
   * {@code ConnectorSpecification.connectionSpecification}. Properties not declared are allowed, as in Airbyte's
   * specifications, so that configurations written for a newer version still read.
   */
  public ObjectNode toJsonSchema() {
    return JsonSchemaWriter.root(this);
  }

  /**
   * Reads a configuration into typed values, filling in defaults.
   *
   * @throws ConfigException naming every property that is missing, mistyped or out of range; messages name fields,
   *     and show a given value only when the field is not secret
   */
  public ConfigValues read(JsonNode config) {
    return ConfigReader.read(this, config);
  }
}
