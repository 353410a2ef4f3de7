package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import java.util.Collection;
import java.util.Set;

/**
 * Which jobs {@link JobRepository#list} and {@link JobRepository#count} match. An empty set matches anything.
 *
 * @param scopes connection ids (or other scopes) as strings
 * @param ids job ids
 */
public record JobQuery(Set<JobConfigType> configTypes, Set<String> scopes, Set<JobStatus> statuses, Set<Long> ids) {
  public static final JobQuery ALL = new JobQuery(Set.of(), Set.of(), Set.of(), Set.of());

  public JobQuery {
    configTypes = Set.copyOf(requireNonNull(configTypes, "configTypes is null"));
    scopes = Set.copyOf(requireNonNull(scopes, "scopes is null"));
    statuses = Set.copyOf(requireNonNull(statuses, "statuses is null"));
    ids = Set.copyOf(requireNonNull(ids, "ids is null"));
  }

  public static JobQuery ofScope(String scope) {
    return ALL.withScopes(Set.of(requireNonNull(scope, "scope is null")));
  }

  public JobQuery withConfigTypes(Collection<JobConfigType> types) {
    return new JobQuery(Set.copyOf(types), scopes, statuses, ids);
  }

  public JobQuery withScopes(Collection<String> newScopes) {
    return new JobQuery(configTypes, Set.copyOf(newScopes), statuses, ids);
  }

  public JobQuery withStatuses(Collection<JobStatus> newStatuses) {
    return new JobQuery(configTypes, scopes, Set.copyOf(newStatuses), ids);
  }

  public JobQuery withIds(Collection<Long> newIds) {
    return new JobQuery(configTypes, scopes, statuses, Set.copyOf(newIds));
  }
}
