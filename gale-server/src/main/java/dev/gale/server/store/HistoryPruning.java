package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Deletes history older than a cutoff, a small batch per call, so that one call holds its locks briefly and the
 * store stays bounded however long Gale runs. What is still needed is never deleted:
 * <ul>
 *   <li>a job that has not ended (it may be running in another process);</li>
 *   <li>the newest job of each connection (its last sync is what the connection shows), and a job that started a
 *       stream's current generation (a retry of a reset finds its generation through it);</li>
 *   <li>the newest catalog fetch of each actor, and a catalog that a fetch or a connection still refers to.</li>
 * </ul>
 * A job goes with its attempts and their stats; the caller deletes their log files ({@link PrunedJobs#logPaths}).
 * Several processes may prune at once: a row another one deleted first is simply not there.
 */
public final class HistoryPruning {
  private final Database database;

  public HistoryPruning(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** What one call of {@link #jobs} deleted. */
  public record PrunedJobs(List<Long> jobIds, List<String> logPaths) {
    public PrunedJobs {
      jobIds = List.copyOf(jobIds);
      logPaths = List.copyOf(logPaths);
    }
  }

  /** Deletes up to {@code batch} ended jobs last changed before {@code cutoff}, with their attempts and stats. */
  public PrunedJobs jobs(Instant cutoff, int batch) {
    requireNonNull(cutoff, "cutoff is null");
    requirePositive(batch);
    return database.jdbi().inTransaction(handle -> {
      List<Long> ids = handle.createQuery("SELECT j.id FROM jobs j WHERE j.status IN (:succeeded, :failed, :cancelled) "
              + "AND j.updated_at < :cutoff "
              + "AND j.id < (SELECT MAX(newest.id) FROM jobs newest WHERE newest.scope = j.scope) "
              + "AND NOT EXISTS (SELECT 1 FROM stream_generations g WHERE g.start_job_id = j.id AND g.generation_id = "
              + "(SELECT MAX(c.generation_id) FROM stream_generations c WHERE c.connection_id = g.connection_id "
              + "AND c.stream_name = g.stream_name AND " + sameNamespace("c", "g") + ")) "
              + "ORDER BY j.id LIMIT :batch")
          .bind("succeeded", JobStatus.SUCCEEDED)
          .bind("failed", JobStatus.FAILED)
          .bind("cancelled", JobStatus.CANCELLED)
          .bind("cutoff", cutoff)
          .bind("batch", batch)
          .mapTo(Long.class)
          .list();
      if (ids.isEmpty()) {
        return new PrunedJobs(List.of(), List.of());
      }
      List<String> logPaths = handle.createQuery("SELECT log_path FROM attempts WHERE job_id IN (<ids>) "
              + "AND log_path IS NOT NULL")
          .bindList("ids", ids)
          .mapTo(String.class)
          .list();
      String attemptsOfJobs = "SELECT id FROM attempts WHERE job_id IN (<ids>)";
      delete(handle, "DELETE FROM stream_stats WHERE attempt_id IN (" + attemptsOfJobs + ")", ids);
      delete(handle, "DELETE FROM sync_stats WHERE attempt_id IN (" + attemptsOfJobs + ")", ids);
      delete(handle, "DELETE FROM attempts WHERE job_id IN (<ids>)", ids);
      // Only superseded generations are left pointing at these jobs (see the query above), and nothing reads them.
      delete(handle, "DELETE FROM stream_generations WHERE start_job_id IN (<ids>)", ids);
      delete(handle, "DELETE FROM jobs WHERE id IN (<ids>)", ids);
      return new PrunedJobs(ids, logPaths);
    });
  }

  /**
   * Deletes up to {@code batch} catalog fetches older than {@code cutoff} that are not their actor's newest, then up
   * to {@code batch} catalogs older than {@code cutoff} that nothing refers to any more.
   *
   * @return how many rows went, fetches and catalogs together
   */
  public int catalogs(Instant cutoff, int batch) {
    requireNonNull(cutoff, "cutoff is null");
    requirePositive(batch);
    return database.jdbi().inTransaction(handle -> {
      List<UUID> fetches = handle.createQuery("SELECT e.id FROM actor_catalog_fetch_event e WHERE e.created_at < :cutoff "
              + "AND e.created_at < (SELECT MAX(n.created_at) FROM actor_catalog_fetch_event n WHERE n.actor_id = e.actor_id) "
              + "ORDER BY e.created_at LIMIT :batch")
          .bind("cutoff", cutoff)
          .bind("batch", batch)
          .mapTo(UUID.class)
          .list();
      int deleted = fetches.isEmpty() ? 0 : handle.createUpdate("DELETE FROM actor_catalog_fetch_event WHERE id IN (<ids>)")
          .bindList("ids", fetches)
          .execute();
      List<UUID> catalogs = handle.createQuery("SELECT c.id FROM actor_catalog c WHERE c.created_at < :cutoff "
              + "AND NOT EXISTS (SELECT 1 FROM actor_catalog_fetch_event e WHERE e.actor_catalog_id = c.id) "
              + "AND NOT EXISTS (SELECT 1 FROM connection n WHERE n.source_catalog_id = c.id) "
              + "ORDER BY c.created_at LIMIT :batch")
          .bind("cutoff", cutoff)
          .bind("batch", batch)
          .mapTo(UUID.class)
          .list();
      if (!catalogs.isEmpty()) {
        deleted += handle.createUpdate("DELETE FROM actor_catalog WHERE id IN (<ids>)").bindList("ids", catalogs).execute();
      }
      return deleted;
    });
  }

  private static void delete(Handle handle, String sql, List<Long> ids) {
    handle.createUpdate(sql).bindList("ids", ids).execute();
  }

  private static String sameNamespace(String a, String b) {
    return "(" + a + ".stream_namespace = " + b + ".stream_namespace OR (" + a + ".stream_namespace IS NULL AND "
        + b + ".stream_namespace IS NULL))";
  }

  private static void requirePositive(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive, got " + batch);
    }
  }
}
