package dev.gale.server.service.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.ManifestException;
import dev.gale.protocol.Json;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.InvalidInputException.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What Gale checks of a declarative (low-code) manifest before storing it, and the connector specification it
 * declares. {@link #validate} checks the top level of the declarative component schema, listing every problem there at
 * once; {@link #requireRunnable} then loads the whole manifest as the declarative engine will run it.
 */
public final class DeclarativeManifests {
  /** The image Airbyte runs every declarative manifest with; a declarative definition's versions name it. */
  public static final String DOCKER_REPOSITORY = "airbyte/source-declarative-manifest";

  private static final String SOURCE_TYPE = "DeclarativeSource";
  /** Who a manifest is while only being checked: loading needs a name, and the manifest has none yet. */
  private static final UUID CHECKED = new UUID(0, 0);

  private DeclarativeManifests() {}

  /**
   * Checks a manifest: an object of type {@code DeclarativeSource} with a {@code version}, a {@code check}, and
   * {@code streams} or {@code dynamic_streams}; a {@code spec}, when present, with a
   * {@code connection_specification} object.
   *
   * @param property where the manifest is in the request, for the paths of the errors
   * @throws InvalidInputException listing every violation
   */
  public static void validate(JsonNode manifest, String property) {
    if (manifest == null || !manifest.isObject()) {
      throw new InvalidInputException(property, manifest == null ? null : manifest.getNodeType().name().toLowerCase(),
          "'" + property + "' must be a declarative manifest: a JSON object");
    }
    List<ValidationError> errors = new ArrayList<>();
    JsonNode type = manifest.get("type");
    if (type == null || !SOURCE_TYPE.equals(type.asText(null))) {
      errors.add(error(property + ".type", type, "must be \"" + SOURCE_TYPE + "\""));
    }
    JsonNode version = manifest.get("version");
    if (version == null || !version.isTextual() || version.asText().isBlank()) {
      errors.add(error(property + ".version", version, "must name the version of the declarative schema it follows, "
          + "such as \"6.33.0\""));
    }
    JsonNode check = manifest.get("check");
    if (check == null || !check.isObject()) {
      errors.add(error(property + ".check", check, "must be an object saying how to check a connection"));
    }
    JsonNode streams = manifest.get("streams");
    JsonNode dynamicStreams = manifest.get("dynamic_streams");
    if (streams == null && dynamicStreams == null) {
      errors.add(error(property + ".streams", null, "a manifest needs 'streams' or 'dynamic_streams'"));
    }
    checkArrayOfObjects(streams, property + ".streams", errors);
    checkArrayOfObjects(dynamicStreams, property + ".dynamic_streams", errors);
    JsonNode spec = manifest.get("spec");
    if (spec != null && !(spec.isObject() && spec.path("connection_specification").isObject())) {
      errors.add(error(property + ".spec", spec.isObject() ? null : spec,
          "must be an object with a 'connection_specification' object (the JSON Schema of the configuration)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Invalid declarative manifest: " + String.join("; ",
          errors.stream().map(ValidationError::message).toList()), errors);
    }
  }

  /**
   * The connector specification a valid manifest declares, in the protocol's shape; a manifest without a
   * {@code spec} takes no configuration.
   */
  static ObjectNode specification(JsonNode manifest) {
    JsonNode spec = manifest.path("spec");
    ObjectNode specification = Json.mapper().createObjectNode();
    if (spec.path("documentation_url").isTextual()) {
      specification.put("documentationUrl", spec.get("documentation_url").asText());
    }
    JsonNode connectionSpecification = spec.path("connection_specification");
    specification.set("connectionSpecification", connectionSpecification.isObject() ? connectionSpecification.deepCopy()
        : Json.mapper().createObjectNode().put("type", "object").set("properties", Json.mapper().createObjectNode()));
    if (spec.path("advanced_auth").isObject()) {
      specification.set("advanced_auth", spec.get("advanced_auth").deepCopy());
    }
    return specification;
  }

  /**
   * Checks a manifest whole: {@link #validate}, then loaded by the declarative engine, so that a manifest stored is
   * one that runs.
   *
   * @param property where the manifest is in the request, for the paths of the errors
   * @return the manifest loaded, for a caller that runs it at once (a test read)
   * @throws InvalidInputException naming the manifest's place that cannot run ({@code manifest.streams[0].retriever})
   */
  public static DeclarativeSource requireRunnable(ManifestLoader loader, JsonNode manifest, String property) {
    validate(manifest, property);
    ConnectorDescriptor descriptor = new ConnectorDescriptor(CHECKED, ConnectorDescriptor.Kind.SOURCE,
        "manifest being checked", DOCKER_REPOSITORY, "0", "", null, ConnectorDescriptor.ReleaseStage.CUSTOM,
        ConnectorDescriptor.SupportLevel.NONE, ConnectorDescriptor.SourceType.CUSTOM);
    try {
      return loader.load(descriptor, manifest);
    } catch (ManifestException e) {
      throw invalid(e, property);
    }
  }

  /** A manifest that cannot run as a 422 whose property path is the manifest's place, under {@code property}. */
  public static InvalidInputException invalid(ManifestException e, String property) {
    String path = e.path().isEmpty() ? property : property + "." + e.path();
    String message = e.getMessage();
    String problem = !e.path().isEmpty() && message.startsWith(e.path() + ": ")
        ? message.substring(e.path().length() + 2) : message;
    return new InvalidInputException("The declarative manifest cannot run: '%s': %s".formatted(path, problem),
        List.of(new ValidationError(path, null, "'%s': %s".formatted(path, problem))));
  }

  private static void checkArrayOfObjects(JsonNode value, String path, List<ValidationError> errors) {
    if (value == null) {
      return;
    }
    if (!value.isArray()) {
      errors.add(error(path, value, "must be an array of stream objects"));
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isObject()) {
        errors.add(error(path + "[" + i + "]", value.get(i), "must be a stream object"));
      }
    }
  }

  private static ValidationError error(String path, JsonNode value, String problem) {
    // Only scalars are echoed: a whole subtree would make the error as large as the manifest.
    String shown = value == null ? null : value.isValueNode() ? value.asText() : value.getNodeType().name().toLowerCase();
    return new ValidationError(path, shown, "'" + path + "' " + problem);
  }
}
