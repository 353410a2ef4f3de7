package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Which jobs {@link JobRepository#list} and {@link JobRepository#count} match. An empty set matches anything, and so
 * does {@link TimeRange#ANY}.
 *
 * @param scopes connection ids (or other scopes) as strings
 * @param ids job ids
 * @param created when the jobs were created
 * @param updated when the jobs last changed status
 */
public record JobQuery(Set<JobConfigType> configTypes, Set<String> scopes, Set<JobStatus> statuses, Set<Long> ids,
                       TimeRange created, TimeRange updated) {
  public static final JobQuery ALL = new JobQuery(Set.of(), Set.of(), Set.of(), Set.of(), TimeRange.ANY, TimeRange.ANY);

  public JobQuery {
    configTypes = Set.copyOf(requireNonNull(configTypes, "configTypes is null"));
    scopes = Set.copyOf(requireNonNull(scopes, "scopes is null"));
    statuses = Set.copyOf(requireNonNull(statuses, "statuses is null"));
    ids = Set.copyOf(requireNonNull(ids, "ids is null"));
    requireNonNull(created, "created is null");
    requireNonNull(updated, "updated is null");
  }

  public static JobQuery ofScope(String scope) {
    return ALL.withScopes(Set.of(requireNonNull(scope, "scope is null")));
  }

  public JobQuery withConfigTypes(Collection<JobConfigType> types) {
    return new JobQuery(Set.copyOf(types), scopes, statuses, ids, created, updated);
  }

  public JobQuery withScopes(Collection<String> newScopes) {
    return new JobQuery(configTypes, Set.copyOf(newScopes), statuses, ids, created, updated);
  }

  public JobQuery withStatuses(Collection<JobStatus> newStatuses) {
    return new JobQuery(configTypes, scopes, Set.copyOf(newStatuses), ids, created, updated);
  }

  public JobQuery withIds(Collection<Long> newIds) {
    return new JobQuery(configTypes, scopes, statuses, Set.copyOf(newIds), created, updated);
  }

  public JobQuery createdIn(TimeRange range) {
    return new JobQuery(configTypes, scopes, statuses, ids, range, updated);
  }

  public JobQuery updatedIn(TimeRange range) {
    return new JobQuery(configTypes, scopes, statuses, ids, created, range);
  }

  /** From {@code from} to {@code to}, both included; a null end is open. */
  public record TimeRange(Instant from, Instant to) {
    public static final TimeRange ANY = new TimeRange(null, null);
  }
}
