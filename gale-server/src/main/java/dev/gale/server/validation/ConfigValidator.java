package dev.gale.server.validation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import dev.gale.protocol.Json;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.secrets.ConfigSecrets;
import dev.gale.server.secrets.PropertyPaths;
import dev.gale.server.secrets.SecretPaths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a connector configuration against the connector's {@code connectionSpecification}, as JSON Schema draft
 * 7 whatever {@code $schema} says (Airbyte does the same). Each violation becomes a {@link ValidationError} whose
 * property path names the property, e.g. {@code connectionConfiguration.tunnel_method.ssh_key}.
 *
 * <p>No secret leaves through an error: the invalid value is left out where the specification declares a secret
 * (and for undeclared properties, which may be a secret under a misspelt name), values shown elsewhere come from the
 * masked configuration, and any secret value that appears in a message is replaced by the mask.
 *
 * <p>Schemas may only reference their own definitions: nothing is ever fetched over the network. Thread-safe.
 */
public final class ConfigValidator {
  private static final int MAX_SHOWN_VALUE_LENGTH = 200;

  private final SchemaRegistry registry;

  public ConfigValidator() {
    // Airbyte's annotations (airbyte_secret, order, group, ...) are not draft 7 keywords; they validate nothing.
    Dialect draft7 = Dialect.builder(Dialects.getDraft7())
        .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
        .build();
    this.registry = SchemaRegistry.withDefaultDialect(draft7,
        builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
  }

  /** The violations of {@code config}, with paths under {@code connectionConfiguration}; empty when it is valid. */
  public List<ValidationError> validate(JsonNode connectionSpecification, JsonNode config) {
    return validate(connectionSpecification, config, ConfigSecrets.CONNECTION_CONFIGURATION);
  }

  /**
   * The violations of {@code config}; empty when it is valid.
   *
   * @param rootPath the property that holds the configuration in the request, prefixed to every property path
   * @throws IllegalArgumentException when {@code connectionSpecification} is not a usable JSON Schema
   */
  public List<ValidationError> validate(JsonNode connectionSpecification, JsonNode config, String rootPath) {
    requireNonNull(connectionSpecification, "connectionSpecification is null");
    requireNonNull(rootPath, "rootPath is null");
    if (!connectionSpecification.isObject()) {
      throw new IllegalArgumentException("connectionSpecification must be a JSON object");
    }
    JsonNode instance = config == null ? NullNode.getInstance() : config;
    SecretPaths secretPaths = SecretPaths.of(connectionSpecification);
    JsonNode masked = secretPaths.mask(instance);
    List<String> secretValues = secretPaths.secretValues(instance);

    Set<ValidationError> errors = new LinkedHashSet<>();
    for (Error error : schemaErrors(connectionSpecification, instance)) {
      List<Object> path = pathOf(error);
      boolean hideValue = secretPaths.isSecret(path) || "additionalProperties".equals(error.getKeyword())
          || "required".equals(error.getKeyword());
      errors.add(new ValidationError(rootPath + PropertyPaths.render(path),
          hideValue ? null : shownValue(masked, path), scrub(error.getMessage(), secretValues)));
    }
    return List.copyOf(errors);
  }

  /**
   * Throws when {@code config} violates the specification.
   *
   * @throws InvalidInputException (422) listing every violation
   */
  public void requireValid(JsonNode connectionSpecification, JsonNode config) {
    requireValid(connectionSpecification, config, ConfigSecrets.CONNECTION_CONFIGURATION);
  }

  /**
   * Throws when {@code config} violates the specification.
   *
   * @param rootPath the property that holds the configuration in the request, prefixed to every property path
   * @throws InvalidInputException (422) listing every violation
   */
  public void requireValid(JsonNode connectionSpecification, JsonNode config, String rootPath) {
    List<ValidationError> errors = validate(connectionSpecification, config, rootPath);
    if (!errors.isEmpty()) {
      List<String> details = errors.stream().map(e -> e.propertyPath() + ": " + e.message()).toList();
      throw new InvalidInputException("The configuration does not match the connector's specification: "
          + String.join("; ", details), errors);
    }
  }

  private List<Error> schemaErrors(JsonNode connectionSpecification, JsonNode instance) {
    ObjectNode schemaNode = ((ObjectNode) connectionSpecification).deepCopy();
    schemaNode.remove("$schema");
    try {
      Schema schema = registry.getSchema(schemaNode);
      return schema.validate(instance);
    } catch (SchemaException e) {
      throw new IllegalArgumentException("connectionSpecification is not a usable JSON Schema: " + e.getMessage(), e);
    }
  }

  // Errors about a property (missing, not allowed) sit on the object holding it; the path names the property itself.
  private static List<Object> pathOf(Error error) {
    NodePath location = error.getInstanceLocation();
    List<Object> path = new ArrayList<>();
    for (int i = 0; i < location.getNameCount(); i++) {
      path.add(location.getElement(i));
    }
    if (error.getProperty() != null) {
      path.add(error.getProperty());
    }
    return path;
  }

  private static String shownValue(JsonNode masked, List<Object> path) {
    JsonNode node = masked;
    for (Object element : path) {
      node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
      if (node == null) {
        return null;
      }
    }
    String text = node.isTextual() ? node.textValue() : Json.write(node);
    return text.length() <= MAX_SHOWN_VALUE_LENGTH ? text : text.substring(0, MAX_SHOWN_VALUE_LENGTH) + "...";
  }

  private static String scrub(String message, List<String> secretValues) {
    String scrubbed = message;
    for (String secret : secretValues) {
      if (!secret.isEmpty()) {
        scrubbed = scrubbed.replace(secret, SecretPaths.MASK);
      }
    }
    return scrubbed;
  }
}
