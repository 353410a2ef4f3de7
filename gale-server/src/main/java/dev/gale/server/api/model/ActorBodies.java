package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/**
 * Bodies of {@code /api/v1/sources/*} and {@code /api/v1/destinations/*}. A {@code connectionConfiguration} in an
 * answer is always masked: each secret the connector's specification declares reads {@code **********}.
 */
public final class ActorBodies {
  private ActorBodies() {}

  public record SourceCreate(@Required UUID workspaceId, @Required @MaxLength(TEXT) String name, @Required UUID sourceDefinitionId,
                             @Required JsonNode connectionConfiguration) {}

  public record DestinationCreate(@Required UUID workspaceId, @Required @MaxLength(TEXT) String name, @Required UUID destinationDefinitionId,
                                  @Required JsonNode connectionConfiguration) {}

  /** A secret sent back as {@code **********} keeps the stored value. */
  public record SourceUpdate(@Required UUID sourceId, @Required JsonNode connectionConfiguration,
                             @Required @MaxLength(TEXT) String name) {}

  public record DestinationUpdate(@Required UUID destinationId, @Required JsonNode connectionConfiguration,
                                  @Required @MaxLength(TEXT) String name) {}

  public record SourceIdRequestBody(@Required UUID sourceId) {}

  public record DestinationIdRequestBody(@Required UUID destinationId) {}

  /** Without a {@code sourceConfiguration}, the clone is an exact copy named "&lt;name&gt; (Copy)". */
  public record SourceCloneRequestBody(@Required UUID sourceCloneId, SourceCloneConfiguration sourceConfiguration) {
    public SourceCloneRequestBody {
      sourceConfiguration = sourceConfiguration == null ? new SourceCloneConfiguration(null, null) : sourceConfiguration;
    }
  }

  public record DestinationCloneRequestBody(@Required UUID destinationCloneId,
                                            DestinationCloneConfiguration destinationConfiguration) {
    public DestinationCloneRequestBody {
      destinationConfiguration = destinationConfiguration == null
          ? new DestinationCloneConfiguration(null, null) : destinationConfiguration;
    }
  }

  /** What a clone changes; each part that is absent is copied. */
  public record SourceCloneConfiguration(JsonNode connectionConfiguration, @MaxLength(TEXT) String name) {}

  public record DestinationCloneConfiguration(JsonNode connectionConfiguration, @MaxLength(TEXT) String name) {}

  /** Every property given must match; blank names match any. */
  public record SourceSearch(UUID sourceDefinitionId, UUID sourceId, UUID workspaceId, JsonNode connectionConfiguration,
                             String name, String sourceName) {}

  public record DestinationSearch(UUID destinationDefinitionId, UUID destinationId, UUID workspaceId,
                                  JsonNode connectionConfiguration, String name, String destinationName) {}

  /**
   * @param sourceName the name of the source's definition
   * @param createdAt epoch seconds
   */
  public record SourceRead(@Required UUID sourceDefinitionId, @Required UUID sourceId, @Required UUID workspaceId,
                           @Required JsonNode connectionConfiguration, @Required String name, @Required String sourceName,
                           String icon, @Required Long createdAt) {}

  /**
   * @param destinationName the name of the destination's definition
   * @param createdAt epoch seconds
   */
  public record DestinationRead(@Required UUID destinationDefinitionId, @Required UUID destinationId,
                                @Required UUID workspaceId, @Required JsonNode connectionConfiguration,
                                @Required String name, @Required String destinationName, String icon,
                                @Required Long createdAt) {}

  public record SourceReadList(@Required List<SourceRead> sources) {}

  public record DestinationReadList(@Required List<DestinationRead> destinations) {}
}
