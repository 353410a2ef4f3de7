package dev.gale.server.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.api.model.DefinitionBodies.SynchronousJobRead;
import dev.gale.server.http.Required;
import java.util.UUID;

/** Bodies of the connection checks ({@code sources/check_connection}, {@code scheduler/...}). */
public final class CheckBodies {
  private CheckBodies() {}

  public record CheckConnectionRead(@Required CheckStatus status, String message, @Required SynchronousJobRead jobInfo) {}

  public enum CheckStatus {
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED
  }

  /** A source configuration not (necessarily) saved: for checking before creating. */
  public record SourceCoreConfig(UUID sourceId, @Required UUID sourceDefinitionId, @Required JsonNode connectionConfiguration,
                                 @Required UUID workspaceId) {}

  public record DestinationCoreConfig(UUID destinationId, @Required UUID destinationDefinitionId,
                                      @Required JsonNode connectionConfiguration, @Required UUID workspaceId) {}
}
