package dev.gale.server.service.connection;

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
import java.util.List;
import java.util.UUID;

/**
 * A connection to create. Null fields take Airbyte's defaults; the schedule may be given in its legacy form
 * ({@code schedule}) or as a type with its data.
 */
public record NewConnection(String name, NamespaceDefinitionType namespaceDefinition, String namespaceFormat,
                            String prefix, UUID sourceId, UUID destinationId, List<UUID> operationIds,
                            AirbyteCatalog syncCatalog, ConnectionSchedule schedule, ScheduleType scheduleType,
                            ConnectionScheduleData scheduleData, ConnectionStatus status,
                            ResourceRequirements resourceRequirements, UUID sourceCatalogId, Geography geography,
                            Boolean notifySchemaChanges, Boolean notifySchemaChangesByEmail,
                            NonBreakingChangesPreference nonBreakingChangesPreference,
                            BackfillPreference backfillPreference) {}
