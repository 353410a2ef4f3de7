package dev.gale.server.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorDescriptor.ReleaseStage;
import dev.gale.connector.ConnectorDescriptor.SourceType;
import dev.gale.connector.ConnectorDescriptor.SupportLevel;
import java.util.Locale;
import java.util.UUID;

/**
 * What a connector folder's {@code metadata.yaml} says about it, in Airbyte's layout ({@code data.definitionId},
 * {@code data.name}, {@code data.dockerRepository}...): enough to show the connector as Airbyte's registry does.
 *
 * @param documentationUrl nullable
 * @param iconFile the icon's file name in the folder; nullable
 */
public record ConnectorMetadata(UUID definitionId, String connectorType, String name, String dockerRepository,
                                String dockerImageTag, String documentationUrl, ReleaseStage releaseStage,
                                SupportLevel supportLevel, SourceType sourceType, String iconFile) {
  public ConnectorMetadata {
    requireNonNull(definitionId, "definitionId is null");
    requireNonNull(connectorType, "connectorType is null");
    requireNonNull(name, "name is null");
    requireNonNull(dockerRepository, "dockerRepository is null");
    requireNonNull(dockerImageTag, "dockerImageTag is null");
    requireNonNull(releaseStage, "releaseStage is null");
    requireNonNull(supportLevel, "supportLevel is null");
    requireNonNull(sourceType, "sourceType is null");
  }

  /**
   * Reads a parsed {@code metadata.yaml}.
   *
   * @throws IllegalArgumentException saying which field is missing or wrong
   */
  public static ConnectorMetadata of(JsonNode metadata) {
    JsonNode data = metadata == null ? null : metadata.get("data");
    if (data == null || !data.isObject()) {
      throw new IllegalArgumentException("metadata.yaml has no 'data' object");
    }
    String id = text(data, "definitionId", true);
    UUID definitionId;
    try {
      definitionId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("metadata.yaml: data.definitionId '" + id + "' is not a UUID");
    }
    return new ConnectorMetadata(definitionId, text(data, "connectorType", true), text(data, "name", true),
        text(data, "dockerRepository", true), text(data, "dockerImageTag", true), text(data, "documentationUrl", false),
        releaseStage(text(data, "releaseStage", false)), supportLevel(text(data, "supportLevel", false)),
        sourceType(text(data, "connectorSubtype", false)), text(data, "icon", false));
  }

  /** Who the connector is, for a source that runs this folder's manifest. */
  public ConnectorDescriptor descriptor(String icon, String manifestDocumentationUrl) {
    String documentation = documentationUrl != null ? documentationUrl
        : manifestDocumentationUrl != null ? manifestDocumentationUrl : "";
    return new ConnectorDescriptor(definitionId, ConnectorDescriptor.Kind.SOURCE, name, dockerRepository,
        dockerImageTag, documentation, icon, releaseStage, supportLevel, sourceType);
  }

  private static String text(JsonNode data, String field, boolean required) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      if (required) {
        throw new IllegalArgumentException("metadata.yaml: data." + field + " is missing");
      }
      return null;
    }
    return value.asText().strip();
  }

  // Airbyte's registry knows a few values more than a Gale definition shows; those read as their nearest kin.

  private static ReleaseStage releaseStage(String value) {
    return switch (value == null ? "alpha" : value.toLowerCase(Locale.ROOT)) {
      case "beta" -> ReleaseStage.BETA;
      case "generally_available" -> ReleaseStage.GENERALLY_AVAILABLE;
      case "custom" -> ReleaseStage.CUSTOM;
      default -> ReleaseStage.ALPHA;
    };
  }

  private static SupportLevel supportLevel(String value) {
    return switch (value == null ? "community" : value.toLowerCase(Locale.ROOT)) {
      case "certified" -> SupportLevel.CERTIFIED;
      case "archived" -> SupportLevel.ARCHIVED;
      case "none" -> SupportLevel.NONE;
      default -> SupportLevel.COMMUNITY;
    };
  }

  private static SourceType sourceType(String subtype) {
    return switch (subtype == null ? "api" : subtype.toLowerCase(Locale.ROOT)) {
      case "file" -> SourceType.FILE;
      case "database" -> SourceType.DATABASE;
      default -> SourceType.API;
    };
  }
}
