package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.api.model.ActorBodies.DestinationRead;
import dev.gale.server.api.model.ActorBodies.SourceRead;
import dev.gale.server.api.model.DiscoverBodies.CatalogDiff;
import dev.gale.server.api.model.OperationBodies.OperationCreate;
import dev.gale.server.api.model.OperationBodies.OperationRead;
import dev.gale.server.domain.OperatorConfiguration;
import dev.gale.server.domain.BackfillPreference;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.domain.NamespaceDefinitionType;
import dev.gale.server.domain.NonBreakingChangesPreference;
import dev.gale.server.domain.ResourceRequirements;
import dev.gale.server.domain.ScheduleData.ConnectionSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleData;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/**
 * Bodies of {@code /api/v1/web_backend/*}: the connection shapes Airbyte's UI reads, which bundle a connection with
 * its source, destination, operations, latest sync job and whether the source's schema changed. Times are epoch
 * seconds.
 */
public final class WebBackendBodies {
  private WebBackendBodies() {}

  /** Both filters are lists (Airbyte's names are singular); an empty or absent list filters nothing. */
  public record WebBackendConnectionListRequestBody(@Required UUID workspaceId, List<UUID> sourceId,
                                                    List<UUID> destinationId) {}

  public record WebBackendConnectionReadList(@Required List<WebBackendConnectionListItem> connections) {}

  /** A connection as the list of a workspace's connections shows it. */
  public record WebBackendConnectionListItem(@Required UUID connectionId, @Required String name, ScheduleType scheduleType,
                                             ConnectionScheduleData scheduleData, @Required ConnectionStatus status,
                                             @Required SourceSnippetRead source,
                                             @Required DestinationSnippetRead destination, Long latestSyncJobCreatedAt,
                                             JobStatus latestSyncJobStatus, @Required Boolean isSyncing,
                                             @Required SchemaChange schemaChange) {}

  /** @param sourceName the name of the source's definition */
  public record SourceSnippetRead(@Required UUID sourceId, @Required String name, @Required UUID sourceDefinitionId,
                                  @Required String sourceName, String icon) {}

  /** @param destinationName the name of the destination's definition */
  public record DestinationSnippetRead(@Required UUID destinationId, @Required String name,
                                       @Required UUID destinationDefinitionId, @Required String destinationName,
                                       String icon) {}

  /** With {@code withRefreshedCatalog}, the source is discovered again and the answer carries the difference. */
  public record WebBackendConnectionRequestBody(@Required UUID connectionId, Boolean withRefreshedCatalog) {}

  /**
   * A connection with everything its page shows. {@code syncCatalog} lists every stream the source offers, the
   * ones the connection does not sync unselected; {@code catalogId} is the discovered catalog it is based on (the
   * new one after a refresh) and {@code catalogDiff} what a refresh found changed. {@code createdAt},
   * {@code notifySchemaChangesByEmail} and {@code backfillPreference} come from newer Airbyte versions.
   */
  public record WebBackendConnectionRead(@Required UUID connectionId, @Required String name,
                                         NamespaceDefinitionType namespaceDefinition, String namespaceFormat,
                                         String prefix, @Required UUID sourceId, @Required UUID destinationId,
                                         @Required AirbyteCatalog syncCatalog, ConnectionSchedule schedule,
                                         ScheduleType scheduleType, ConnectionScheduleData scheduleData,
                                         @Required ConnectionStatus status, List<UUID> operationIds,
                                         @Required SourceRead source, @Required DestinationRead destination,
                                         List<OperationRead> operations, Long latestSyncJobCreatedAt,
                                         JobStatus latestSyncJobStatus, @Required Boolean isSyncing,
                                         ResourceRequirements resourceRequirements, UUID catalogId,
                                         CatalogDiff catalogDiff, Geography geography,
                                         @Required SchemaChange schemaChange, @Required Boolean notifySchemaChanges,
                                         Boolean notifySchemaChangesByEmail,
                                         @Required NonBreakingChangesPreference nonBreakingChangesPreference,
                                         BackfillPreference backfillPreference, Long createdAt) {}

  /**
   * Creates a connection and, first, the operations it lists in {@code operations}; they run after the ones named
   * in {@code operationIds}.
   */
  public record WebBackendConnectionCreate(@MaxLength(TEXT) String name, NamespaceDefinitionType namespaceDefinition,
                                           @MaxLength(TEXT) String namespaceFormat, @MaxLength(TEXT) String prefix, @Required UUID sourceId,
                                           @Required UUID destinationId, List<UUID> operationIds,
                                           AirbyteCatalog syncCatalog, ConnectionSchedule schedule,
                                           ScheduleType scheduleType, ConnectionScheduleData scheduleData,
                                           @Required ConnectionStatus status, ResourceRequirements resourceRequirements,
                                           List<OperationCreate> operations, UUID sourceCatalogId, Geography geography,
                                           Boolean notifySchemaChanges,
                                           NonBreakingChangesPreference nonBreakingChangesPreference,
                                           BackfillPreference backfillPreference) {}

  /**
   * A patch: absent (null) fields keep their value. {@code operations}, when given, is the connection's whole list
   * of operations: entries without an id (or with one the connection does not run) are created, the others
   * updated, and operations left out are taken off the connection (and deleted unless another connection runs
   * them). A changed catalog resets the streams it affects unless {@code skipReset}.
   */
  public record WebBackendConnectionUpdate(@MaxLength(TEXT) String name, @Required UUID connectionId,
                                           NamespaceDefinitionType namespaceDefinition,
                                           @MaxLength(TEXT) String namespaceFormat, @MaxLength(TEXT) String prefix, AirbyteCatalog syncCatalog, ConnectionSchedule schedule,
                                           ScheduleType scheduleType, ConnectionScheduleData scheduleData,
                                           ConnectionStatus status, ResourceRequirements resourceRequirements,
                                           Boolean skipReset, List<WebBackendOperationCreateOrUpdate> operations,
                                           UUID sourceCatalogId, Geography geography, Boolean notifySchemaChanges,
                                           Boolean notifySchemaChangesByEmail,
                                           NonBreakingChangesPreference nonBreakingChangesPreference,
                                           BackfillPreference backfillPreference) {}

  /** An operation to create (no {@code operationId}) or to update; an update keeps the operation's workspace. */
  public record WebBackendOperationCreateOrUpdate(UUID operationId, @Required UUID workspaceId,
                                                  @Required @MaxLength(TEXT) String name,
                                                  @Required OperatorConfiguration operatorConfiguration) {}

  /**
   * Whether the source's schema changed since the connection's catalog was made: {@code breaking} when the change
   * takes away what a selected stream syncs by, {@code non_breaking} when the source was discovered with another
   * catalog since.
   */
  public enum SchemaChange {
    @JsonProperty("no_change") NO_CHANGE,
    @JsonProperty("non_breaking") NON_BREAKING,
    @JsonProperty("breaking") BREAKING
  }

  public record WebBackendWorkspaceState(@Required UUID workspaceId) {}

  public record WebBackendWorkspaceStateResult(@Required Boolean hasConnections, @Required Boolean hasSources,
                                               @Required Boolean hasDestinations) {}

  /** How many source and destination definitions run another version than the one available. */
  public record WebBackendCheckUpdatesRead(@Required Integer destinationDefinitions, @Required Integer sourceDefinitions) {}

  public record WebBackendGeographiesListResult(@Required List<Geography> geographies) {}
}
