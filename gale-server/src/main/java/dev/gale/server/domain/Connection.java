package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A connection: which streams move from a source to a destination, how, and when.
 *
 * @param namespaceFormat nullable; used with {@link NamespaceDefinitionType#CUSTOMFORMAT}
 * @param prefix nullable; prepended to destination stream names
 * @param syncCatalog Airbyte's API {@code AirbyteCatalog} with the per-stream sync configuration
 * @param scheduleData Airbyte's {@code ConnectionScheduleData}; nullable for manual connections
 * @param resourceRequirements nullable
 * @param sourceCatalogId the discovered catalog the sync catalog was built from; nullable
 * @param operationIds the operations run after a sync, in order
 */
public record Connection(
    UUID id,
    String name,
    UUID sourceId,
    UUID destinationId,
    NamespaceDefinitionType namespaceDefinition,
    String namespaceFormat,
    String prefix,
    JsonNode syncCatalog,
    ScheduleType scheduleType,
    JsonNode scheduleData,
    ConnectionStatus status,
    JsonNode resourceRequirements,
    UUID sourceCatalogId,
    Geography geography,
    boolean breakingChange,
    NonBreakingChangesPreference nonBreakingChangesPreference,
    boolean notifySchemaChanges,
    boolean notifySchemaChangesByEmail,
    BackfillPreference backfillPreference,
    List<UUID> operationIds,
    Instant createdAt,
    Instant updatedAt) {

  public Connection {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(sourceId, "sourceId is null");
    requireNonNull(destinationId, "destinationId is null");
    requireNonNull(namespaceDefinition, "namespaceDefinition is null");
    requireNonNull(syncCatalog, "syncCatalog is null");
    requireNonNull(scheduleType, "scheduleType is null");
    requireNonNull(status, "status is null");
    requireNonNull(geography, "geography is null");
    requireNonNull(nonBreakingChangesPreference, "nonBreakingChangesPreference is null");
    requireNonNull(backfillPreference, "backfillPreference is null");
    operationIds = List.copyOf(requireNonNull(operationIds, "operationIds is null"));
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }

  public Connection withOperationIds(List<UUID> ids) {
    return new Connection(id, name, sourceId, destinationId, namespaceDefinition, namespaceFormat, prefix, syncCatalog,
        scheduleType, scheduleData, status, resourceRequirements, sourceCatalogId, geography, breakingChange,
        nonBreakingChangesPreference, notifySchemaChanges, notifySchemaChangesByEmail, backfillPreference, ids,
        createdAt, updatedAt);
  }
}
