package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The queue of replication jobs on top of the {@code jobs} table, shared by the workers of every Gale process on one
 * database. No coordinator: a worker claims the oldest runnable job with {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * (so claimers never wait for each other and never take the same row) and holds it by a lease that it renews while
 * the attempt runs. A job whose lease expired lost its worker (crash, partition, long pause) and is claimed again;
 * every write a worker makes afterwards checks that it still holds the lease, so a worker that comes back from a
 * pause cannot overwrite the new owner's work.
 *
 * <p>A connection has at most one active (pending, incomplete or running) replication job: {@link #enqueue} checks
 * under a lock on the connection's row.
 */
public final class JobQueue {
  /** The wire names of the replication job types, for {@code <types>}. */
  static final List<String> REPLICATION = JobConfigType.REPLICATION.stream().map(WireEnums::wire).toList();
  /**
   * The id of the newest replication job of connection {@code c} (by creation, then id), with {@code <types>} bound
   * to {@link #REPLICATION}: one index lookup per connection in a query over many.
   */
  static final String NEWEST_REPLICATION_JOB = newestReplicationJob("id");
  /** As {@link #NEWEST_REPLICATION_JOB}, its creation time. */
  static final String NEWEST_REPLICATION_JOB_CREATED_AT = newestReplicationJob("created_at");
  /** How many scheduled runs {@link #enqueueScheduled} queues per transaction. */
  static final int SCHEDULED_BATCH = 500;
  private static final List<String> ACTIVE =
      List.of(JobStatus.PENDING, JobStatus.INCOMPLETE, JobStatus.RUNNING).stream().map(WireEnums::wire).toList();
  /** Active, not held by a live lease, and not waiting for a retry's backoff. */
  private static final String RUNNABLE = "config_type IN (<types>) AND status IN (<active>) "
      + "AND (lease_expires_at IS NULL OR lease_expires_at < :now) AND (next_attempt_at IS NULL OR next_attempt_at <= :now)";

  private final Database database;
  private final AttemptEnded attemptEnded;

  public JobQueue(Database database) {
    this(database, AttemptEnded.IGNORED);
  }

  /** @param attemptEnded told of every attempt this queue ends, after its transaction committed (for metrics) */
  public JobQueue(Database database, AttemptEnded attemptEnded) {
    this.database = requireNonNull(database, "database is null");
    this.attemptEnded = requireNonNull(attemptEnded, "attemptEnded is null");
  }

  /**
   * Told of each attempt ended through this queue: every attempt ends here ({@link #end} by its worker,
   * {@link #requestCancel} for one a dead worker left), so an observer misses none and sees none twice.
   */
  @FunctionalInterface
  public interface AttemptEnded {
    AttemptEnded IGNORED = (jobId, attemptId, status) -> { };

    /** Called after the commit; must not throw (a failure here cannot undo the end). */
    void ended(long jobId, long attemptId, AttemptStatus status);
  }

  /** What {@link #enqueue} did. */
  public sealed interface Enqueued {
    /** The new pending job. */
    record Created(Job job) implements Enqueued {}

    /** Nothing: the connection has this active job already. */
    record Busy(Job active) implements Enqueued {}

    /** Nothing: another job was created since the caller looked (see {@code latestSeen}). */
    record Superseded() implements Enqueued {}
  }

  /**
   * Creates a pending replication job for a connection, unless the connection has an active one.
   *
   * @param latestSeen when given, the job is created only while the connection's newest replication job is still
   *     this one ({@code OptionalLong.empty()} inside means "none"): a scheduler in another process may have just
   *     created one; null skips that check
   * @throws IllegalArgumentException when there is no such connection
   */
  public Enqueued enqueue(UUID connectionId, JobConfigType type, JsonNode config, Optional<OptionalLong> latestSeen) {
    requireNonNull(connectionId, "connectionId is null");
    requireNonNull(type, "type is null");
    requireNonNull(latestSeen, "latestSeen is null");
    String scope = connectionId.toString();
    return database.jdbi().inTransaction(handle -> {
      Sql.lockConnection(handle, connectionId);
      Optional<Job> active = replicationJobs(handle, "SELECT " + JobRepository.JOB_COLUMNS + " FROM jobs WHERE scope = :scope "
          + "AND config_type IN (<types>) AND status IN (<active>) ORDER BY id LIMIT 1", scope)
          .bindList("active", ACTIVE)
          .map(JobRepository::mapJob).findOne();
      if (active.isPresent()) {
        return new Enqueued.Busy(active.get());
      }
      if (latestSeen.isPresent()) {
        List<Long> latest = replicationJobs(handle, "SELECT id FROM jobs WHERE scope = :scope AND config_type IN (<types>) "
            + "ORDER BY created_at DESC, id DESC LIMIT 1", scope).mapTo(Long.class).list();
        OptionalLong now = latest.isEmpty() ? OptionalLong.empty() : OptionalLong.of(latest.getFirst());
        if (!now.equals(latestSeen.get())) {
          return new Enqueued.Superseded();
        }
      }
      return new Enqueued.Created(JobRepository.insert(handle, type, scope, config, database.now()));
    });
  }

  /**
   * A run the scheduler found due, or about to be: its connection as the scheduler saw it (when it was last changed)
   * and the newest replication job it saw (empty: none).
   */
  public record ScheduledRun(UUID connectionId, Instant connectionUpdatedAt, OptionalLong newestSeen) {
    public ScheduledRun {
      requireNonNull(connectionId, "connectionId is null");
      requireNonNull(connectionUpdatedAt, "connectionUpdatedAt is null");
      requireNonNull(newestSeen, "newestSeen is null");
    }
  }

  /**
   * Queues a sync for each run, as {@link #enqueue} with {@code latestSeen} does for one: a connection gets its job
   * only while it has no active replication job and its newest one is still the one the scheduler saw; and only while
   * it is active and unchanged since the scheduler read it, so that a run read ahead of its due time is not queued
   * after its connection was switched off or its schedule changed. Skips the connections that do not qualify, or no
   * longer exist. One transaction per {@value #SCHEDULED_BATCH} runs, with a few statements each rather than a few
   * per run: when thousands of connections are due in the same minute, a transaction each made the last of them wait
   * for seconds (a commit, with its flush to disk, per job).
   *
   * @return the jobs created
   */
  public List<Job> enqueueScheduled(List<ScheduledRun> runs) {
    requireNonNull(runs, "runs is null");
    List<Job> created = new ArrayList<>();
    for (int from = 0; from < runs.size(); from += SCHEDULED_BATCH) {
      List<ScheduledRun> batch = runs.subList(from, Math.min(runs.size(), from + SCHEDULED_BATCH));
      created.addAll(database.jdbi().inTransaction(handle -> enqueueScheduled(handle, batch)));
    }
    return created;
  }

  private List<Job> enqueueScheduled(Handle handle, List<ScheduledRun> runs) {
    List<UUID> ids = runs.stream().map(ScheduledRun::connectionId).toList();
    // In the order of the ids, as every scheduler locks them: two schedulers never wait for each other in a cycle.
    handle.createQuery("SELECT id FROM connection WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
        .bindList("ids", ids)
        .mapTo(UUID.class)
        .list();
    // The runs the scheduler would see now for the connections that are active and have no active job: a run it
    // saw qualifies when it is one of these, the same connection state and the same newest job.
    Set<ScheduledRun> free = handle.createQuery("SELECT c.id, c.updated_at, " + NEWEST_REPLICATION_JOB
            + " AS newest_id, EXISTS (SELECT 1 FROM jobs a WHERE a.scope = CAST(c.id AS varchar(36)) AND "
            + filterOnly("a.config_type IN (<types>)") + " AND " + filterOnly("a.status IN (<active>)") + ") AS busy "
            + "FROM connection c WHERE c.id IN (<ids>) AND c.status = :connectionActive")
        .bindList("ids", ids)
        .bindList("types", REPLICATION)
        .bindList("active", ACTIVE)
        .bind("connectionActive", ConnectionStatus.ACTIVE)
        .map(row -> row.getColumn("busy", Boolean.class) ? Optional.<ScheduledRun>empty()
            : Optional.of(new ScheduledRun(row.getColumn("id", UUID.class), row.getColumn("updated_at", Instant.class),
                Optional.ofNullable(row.getColumn("newest_id", Long.class)).map(OptionalLong::of)
                    .orElse(OptionalLong.empty()))))
        .stream()
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
    List<String> scopes = runs.stream()
        .filter(free::contains)
        .map(run -> run.connectionId().toString())
        .toList();
    if (scopes.isEmpty()) {
      return List.of();
    }
    Instant now = database.now();
    PreparedBatch insert = handle.prepareBatch("INSERT INTO jobs (config_type, scope, config, status, created_at, "
        + "updated_at) VALUES (:configType, :scope, NULL, :status, :now, :now)");
    scopes.forEach(scope -> insert.bind("configType", JobConfigType.SYNC).bind("scope", scope)
        .bind("status", JobStatus.PENDING).bind("now", now).add());
    List<Long> jobIds = insert.executePreparedBatch("id").mapTo(Long.class).list();
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < scopes.size(); i++) {
      jobs.add(new Job(jobIds.get(i), JobConfigType.SYNC, scopes.get(i), null, JobStatus.PENDING, now, null, now));
    }
    return jobs;
  }

  private static String newestReplicationJob(String column) {
    return "(SELECT j." + column + " FROM jobs j WHERE j.scope = CAST(c.id AS varchar(36)) AND "
        + filterOnly("j.config_type IN (<types>)") + " ORDER BY j.created_at DESC, j.id DESC LIMIT 1)";
  }

  /**
   * A condition on one connection's jobs that H2 must not take for an index condition. Given a plain {@code IN} on
   * the type or the status in a subquery per connection, H2 walks the index on that column, through every job of the
   * type or status for each connection (45 s for 500 connections among 10,000 jobs), rather than the connection's
   * few jobs on the index on scope. PostgreSQL plans it the same either way.
   */
  private static String filterOnly(String condition) {
    return "(" + condition + ") IS TRUE";
  }

  /**
   * A job a worker now holds.
   *
   * @param orphaned the job was running under a lease that expired: its last attempt's worker is gone
   * @param cancelRequested someone asked to cancel it while another worker held it, or its connection was deleted
   *     while it waited: it must end cancelled without running
   */
  public record Claim(Job job, boolean orphaned, boolean cancelRequested) {}

  private static final String DEPRECATED = WireEnums.wire(ConnectionStatus.DEPRECATED);
  /** The status of the job's connection (its scope is the connection's id), as column {@code connection_status}. */
  private static final String CONNECTION_STATUS =
      "(SELECT c.status FROM connection c WHERE CAST(c.id AS varchar(36)) = jobs.scope) AS connection_status";

  /** Takes the oldest runnable job for {@code owner}, leased for {@code lease}; empty when there is none. */
  public Optional<Claim> claim(String owner, Duration lease) {
    requireNonNull(owner, "owner is null");
    requireNonNull(lease, "lease is null");
    return database.jdbi().inTransaction(handle -> {
      Instant now = database.now();
      Optional<Long> id = bindQueue(handle.createQuery("SELECT id FROM jobs WHERE " + RUNNABLE
          + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"), now).mapTo(Long.class).findOne();
      if (id.isEmpty()) {
        return Optional.<Claim>empty();
      }
      // The row is locked now; the conditions are checked again in case it changed between the read and the lock.
      int taken = bindQueue(handle.createUpdate("UPDATE jobs SET lease_owner = :owner, lease_expires_at = :until, "
              + "heartbeat_at = :now WHERE id = :id AND " + RUNNABLE), now)
          .bind("id", id.get())
          .bind("owner", owner)
          .bind("until", now.plus(lease))
          .execute();
      if (taken == 0) {
        return Optional.<Claim>empty();
      }
      return handle.createQuery("SELECT " + JobRepository.JOB_COLUMNS + ", cancel_requested_at, " + CONNECTION_STATUS
              + " FROM jobs WHERE id = :id")
          .bind("id", id.get())
          .map(row -> {
            Job job = JobRepository.mapJob(row);
            return new Claim(job, job.status() == JobStatus.RUNNING,
                row.getColumn("cancel_requested_at", Instant.class) != null
                    || DEPRECATED.equals(row.getColumn("connection_status", String.class)));
          })
          .findOne();
    });
  }

  /** What a worker learns when it renews its lease. */
  public enum Lease {
    /** Still the worker's; go on. */
    HELD,
    /** Still the worker's, and someone asked to cancel the job. */
    CANCEL_REQUESTED,
    /**
     * Still the worker's, but its connection was deleted (directly, or with its source, destination or workspace):
     * the job must stop as if cancelled, whichever process deleted it.
     */
    CONNECTION_DELETED,
    /** No longer the worker's (it expired and another worker took the job, or the job ended): stop, write nothing. */
    LOST
  }


  /** Renews the lease for another {@code lease}, and tells whether the job must stop (cancelled, or its connection deleted). */
  public Lease heartbeat(long jobId, String owner, Duration lease) {
    requireNonNull(owner, "owner is null");
    return database.jdbi().inTransaction(handle -> {
      Instant now = database.now();
      int renewed = handle.createUpdate("UPDATE jobs SET lease_expires_at = :until, heartbeat_at = :now "
              + "WHERE id = :id AND lease_owner = :owner AND status IN (<active>)")
          .bindList("active", ACTIVE)
          .bind("id", jobId)
          .bind("owner", owner)
          .bind("now", now)
          .bind("until", now.plus(lease))
          .execute();
      if (renewed == 0) {
        return Lease.LOST;
      }
      return handle.createQuery("SELECT cancel_requested_at, " + CONNECTION_STATUS + " FROM jobs WHERE id = :id")
          .bind("id", jobId)
          .map((rs, ctx) -> rs.getObject("cancel_requested_at") != null ? Lease.CANCEL_REQUESTED
              : DEPRECATED.equals(rs.getString("connection_status")) ? Lease.CONNECTION_DELETED : Lease.HELD)
          .one();
    });
  }

  /** Whether {@code owner} holds the job's lease (and the job is still active). */
  public boolean holds(long jobId, String owner) {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM jobs WHERE id = :id "
            + "AND lease_owner = :owner AND status IN (<active>)")
        .bindList("active", ACTIVE)
        .bind("id", jobId)
        .bind("owner", owner)
        .mapTo(Integer.class)
        .one()) == 1;
  }

  /**
   * How an attempt ended and what becomes of its job.
   *
   * @param output the attempt's output; nullable
   * @param failureSummary Airbyte's {@code AttemptFailureSummary}; nullable
   * @param nextAttemptAt for an {@code incomplete} job: when the next attempt may start; nullable
   */
  public record AttemptEnd(AttemptStatus attemptStatus, JsonNode output, JsonNode failureSummary, JobStatus jobStatus,
                           Instant nextAttemptAt) {
    public AttemptEnd {
      requireNonNull(attemptStatus, "attemptStatus is null");
      requireNonNull(jobStatus, "jobStatus is null");
      if (!attemptStatus.isTerminal() || jobStatus == JobStatus.RUNNING || jobStatus == JobStatus.PENDING) {
        throw new IllegalArgumentException("an attempt ends " + attemptStatus + " with its job " + jobStatus);
      }
    }
  }

  /**
   * Ends an attempt and moves its job on, releasing the lease, in one transaction; only while {@code owner} holds
   * the job. False when it does not (anymore), in which case nothing was written.
   *
   * @param attemptId the attempt to end; null when the job ends before an attempt started
   */
  public boolean end(long jobId, String owner, Long attemptId, AttemptEnd end) {
    requireNonNull(owner, "owner is null");
    requireNonNull(end, "end is null");
    boolean ended = database.jdbi().inTransaction(handle -> {
      Optional<String> holder = handle.createQuery("SELECT lease_owner FROM jobs WHERE id = :id FOR UPDATE")
          .bind("id", jobId)
          .mapTo(String.class)
          .findOne();
      if (holder.isEmpty() || !owner.equals(holder.get()) || !holds(handle, jobId)) {
        return false;
      }
      Instant now = database.now();
      if (attemptId != null) {
        endAttempt(handle, attemptId, end.attemptStatus(), end.output(), end.failureSummary(), now);
      }
      setJob(handle, jobId, end.jobStatus(), end.nextAttemptAt(), now);
      return true;
    });
    if (ended && attemptId != null) {
      attemptEnded.ended(jobId, attemptId, end.attemptStatus());
    }
    return ended;
  }

  /**
   * Gives back a job {@code owner} claimed but will not run (its process is stopping), as it was before the claim,
   * so that another worker may take it at once rather than after the lease. False when {@code owner} did not hold it.
   */
  public boolean release(long jobId, String owner) {
    requireNonNull(owner, "owner is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE jobs SET lease_owner = NULL, "
            + "lease_expires_at = NULL WHERE id = :id AND lease_owner = :owner")
        .bind("id", jobId)
        .bind("owner", owner)
        .execute()) == 1;
  }

  /** What {@link #requestCancel} did. */
  public enum Cancel {
    NOT_FOUND,
    /** The job had ended already; nothing changed. */
    ALREADY_ENDED,
    /** No worker held the job: it is cancelled now (a running attempt left by a dead worker ended as failed). */
    CANCELLED,
    /** A worker holds the job; it sees the request at its next heartbeat and ends the job cancelled. */
    REQUESTED
  }

  /**
   * Cancels a job: at once when no worker holds it, else by asking its worker.
   *
   * @param failureSummary for an attempt a dead worker left running (Airbyte's {@code AttemptFailureSummary})
   */
  public Cancel requestCancel(long jobId, JsonNode failureSummary) {
    List<Long> endedAttempts = new ArrayList<>();
    Cancel cancel = database.jdbi().inTransaction(handle -> {
      endedAttempts.clear();
      Instant now = database.now();
      Optional<Lock> lock = handle.createQuery("SELECT status, lease_expires_at FROM jobs WHERE id = :id FOR UPDATE")
          .bind("id", jobId)
          .map(row -> new Lock(row.getColumn("status", JobStatus.class), row.getColumn("lease_expires_at", Instant.class)))
          .findOne();
      if (lock.isEmpty()) {
        return Cancel.NOT_FOUND;
      }
      if (lock.get().status().isTerminal()) {
        return Cancel.ALREADY_ENDED;
      }
      if (lock.get().leaseExpiresAt() != null && !lock.get().leaseExpiresAt().isBefore(now)) {
        handle.createUpdate("UPDATE jobs SET cancel_requested_at = :now, updated_at = :now WHERE id = :id")
            .bind("id", jobId)
            .bind("now", now)
            .execute();
        return Cancel.REQUESTED;
      }
      handle.createQuery("SELECT id FROM attempts WHERE job_id = :id AND status = :running")
          .bind("id", jobId)
          .bind("running", AttemptStatus.RUNNING)
          .mapTo(Long.class)
          .list()
          .forEach(attempt -> {
            endAttempt(handle, attempt, AttemptStatus.FAILED, null, failureSummary, now);
            endedAttempts.add(attempt);
          });
      setJob(handle, jobId, JobStatus.CANCELLED, null, now);
      return Cancel.CANCELLED;
    });
    endedAttempts.forEach(attempt -> attemptEnded.ended(jobId, attempt, AttemptStatus.FAILED));
    return cancel;
  }

  private record Lock(JobStatus status, Instant leaseExpiresAt) {}

  private static boolean holds(Handle handle, long jobId) {
    return handle.createQuery("SELECT COUNT(*) FROM jobs WHERE id = :id AND status IN (<active>)")
        .bindList("active", ACTIVE)
        .bind("id", jobId)
        .mapTo(Integer.class)
        .one() == 1;
  }

  private static void endAttempt(Handle handle, long attemptId, AttemptStatus status, JsonNode output,
                                 JsonNode failureSummary, Instant now) {
    handle.createUpdate("UPDATE attempts SET status = :status, output = COALESCE(:output, output), "
            + "failure_summary = COALESCE(:failureSummary, failure_summary), updated_at = :now, ended_at = :now "
            + "WHERE id = :id")
        .bind("id", attemptId)
        .bind("status", status)
        .bindByType("output", output, JsonNode.class)
        .bindByType("failureSummary", failureSummary, JsonNode.class)
        .bind("now", now)
        .execute();
  }

  private static void setJob(Handle handle, long jobId, JobStatus status, Instant nextAttemptAt, Instant now) {
    handle.createUpdate("UPDATE jobs SET status = :status, next_attempt_at = :next, lease_owner = NULL, "
            + "lease_expires_at = NULL, updated_at = :now WHERE id = :id")
        .bind("id", jobId)
        .bind("status", status)
        .bindByType("next", nextAttemptAt, Instant.class)
        .bind("now", now)
        .execute();
  }

  private static <S extends SqlStatement<S>> S bindQueue(S statement, Instant now) {
    return statement.bindList("types", REPLICATION).bindList("active", ACTIVE).bind("now", now);
  }

  private static Query replicationJobs(Handle handle, String sql, String scope) {
    return handle.createQuery(sql).bindList("types", REPLICATION).bind("scope", scope);
  }
}
