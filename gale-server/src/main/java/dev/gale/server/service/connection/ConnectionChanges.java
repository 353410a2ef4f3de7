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

/** A patch of a connection: null fields keep their value. */
public record ConnectionChanges(UUID connectionId, NamespaceDefinitionType namespaceDefinition, String namespaceFormat,
                                String name, String prefix, List<UUID> operationIds, AirbyteCatalog syncCatalog,
                                ConnectionSchedule schedule, ScheduleType scheduleType,
                                ConnectionScheduleData scheduleData, ConnectionStatus status,
                                ResourceRequirements resourceRequirements, UUID sourceCatalogId, Geography geography,
                                Boolean notifySchemaChanges, Boolean notifySchemaChangesByEmail,
                                NonBreakingChangesPreference nonBreakingChangesPreference,
                                BackfillPreference backfillPreference, Boolean breakingChange) {}
