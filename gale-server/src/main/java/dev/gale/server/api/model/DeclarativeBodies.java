package dev.gale.server.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/** Bodies of {@code /api/v1/declarative_source_definitions/*}. */
public final class DeclarativeBodies {
  private DeclarativeBodies() {}

  /**
   * A manifest version as a client publishes it. Airbyte also requires {@code description} and {@code spec}; Gale
   * takes them when sent and runs the specification the manifest itself declares, which the request's
   * {@code spec} repeats.
   */
  public record DeclarativeSourceManifest(String description, @Required ObjectNode manifest, JsonNode spec,
                                          @Required Long version) {}

  /** @param componentsFileContent custom Python components; Gale runs none, so a non-blank one is refused */
  public record DeclarativeSourceDefinitionCreateManifestRequestBody(@Required UUID workspaceId,
                                                                     @Required UUID sourceDefinitionId,
                                                                     @Required Boolean setAsActiveManifest,
                                                                     @Required DeclarativeSourceManifest declarativeManifest,
                                                                     String componentsFileContent) {}

  public record UpdateActiveManifestRequestBody(@Required UUID workspaceId, @Required UUID sourceDefinitionId,
                                                @Required Long version) {}

  public record ListDeclarativeManifestsRequestBody(@Required UUID workspaceId, @Required UUID sourceDefinitionId) {}

  /** @param description "" for a version published without one, as Airbyte answers it */
  public record DeclarativeManifestVersionRead(@Required Long version, @Required Boolean isActive,
                                               @Required String description) {}

  public record DeclarativeManifestsReadList(@Required List<DeclarativeManifestVersionRead> manifestVersions) {}
}
