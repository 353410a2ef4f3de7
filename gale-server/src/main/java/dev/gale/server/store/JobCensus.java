package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts over the jobs table for metrics: jobs by status and type, the jobs waiting for a worker, and the worker
 * processes holding a live lease. Every Gale process on one store counts the same rows, so each sees the whole
 * deployment, whichever of them does the work.
 */
public final class JobCensus {
  private static final List<String> WAITING =
      List.of(JobStatus.PENDING, JobStatus.INCOMPLETE).stream().map(WireEnums::wire).toList();
  /** A worker's lease owner is {@code <process identity>/worker-<n>} (see the worker pool). */
  private static final String WORKER_SUFFIX = "/worker-";

  private final Database database;

  public JobCensus(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /**
   * One count of the jobs table.
   *
   * @param jobs jobs by status, then by config type; a pair with no job is absent
   * @param waiting pending or incomplete jobs that no live lease holds: queued, or between attempts
   * @param liveWorkerProcesses processes whose workers hold a lease that has not expired
   */
  public record Count(Map<JobStatus, Map<JobConfigType, Long>> jobs, long waiting, int liveWorkerProcesses) {
    public Count {
      jobs = jobs.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, byType -> Map.copyOf(byType.getValue())));
    }

    public long jobs(JobStatus status, JobConfigType type) {
      return jobs.getOrDefault(status, Map.of()).getOrDefault(type, 0L);
    }
  }

  /** Counts in one transaction: three small aggregate queries. */
  public Count take() {
    return database.jdbi().inTransaction(handle -> {
      Instant now = database.now();
      Map<JobStatus, Map<JobConfigType, Long>> jobs = new EnumMap<>(JobStatus.class);
      handle.createQuery("SELECT status, config_type, COUNT(*) AS jobs FROM jobs GROUP BY status, config_type")
          .map(row -> Map.entry(Map.entry(row.getColumn("status", JobStatus.class),
              row.getColumn("config_type", JobConfigType.class)), row.getColumn("jobs", Long.class)))
          .forEach(entry -> jobs.computeIfAbsent(entry.getKey().getKey(), s -> new EnumMap<>(JobConfigType.class))
              .put(entry.getKey().getValue(), entry.getValue()));
      long waiting = handle.createQuery("SELECT COUNT(*) FROM jobs WHERE status IN (<waiting>) "
              + "AND (lease_expires_at IS NULL OR lease_expires_at < :now)")
          .bindList("waiting", WAITING)
          .bind("now", now)
          .mapTo(Long.class)
          .one();
      Set<String> processes = new HashSet<>();
      handle.createQuery("SELECT DISTINCT lease_owner FROM jobs WHERE lease_owner IS NOT NULL AND lease_expires_at >= :now")
          .bind("now", now)
          .mapTo(String.class)
          .forEach(owner -> processes.add(processOf(owner)));
      return new Count(jobs, waiting, processes.size());
    });
  }

  private static String processOf(String leaseOwner) {
    int worker = leaseOwner.lastIndexOf(WORKER_SUFFIX);
    return worker < 0 ? leaseOwner : leaseOwner.substring(0, worker);
  }
}
