package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.store.JobQuery.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.Query;

/**
 * Jobs, their attempts, and each attempt's stats. Job and attempt ids come from identity columns. Creating an
 * attempt also marks its job running, in one transaction; saving stats replaces what an attempt saved before.
 * Claiming jobs for workers (row locks, leases) is {@link JobQueue}'s.
 */
public final class JobRepository {
  static final String JOB_COLUMNS = "id, config_type, scope, config, status, created_at, started_at, updated_at";
  private static final String ATTEMPT_COLUMNS = "id, job_id, attempt_number, status, log_path, output, "
      + "failure_summary, attempt_sync_config, created_at, updated_at, ended_at";

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final Database database;
  private final StatsTables stats = new StatsTables();

  public JobRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** Creates a pending job, stamped now. */
  public Job create(JobConfigType configType, String scope, JsonNode config) {
    requireNonNull(configType, "configType is null");
    requireNonNull(scope, "scope is null");
    return database.jdbi().withHandle(handle -> insert(handle, configType, scope, config, database.now()));
  }

  /** Inserts a pending job in the caller's transaction (the queue creates jobs under a lock). */
  static Job insert(Handle handle, JobConfigType configType, String scope, JsonNode config, Instant now) {
    long id = handle.createUpdate("INSERT INTO jobs (config_type, scope, config, status, created_at, updated_at) "
            + "VALUES (:configType, :scope, :config, :status, :now, :now)")
        .bind("configType", configType)
        .bind("scope", scope)
        .bindByType("config", config, JsonNode.class)
        .bind("status", JobStatus.PENDING)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
    return new Job(id, configType, scope, config, JobStatus.PENDING, now, null, now);
  }

  public Optional<Job> find(long id) {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = :id")
        .bind("id", id)
        .map(JobRepository::mapJob)
        .findOne());
  }

  /** The jobs matching {@code query}, newest first (by creation, then id), {@code limit} of them after {@code offset}. */
  public List<Job> list(JobQuery query, int limit, int offset) {
    return list(query, JobOrder.NEWEST_FIRST, limit, offset);
  }

  /** The jobs matching {@code query} in the given order, {@code limit} of them after {@code offset}. */
  public List<Job> list(JobQuery query, JobOrder order, int limit, int offset) {
    requireNonNull(query, "query is null");
    requireNonNull(order, "order is null");
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative");
    }
    return database.jdbi().withHandle(handle -> {
      Query select = handle.createQuery("SELECT " + JOB_COLUMNS + " FROM jobs" + where(query)
          + " ORDER BY " + order.sql() + " LIMIT :limit OFFSET :offset");
      bind(select, query);
      return select.bind("limit", limit).bind("offset", offset).map(JobRepository::mapJob).list();
    });
  }

  /** How many jobs match {@code query}: the total behind a page of {@link #list}. */
  public long count(JobQuery query) {
    requireNonNull(query, "query is null");
    return database.jdbi().withHandle(handle -> {
      Query select = handle.createQuery("SELECT COUNT(*) FROM jobs" + where(query));
      bind(select, query);
      return select.mapTo(Long.class).one();
    });
  }

  /**
   * Where a job is among those matching {@code query}, newest first (0 for the newest); empty when it does not match.
   */
  public Optional<Long> position(JobQuery query, long jobId) {
    requireNonNull(query, "query is null");
    return database.jdbi().withHandle(handle -> {
      Query find = handle.createQuery("SELECT created_at FROM jobs" + where(query.withIds(List.of(jobId))));
      bind(find, query.withIds(List.of(jobId)));
      Optional<Instant> createdAt = find.mapTo(Instant.class).findOne();
      if (createdAt.isEmpty()) {
        return Optional.<Long>empty();
      }
      String newer = "(created_at > :createdAt OR (created_at = :createdAt AND id > :jobId))";
      String where = where(query);
      Query count = handle.createQuery("SELECT COUNT(*) FROM jobs" + where + (where.isEmpty() ? " WHERE " : " AND ") + newer);
      bind(count, query);
      return Optional.of(count.bind("createdAt", createdAt.get()).bind("jobId", jobId).mapTo(Long.class).one());
    });
  }

  /** The newest job of a scope with one of the given config types. */
  public Optional<Job> findLatest(String scope, Collection<JobConfigType> configTypes) {
    requireNonNull(scope, "scope is null");
    return list(JobQuery.ofScope(scope).withConfigTypes(configTypes), 1, 0).stream().findFirst();
  }

  /**
   * Sets a job's status, stamped now; the first move to {@code running} also sets {@code startedAt}. False when
   * there is no such job.
   */
  public boolean updateStatus(long jobId, JobStatus status) {
    requireNonNull(status, "status is null");
    return database.jdbi().withHandle(handle -> setJobStatus(handle, jobId, status, database.now()));
  }

  /**
   * Starts the job's next attempt (numbers start at 0) and marks the job running, in one transaction that locks the
   * job's row, so concurrent calls get distinct numbers.
   *
   * @throws IllegalArgumentException when there is no such job
   * @throws IllegalStateException when the job is already terminal
   */
  public Attempt createAttempt(long jobId, String logPath) {
    return database.jdbi().inTransaction(handle -> {
      JobStatus status = handle.createQuery("SELECT status FROM jobs WHERE id = :id FOR UPDATE")
          .bind("id", jobId)
          .mapTo(JobStatus.class)
          .findOne()
          .orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
      if (status.isTerminal()) {
        throw new IllegalStateException("job " + jobId + " is " + status + " and gets no new attempt");
      }
      int number = handle.createQuery("SELECT COALESCE(MAX(attempt_number) + 1, 0) FROM attempts WHERE job_id = :id")
          .bind("id", jobId)
          .mapTo(Integer.class)
          .one();
      Instant now = database.now();
      long id = handle.createUpdate("INSERT INTO attempts (job_id, attempt_number, status, log_path, created_at, "
              + "updated_at) VALUES (:jobId, :number, :status, :logPath, :now, :now)")
          .bind("jobId", jobId)
          .bind("number", number)
          .bind("status", AttemptStatus.RUNNING)
          .bind("logPath", logPath)
          .bind("now", now)
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
      setJobStatus(handle, jobId, JobStatus.RUNNING, now);
      return new Attempt(id, jobId, number, AttemptStatus.RUNNING, logPath, null, null, null, now, now, null);
    });
  }

  public Optional<Attempt> findAttempt(long attemptId) {
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT " + ATTEMPT_COLUMNS + " FROM attempts WHERE id = :id")
        .bind("id", attemptId)
        .map(JobRepository::mapAttempt)
        .findOne());
  }

  public Optional<Attempt> findAttempt(long jobId, int attemptNumber) {
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT " + ATTEMPT_COLUMNS + " FROM attempts WHERE job_id = :jobId AND attempt_number = :number")
        .bind("jobId", jobId)
        .bind("number", attemptNumber)
        .map(JobRepository::mapAttempt)
        .findOne());
  }

  /** The attempts of the given jobs, by job id then attempt number. */
  public List<Attempt> listAttempts(Collection<Long> jobIds) {
    requireNonNull(jobIds, "jobIds is null");
    if (jobIds.isEmpty()) {
      return List.of();
    }
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + ATTEMPT_COLUMNS
            + " FROM attempts WHERE job_id IN (<jobIds>) ORDER BY job_id, attempt_number")
        .bindList("jobIds", new ArrayList<>(jobIds))
        .map(JobRepository::mapAttempt)
        .list());
  }

  /** Sets an attempt's status, stamped now; a terminal status also sets {@code endedAt}. False when there is none. */
  public boolean updateAttemptStatus(long attemptId, AttemptStatus status) {
    requireNonNull(status, "status is null");
    Instant now = database.now();
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE attempts SET status = :status, "
            + "updated_at = :now, ended_at = :endedAt WHERE id = :id")
        .bind("id", attemptId)
        .bind("status", status)
        .bind("now", now)
        .bindByType("endedAt", status.isTerminal() ? now : null, Instant.class)
        .execute()) == 1;
  }

  /**
   * Records which worker runs the attempt, as Airbyte records the workflow and task queue of its attempts. False
   * when there is no such attempt.
   */
  public boolean setWorkflow(long attemptId, String workflowId, String processingTaskQueue) {
    requireNonNull(workflowId, "workflowId is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE attempts SET workflow_id = :workflowId, "
            + "processing_task_queue = :queue, updated_at = :now WHERE id = :id")
        .bind("id", attemptId)
        .bind("workflowId", workflowId)
        .bindByType("queue", processingTaskQueue, String.class)
        .bind("now", database.now())
        .execute()) == 1;
  }

  /** The worker an attempt names (see {@link #setWorkflow}); empty when none did. */
  public Optional<String> findWorkflow(long attemptId) {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT workflow_id FROM attempts WHERE id = :id")
        .bind("id", attemptId)
        .mapTo(String.class)
        .list()
        .stream()
        .filter(Objects::nonNull)
        .findFirst());
  }

  /** Saves what the attempt produced (a sync summary, a catalog id...). */
  public boolean saveAttemptOutput(long attemptId, JsonNode output) {
    return setAttemptDocument(attemptId, "output", output);
  }

  /** Saves why the attempt failed (Airbyte's {@code AttemptFailureSummary}). */
  public boolean saveFailureSummary(long attemptId, JsonNode failureSummary) {
    return setAttemptDocument(attemptId, "failure_summary", failureSummary);
  }

  /** Saves the connection configuration the attempt runs with. */
  public boolean saveSyncConfig(long attemptId, JsonNode syncConfig) {
    return setAttemptDocument(attemptId, "attempt_sync_config", syncConfig);
  }

  /** Saves an attempt's stats, replacing any saved before (a sync saves them as it goes), in one transaction. */
  public void saveStats(long attemptId, AttemptStats attemptStats) {
    requireNonNull(attemptStats, "attemptStats is null");
    database.jdbi().useTransaction(handle -> stats.replace(handle, attemptId, attemptStats, database.now()));
  }

  /** The stats an attempt saved; empty when it saved none. */
  public Optional<AttemptStats> findStats(long attemptId) {
    return Optional.ofNullable(findStats(List.of(attemptId)).get(attemptId));
  }

  /** The stats of several attempts by attempt id; attempts that saved none are missing from the map. */
  public Map<Long, AttemptStats> findStats(Collection<Long> attemptIds) {
    requireNonNull(attemptIds, "attemptIds is null");
    if (attemptIds.isEmpty()) {
      return Map.of();
    }
    return database.jdbi().inTransaction(handle -> stats.read(handle, attemptIds));
  }

  private boolean setAttemptDocument(long attemptId, String column, JsonNode document) {
    return database.jdbi().withHandle(handle -> handle.createUpdate(
            "UPDATE attempts SET " + column + " = :document, updated_at = :now WHERE id = :id")
        .bind("id", attemptId)
        .bindByType("document", document, JsonNode.class)
        .bind("now", database.now())
        .execute()) == 1;
  }

  private static boolean setJobStatus(Handle handle, long jobId, JobStatus status, Instant now) {
    return handle.createUpdate("UPDATE jobs SET status = :status, updated_at = :now, "
            + "started_at = CASE WHEN started_at IS NULL AND :running THEN :now ELSE started_at END WHERE id = :id")
        .bind("id", jobId)
        .bind("status", status)
        .bind("now", now)
        .bind("running", status == JobStatus.RUNNING)
        .execute() == 1;
  }

  private static String where(JobQuery query) {
    List<String> conditions = new ArrayList<>();
    if (!query.configTypes().isEmpty()) {
      conditions.add("config_type IN (<configTypes>)");
    }
    if (!query.scopes().isEmpty()) {
      conditions.add("scope IN (<scopes>)");
    }
    if (!query.statuses().isEmpty()) {
      conditions.add("status IN (<statuses>)");
    }
    if (!query.ids().isEmpty()) {
      conditions.add("id IN (<ids>)");
    }
    range(conditions, "created_at", "created", query.created());
    range(conditions, "updated_at", "updated", query.updated());
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static void bind(Query select, JobQuery query) {
    if (!query.configTypes().isEmpty()) {
      select.bindList("configTypes", query.configTypes().stream().map(WireEnums::wire).toList());
    }
    if (!query.scopes().isEmpty()) {
      select.bindList("scopes", List.copyOf(query.scopes()));
    }
    if (!query.statuses().isEmpty()) {
      select.bindList("statuses", query.statuses().stream().map(WireEnums::wire).toList());
    }
    if (!query.ids().isEmpty()) {
      select.bindList("ids", List.copyOf(query.ids()));
    }
    bindRange(select, "created", query.created());
    bindRange(select, "updated", query.updated());
  }

  private static void range(List<String> conditions, String column, String name, TimeRange range) {
    if (range.from() != null) {
      conditions.add(column + " >= :" + name + "From");
    }
    if (range.to() != null) {
      conditions.add(column + " <= :" + name + "To");
    }
  }

  private static void bindRange(Query select, String name, TimeRange range) {
    if (range.from() != null) {
      select.bind(name + "From", storable(range.from()));
    }
    if (range.to() != null) {
      select.bind(name + "To", storable(range.to()));
    }
  }

  /** A bound far in the past or future, brought within what both databases' timestamps hold; no job lies beyond. */
  private static Instant storable(Instant instant) {
    return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
  }

  static Job mapJob(RowView row) {
    return new Job(
        row.getColumn("id", Long.class),
        row.getColumn("config_type", JobConfigType.class),
        row.getColumn("scope", String.class),
        row.getColumn("config", JsonNode.class),
        row.getColumn("status", JobStatus.class),
        row.getColumn("created_at", Instant.class),
        row.getColumn("started_at", Instant.class),
        row.getColumn("updated_at", Instant.class));
  }

  private static Attempt mapAttempt(RowView row) {
    return new Attempt(
        row.getColumn("id", Long.class),
        row.getColumn("job_id", Long.class),
        row.getColumn("attempt_number", Integer.class),
        row.getColumn("status", AttemptStatus.class),
        row.getColumn("log_path", String.class),
        row.getColumn("output", JsonNode.class),
        row.getColumn("failure_summary", JsonNode.class),
        row.getColumn("attempt_sync_config", JsonNode.class),
        row.getColumn("created_at", Instant.class),
        row.getColumn("updated_at", Instant.class),
        row.getColumn("ended_at", Instant.class));
  }
}
