package dev.gale.server.service.connection;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.Json;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ResourceRequirements;
import dev.gale.server.domain.ScheduleData.ConnectionSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleData;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import java.util.UUID;

/**
 * A connection as it is read: the stored connection, the workspace it lives in (its source's), and its stored JSON
 * parts in their typed form.
 */
public record ConnectionView(Connection connection, UUID workspaceId) {
  public ConnectionView {
    requireNonNull(connection, "connection is null");
    requireNonNull(workspaceId, "workspaceId is null");
  }

  public AirbyteCatalog syncCatalog() {
    return Json.convert(connection.syncCatalog(), AirbyteCatalog.class);
  }

  /** The legacy form of the schedule: set for basic schedules only. */
  public ConnectionSchedule schedule() {
    return ConnectionSchedules.legacy(connection);
  }

  /** Null for manual connections. */
  public ConnectionScheduleData scheduleData() {
    return ConnectionSchedules.data(connection);
  }

  /** Null when none were set. */
  public ResourceRequirements resourceRequirements() {
    return connection.resourceRequirements() == null ? null
        : Json.convert(connection.resourceRequirements(), ResourceRequirements.class);
  }
}
