package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.ScheduleType;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What the scheduler needs of an active scheduled connection: its schedule, when it was created and last changed,
 * and its newest replication job (by creation, then id), which the schedule counts from.
 * {@link JobQueue#enqueueScheduled} checks that the connection is unchanged and its newest job still the same.
 *
 * @param scheduleData nullable, as stored
 * @param newestJobId empty when the connection has no replication job
 * @param newestJobCreatedAt empty when the connection has no replication job
 */
public record ScheduledConnection(UUID id, ScheduleType scheduleType, JsonNode scheduleData, Instant createdAt,
                                  Instant updatedAt, OptionalLong newestJobId, Optional<Instant> newestJobCreatedAt) {
  public ScheduledConnection {
    requireNonNull(id, "id is null");
    requireNonNull(scheduleType, "scheduleType is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
    requireNonNull(newestJobId, "newestJobId is null");
    requireNonNull(newestJobCreatedAt, "newestJobCreatedAt is null");
  }
}
