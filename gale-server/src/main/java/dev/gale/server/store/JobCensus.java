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
 * Counts over the jobs and process heartbeat tables for metrics: jobs by status and type, the jobs waiting for a
 * worker, the live processes (by their heartbeats, idle ones included) and those whose workers hold a live lease.
 * Every Gale process on one store counts the same rows, so each sees the whole deployment, whichever of them does
 * the work.
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
   * @param busyWorkerProcesses processes whose workers hold a lease that has not expired
   * @param liveProcesses processes seen within {@link ProcessHeartbeats#GONE_AFTER}, by kind (a kind with none is
   *     absent)
   * @param liveWorkerProcesses of those, the ones that run workers
   */
  public record Count(Map<JobStatus, Map<JobConfigType, Long>> jobs, long waiting, int busyWorkerProcesses,
                      Map<ProcessHeartbeats.Kind, Integer> liveProcesses, int liveWorkerProcesses) {
    public Count {
      jobs = jobs.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, byType -> Map.copyOf(byType.getValue())));
      liveProcesses = Map.copyOf(liveProcesses);
    }

    public int liveProcesses(ProcessHeartbeats.Kind kind) {
      return liveProcesses.getOrDefault(kind, 0);
    }

    public long jobs(JobStatus status, JobConfigType type) {
      return jobs.getOrDefault(status, Map.of()).getOrDefault(type, 0L);
    }
  }

  /** Counts in one transaction: four small aggregate queries. */
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
      List<LiveKind> live = handle.createQuery("SELECT kind, COUNT(*) AS processes, "
              + "SUM(CASE WHEN workers > 0 THEN 1 ELSE 0 END) AS with_workers FROM process_heartbeats "
              + "WHERE seen_at >= :since GROUP BY kind")
          .bind("since", now.minus(ProcessHeartbeats.GONE_AFTER))
          .map(row -> new LiveKind(ProcessHeartbeats.Kind.ofWire(row.getColumn("kind", String.class)),
              row.getColumn("processes", Integer.class), row.getColumn("with_workers", Integer.class)))
          .list();
      return new Count(jobs, waiting, processes.size(),
          live.stream().collect(Collectors.toMap(LiveKind::kind, LiveKind::processes)),
          live.stream().mapToInt(LiveKind::withWorkers).sum());
    });
  }

  private record LiveKind(ProcessHeartbeats.Kind kind, int processes, int withWorkers) {}

  private static String processOf(String leaseOwner) {
    int worker = leaseOwner.lastIndexOf(WORKER_SUFFIX);
    return worker < 0 ? leaseOwner : leaseOwner.substring(0, worker);
  }
}
