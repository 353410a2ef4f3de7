package dev.gale.connectors.external;

import dev.gale.connector.ConnectorDescriptor;
import java.util.UUID;

/**
 * How a connector Gale does not ship describes itself: as Airbyte shows a custom definition, with release stage
 * {@code custom}, no support level, and for a source the source type {@code custom}.
 */
public final class CustomDescriptors {
  private CustomDescriptors() {}

  /**
   * @param documentationUrl null when there is none
   * @param icon SVG text, or null for none
   */
  public static ConnectorDescriptor of(UUID definitionId, ConnectorDescriptor.Kind kind, String name,
                                       String dockerRepository, String dockerImageTag, String documentationUrl,
                                       String icon) {
    return new ConnectorDescriptor(definitionId, kind, name, dockerRepository, dockerImageTag,
        documentationUrl == null ? "" : documentationUrl, icon, ConnectorDescriptor.ReleaseStage.CUSTOM,
        ConnectorDescriptor.SupportLevel.NONE,
        kind == ConnectorDescriptor.Kind.SOURCE ? ConnectorDescriptor.SourceType.CUSTOM : null);
  }
}
