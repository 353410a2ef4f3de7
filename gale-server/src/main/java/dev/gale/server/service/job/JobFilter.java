package dev.gale.server.service.job;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.store.JobQuery.TimeRange;
import java.util.Set;
import java.util.UUID;

/**
 * Which replication jobs {@link JobService#listReplication} lists; every criterion given must hold. Empty sets match
 * anything.
 *
 * @param connectionId one connection's jobs; null for any connection
 * @param workspaceIds the jobs of these workspaces' connections
 * @param configTypes among syncs, resets, clears and refreshes; empty for all four
 * @param created when the jobs were created
 * @param updated when the jobs last changed status
 */
public record JobFilter(UUID connectionId, Set<UUID> workspaceIds, Set<JobConfigType> configTypes,
                        Set<JobStatus> statuses, TimeRange created, TimeRange updated) {
  public JobFilter {
    workspaceIds = Set.copyOf(requireNonNull(workspaceIds, "workspaceIds is null"));
    configTypes = Set.copyOf(requireNonNull(configTypes, "configTypes is null"));
    statuses = Set.copyOf(requireNonNull(statuses, "statuses is null"));
    requireNonNull(created, "created is null");
    requireNonNull(updated, "updated is null");
  }
}
