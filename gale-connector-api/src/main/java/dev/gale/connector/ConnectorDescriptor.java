package dev.gale.connector;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.UUID;

/**
 * Who a connector is, as Airbyte's Config API shows a source or destination definition.
 *
 * @param definitionId stable for the life of the connector; where Gale implements an Airbyte connector, Airbyte's own
 *     definition id so that clients and exported configurations keep working
 * @param dockerRepository Airbyte's image name for the same connector (for example {@code airbyte/source-faker}),
 *     the key Airbyte clients know connectors by; Gale runs built-ins in process, not from this image
 * @param dockerImageTag the Airbyte image version whose configuration and behaviour this connector matches
 * @param icon SVG text, or {@code null} for none
 * @param sourceType what a source reads from; {@code null} for destinations
 */
public record ConnectorDescriptor(UUID definitionId, Kind kind, String name, String dockerRepository,
                                  String dockerImageTag, String documentationUrl, String icon,
                                  ReleaseStage releaseStage, SupportLevel supportLevel, SourceType sourceType) {

  public ConnectorDescriptor {
    requireNonNull(definitionId, "definitionId is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(dockerRepository, "dockerRepository is null");
    requireNonNull(dockerImageTag, "dockerImageTag is null");
    requireNonNull(documentationUrl, "documentationUrl is null");
    requireNonNull(releaseStage, "releaseStage is null");
    requireNonNull(supportLevel, "supportLevel is null");
    if ((kind == Kind.SOURCE) != (sourceType != null)) {
      throw new IllegalArgumentException(name + ": a source has a source type and a destination has none");
    }
  }

  public enum Kind { SOURCE, DESTINATION }

  /** Airbyte's {@code ReleaseStage}. */
  public enum ReleaseStage {
    ALPHA, BETA, GENERALLY_AVAILABLE, CUSTOM;

    @JsonValue
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Airbyte's {@code SupportLevel}. */
  public enum SupportLevel {
    COMMUNITY, CERTIFIED, ARCHIVED, NONE;

    @JsonValue
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Airbyte's {@code sourceType} of a source definition. */
  public enum SourceType {
    API, FILE, DATABASE, CUSTOM;

    @JsonValue
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
