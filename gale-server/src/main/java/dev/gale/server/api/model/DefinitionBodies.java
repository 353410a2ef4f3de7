package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Bodies of {@code source_definitions/*}, {@code destination_definitions/*} and the two
 * {@code *_definition_specifications/get} endpoints.
 */
public final class DefinitionBodies {
  private DefinitionBodies() {}

  public record SourceDefinitionRead(@Required UUID sourceDefinitionId, @Required String name, @Required String dockerRepository,
                                     @Required String dockerImageTag, String documentationUrl, String icon,
                                     String protocolVersion, Boolean custom, SupportLevel supportLevel,
                                     ReleaseStage releaseStage, LocalDate releaseDate, SourceType sourceType,
                                     JsonNode resourceRequirements) {}

  public record DestinationDefinitionRead(@Required UUID destinationDefinitionId, @Required String name,
                                          @Required String dockerRepository, @Required String dockerImageTag,
                                          @Required String documentationUrl, String icon, String protocolVersion,
                                          Boolean custom, SupportLevel supportLevel, ReleaseStage releaseStage,
                                          LocalDate releaseDate, JsonNode resourceRequirements, @Required Boolean supportsDbt,
                                          @Required NormalizationDestinationDefinitionConfig normalizationConfig) {}

  /** Gale runs no normalization container: typing and deduplication happen in the destination itself. */
  public record NormalizationDestinationDefinitionConfig(@Required Boolean supported) {}

  public record SourceDefinitionReadList(@Required List<SourceDefinitionRead> sourceDefinitions) {}

  public record DestinationDefinitionReadList(@Required List<DestinationDefinitionRead> destinationDefinitions) {}

  public record SourceDefinitionIdRequestBody(@Required UUID sourceDefinitionId) {}

  public record DestinationDefinitionIdRequestBody(@Required UUID destinationDefinitionId) {}

  public record SourceDefinitionIdWithWorkspaceId(@Required UUID sourceDefinitionId, @Required UUID workspaceId) {}

  public record DestinationDefinitionIdWithWorkspaceId(@Required UUID destinationDefinitionId, @Required UUID workspaceId) {}

  /** The definition part of create_custom; one shape for sources and destinations. */
  public record DefinitionCreate(@Required @MaxLength(TEXT) String name, @Required @MaxLength(TEXT) String dockerRepository,
                                 @Required @MaxLength(TEXT) String dockerImageTag,
                                 @Required @MaxLength(TEXT) String documentationUrl, String icon, JsonNode resourceRequirements) {}

  /** {@code workspaceId} is optional in newer Airbyte versions, which accept {@code scopeId} + {@code scopeType} instead. */
  public record CustomSourceDefinitionCreate(UUID workspaceId, UUID scopeId, String scopeType,
                                             @Required DefinitionCreate sourceDefinition) {}

  public record CustomDestinationDefinitionCreate(UUID workspaceId, UUID scopeId, String scopeType,
                                                  @Required DefinitionCreate destinationDefinition) {}

  public record SourceDefinitionUpdate(@Required UUID sourceDefinitionId, @MaxLength(TEXT) String dockerImageTag, JsonNode resourceRequirements) {}

  public record DestinationDefinitionUpdate(@Required UUID destinationDefinitionId,
                                            @MaxLength(TEXT) String dockerImageTag,
                                            JsonNode resourceRequirements) {}

  public record PrivateSourceDefinitionRead(@Required SourceDefinitionRead sourceDefinition, @Required Boolean granted) {}

  public record PrivateDestinationDefinitionRead(@Required DestinationDefinitionRead destinationDefinition, @Required Boolean granted) {}

  public record PrivateSourceDefinitionReadList(@Required List<PrivateSourceDefinitionRead> sourceDefinitions) {}

  public record PrivateDestinationDefinitionReadList(@Required List<PrivateDestinationDefinitionRead> destinationDefinitions) {}

  public record SourceDefinitionSpecificationRead(@Required UUID sourceDefinitionId, String documentationUrl,
                                                  JsonNode connectionSpecification, JsonNode advancedAuth,
                                                  @Required SynchronousJobRead jobInfo) {}

  public record DestinationDefinitionSpecificationRead(@Required UUID destinationDefinitionId, String documentationUrl,
                                                       JsonNode connectionSpecification, JsonNode advancedAuth,
                                                       @Required SynchronousJobRead jobInfo,
                                                       List<DestinationSyncMode> supportedDestinationSyncModes) {}

  /**
   * The record of a synchronous connector job (spec, check, discover). Gale runs these in-process, so the "job" is
   * the call itself; times are epoch milliseconds as in Airbyte.
   */
  public record SynchronousJobRead(@Required UUID id, @Required SynchronousJobType configType, String configId,
                                   @Required Long createdAt, @Required Long endedAt, @Required Boolean succeeded,
                                   Boolean connectorConfigurationUpdated, LogRead logs) {}

  public enum SynchronousJobType {
    @JsonProperty("check_connection_source") CHECK_CONNECTION_SOURCE,
    @JsonProperty("check_connection_destination") CHECK_CONNECTION_DESTINATION,
    @JsonProperty("discover_schema") DISCOVER_SCHEMA,
    @JsonProperty("get_spec") GET_SPEC
  }

  public record LogRead(@Required List<String> logLines) {}
}
