package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.api.model.ActorBodies.DestinationSearch;
import dev.gale.server.api.model.ActorBodies.SourceSearch;
import dev.gale.server.domain.BackfillPreference;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Geography;
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
 * Bodies of {@code /api/v1/connections/*}. The API's enums (status, schedule type, geography...) have the same wire
 * values as the domain's, so the domain enums serve as they are; so do the catalog, schedule and resource records,
 * which are what the domain stores.
 */
public final class ConnectionBodies {
  private ConnectionBodies() {}

  public record ConnectionCreate(@MaxLength(TEXT) String name, NamespaceDefinitionType namespaceDefinition,
                                 @MaxLength(TEXT) String namespaceFormat, @MaxLength(TEXT) String prefix, @Required UUID sourceId, @Required UUID destinationId,
                                 List<UUID> operationIds, AirbyteCatalog syncCatalog, ConnectionSchedule schedule,
                                 ScheduleType scheduleType, ConnectionScheduleData scheduleData,
                                 @Required ConnectionStatus status, ResourceRequirements resourceRequirements,
                                 UUID sourceCatalogId, Geography geography, Boolean notifySchemaChanges,
                                 Boolean notifySchemaChangesByEmail,
                                 NonBreakingChangesPreference nonBreakingChangesPreference,
                                 BackfillPreference backfillPreference) {}

  /** A patch: absent (null) fields keep their value. */
  public record ConnectionUpdate(@Required UUID connectionId, NamespaceDefinitionType namespaceDefinition,
                                 @MaxLength(TEXT) String namespaceFormat, @MaxLength(TEXT) String name,
                                 @MaxLength(TEXT) String prefix, List<UUID> operationIds,
                                 AirbyteCatalog syncCatalog, ConnectionSchedule schedule, ScheduleType scheduleType,
                                 ConnectionScheduleData scheduleData, ConnectionStatus status,
                                 ResourceRequirements resourceRequirements, UUID sourceCatalogId, Geography geography,
                                 Boolean notifySchemaChanges, Boolean notifySchemaChangesByEmail,
                                 NonBreakingChangesPreference nonBreakingChangesPreference,
                                 BackfillPreference backfillPreference, Boolean breakingChange) {}

  /**
   * A connection as read. {@code schedule} is the legacy form of a basic schedule, kept for older clients;
   * {@code workspaceId} and {@code created_at} (epoch seconds) come from newer Airbyte versions.
   */
  public record ConnectionRead(@Required UUID connectionId, @Required String name,
                               NamespaceDefinitionType namespaceDefinition, String namespaceFormat, String prefix,
                               @Required UUID sourceId, @Required UUID destinationId, List<UUID> operationIds,
                               @Required AirbyteCatalog syncCatalog, ConnectionSchedule schedule,
                               ScheduleType scheduleType, ConnectionScheduleData scheduleData,
                               @Required ConnectionStatus status, ResourceRequirements resourceRequirements,
                               UUID sourceCatalogId, Geography geography, @Required Boolean breakingChange,
                               Boolean notifySchemaChanges, Boolean notifySchemaChangesByEmail,
                               NonBreakingChangesPreference nonBreakingChangesPreference,
                               BackfillPreference backfillPreference, UUID workspaceId,
                               @JsonProperty("created_at") Long createdAt) {}

  public record ConnectionReadList(@Required List<ConnectionRead> connections) {}

  /** Every given field must match; blank texts count as not given, as in Airbyte. */
  public record ConnectionSearch(UUID connectionId, String name, NamespaceDefinitionType namespaceDefinition,
                                 String namespaceFormat, String prefix, UUID sourceId, UUID destinationId,
                                 ConnectionSchedule schedule, ScheduleType scheduleType,
                                 ConnectionScheduleData scheduleData, ConnectionStatus status, SourceSearch source,
                                 DestinationSearch destination) {}
}
