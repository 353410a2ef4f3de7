package dev.gale.server.service.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.domain.ResetConfig;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.jobs.AttemptLog;
import dev.gale.server.jobs.ConfiguredCatalogs;
import dev.gale.server.jobs.FailureSummaries;
import dev.gale.server.jobs.LocalJobs;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.job.JobView.AttemptView;
import dev.gale.server.store.JobOrder;
import dev.gale.server.store.JobQuery;
import dev.gale.server.store.JobQueue.Enqueued;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Replication jobs as the API sees them: a manual sync, a reset or a clear queues one (a connection runs one job at a
 * time), workers of any Gale process run it, and the API lists, shows and cancels them. Attempts come with their stats
 * and the end of their log.
 */
public final class JobService {
  /** Airbyte's page size when {@code jobs/list} names none. */
  static final int DEFAULT_PAGE_SIZE = 200;
  /** The most log lines an attempt shows: the end of a long log is where its outcome is. */
  static final int MAX_LOG_LINES = 10_000;

  private final JobRepository jobs;
  private final JobQueue queue;
  private final ConnectionService connections;
  private final ActorService actors;
  private final LocalJobs local;
  private final Duration cancelWait;
  private final Clock clock;

  public JobService(JobRepository jobs, JobQueue queue, ConnectionService connections, ActorService actors,
                    LocalJobs local, Duration cancelWait, Clock clock) {
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.actors = requireNonNull(actors, "actors is null");
    this.local = requireNonNull(local, "local is null");
    this.cancelWait = requireNonNull(cancelWait, "cancelWait is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Queues a sync of the connection's selected streams. */
  public JobView sync(UUID connectionId) {
    Connection connection = runnable(connectionId);
    return view(enqueue(connection, JobConfigType.SYNC, null), true);
  }

  /**
   * Queues a reset: the given streams (all selected streams when {@code streams} is null) are emptied in the
   * destination and their state is cleared.
   */
  public JobView reset(UUID connectionId, List<StreamDescriptor> streams) {
    return emptyStreams(connectionId, streams, JobConfigType.RESET_CONNECTION);
  }

  /**
   * Queues a clear: what {@link #reset} does, under newer Airbyte's name for it ({@code connections/clear}, a
   * {@code clear} job).
   */
  public JobView clear(UUID connectionId, List<StreamDescriptor> streams) {
    return emptyStreams(connectionId, streams, JobConfigType.CLEAR);
  }

  private JobView emptyStreams(UUID connectionId, List<StreamDescriptor> streams, JobConfigType type) {
    Connection connection = runnable(connectionId);
    List<StreamDescriptor> selected = ConfiguredCatalogs.selectedStreams(connection.syncCatalog());
    Set<StreamDescriptor> toReset = new LinkedHashSet<>(streams == null ? selected : List.of());
    for (int i = 0; streams != null && i < streams.size(); i++) {
      StreamDescriptor descriptor = streams.get(i);
      if (descriptor == null || !selected.contains(descriptor)) {
        throw new InvalidInputException("streams[" + i + "]", descriptor == null ? null : descriptor.name(),
            "The connection does not sync this stream; it syncs " + selected.stream().map(JobService::label).toList());
      }
      toReset.add(descriptor);
    }
    if (toReset.isEmpty()) {
      throw new InvalidInputException("streams", null, "Name at least one stream to reset");
    }
    JsonNode config = Json.tree(new ResetConfig(List.copyOf(toReset)));
    return view(enqueue(connection, type, config), true);
  }

  public JobView get(long jobId) {
    return view(find(jobId), true);
  }

  /** With attempts and their stats, without logs. */
  public JobView getWithoutLogs(long jobId) {
    return view(find(jobId), false);
  }

  /** Without attempts, for {@code jobs/get_light}. */
  public Job getLight(long jobId) {
    return find(jobId);
  }

  /** A job with what ran it: the definitions of its connection's source and destination. */
  public record DebugView(JobView job, DefinitionWithVersion source, DefinitionWithVersion destination) {}

  public DebugView debugInfo(long jobId) {
    JobView view = get(jobId);
    Connection connection = connections.find(UUID.fromString(view.job().scope()));
    return new DebugView(view, actors.definitionOf(actors.resolve(ActorType.SOURCE, connection.sourceId())),
        actors.definitionOf(actors.resolve(ActorType.DESTINATION, connection.destinationId())));
  }

  /** The connection's newest replication job. */
  public Optional<Job> lastReplicationJob(UUID connectionId) {
    connections.find(connectionId);
    return jobs.findLatest(connectionId.toString(), JobConfigType.REPLICATION);
  }

  /** The connection's replication job that is pending, running or waiting for its next attempt, if any. */
  public Optional<Job> activeReplicationJob(UUID connectionId) {
    connections.find(connectionId);
    JobQuery active = JobQuery.ofScope(connectionId.toString()).withConfigTypes(JobConfigType.REPLICATION)
        .withStatuses(List.of(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.INCOMPLETE));
    return jobs.list(active, 1, 0).stream().findFirst();
  }

  /** Jobs newest first, a page at a time; see {@link JobListing}. */
  public JobView.Page list(JobListing request) {
    int pageSize = request.pageSize() == null ? DEFAULT_PAGE_SIZE : request.pageSize();
    int offset = request.rowOffset() == null ? 0 : request.rowOffset();
    if (pageSize < 1) {
      throw new InvalidInputException("pagination.pageSize", pageSize, "A page holds at least one job");
    }
    if (offset < 0) {
      throw new InvalidInputException("pagination.rowOffset", offset, "The row offset cannot be negative");
    }
    // The Config API shows clears as resets (see JobReads), so a search for resets finds them.
    List<JobConfigType> types = new ArrayList<>(request.configTypes());
    if (types.contains(JobConfigType.RESET_CONNECTION)) {
      types.add(JobConfigType.CLEAR);
    }
    JobQuery query = JobQuery.ALL.withConfigTypes(types)
        .withStatuses(request.statuses() == null ? List.of() : request.statuses());
    query = request.configId() == null ? query : query.withScopes(List.of(request.configId()));
    long total = jobs.count(query);
    if (request.includingJobId() != null) {
      Optional<Long> position = jobs.position(query, request.includingJobId());
      if (position.isEmpty()) {
        return new JobView.Page(List.of(), total);
      }
      // Airbyte grows the first page by whole pages until it holds the job.
      pageSize = (int) ((position.get() / pageSize + 1) * pageSize);
      offset = 0;
    }
    List<Job> page = jobs.list(query, pageSize, offset);
    return new JobView.Page(views(page, false), total);
  }

  /**
   * Replication jobs (syncs, resets, clears, refreshes) that match {@code filter}, in the given order, {@code limit} of
   * them after {@code offset}; without their logs. An unknown connection or workspace in the filter is a 404.
   */
  public List<JobView> listReplication(JobFilter filter, JobOrder order, int limit, int offset) {
    Optional<Set<String>> scopes = scopes(filter);
    Set<JobConfigType> types = filter.configTypes().isEmpty() ? JobConfigType.REPLICATION
        : filter.configTypes().stream().filter(JobConfigType.REPLICATION::contains).collect(Collectors.toSet());
    // An empty set in a JobQuery matches anything: a filter that leaves nothing to match must not get that far.
    if (types.isEmpty() || scopes.map(Set::isEmpty).orElse(false)) {
      return List.of();
    }
    JobQuery query = JobQuery.ALL.withConfigTypes(types).withScopes(scopes.orElse(Set.of()))
        .withStatuses(filter.statuses()).createdIn(filter.created()).updatedIn(filter.updated());
    return views(jobs.list(query, order, limit, offset), false);
  }

  /** A sync, reset, clear or refresh job, without its logs; any other job (a check, a discover) is a 404 here. */
  public JobView getReplication(long jobId) {
    Job job = find(jobId);
    if (!JobConfigType.REPLICATION.contains(job.configType())) {
      throw new NotFoundException("job", jobId, "it is a %s job, not a sync, reset, clear or refresh"
          .formatted(job.configType().name().toLowerCase(Locale.ROOT)));
    }
    return view(job, false);
  }

  /** As {@link #cancel}, for a sync, reset, clear or refresh job only; answers it without its logs. */
  public JobView cancelReplication(long jobId) {
    requestCancel(getReplication(jobId).job());
    return getReplication(jobId);
  }

  /**
   * Cancels a job: a pending one (or one waiting to retry) at once; a running one through its worker, waiting a
   * little for it to end when it runs in this process. Cancelling a cancelled job changes nothing; a job that
   * succeeded or failed cannot be cancelled.
   */
  public JobView cancel(long jobId) {
    requestCancel(find(jobId));
    return get(jobId);
  }

  private void requestCancel(Job job) {
    long jobId = job.id();
    switch (queue.requestCancel(jobId, FailureSummaries.cancelled(false, clock.instant()))) {
      case NOT_FOUND -> throw new NotFoundException("job", jobId);
      case ALREADY_ENDED -> {
        Job ended = find(jobId);
        if (ended.status() != JobStatus.CANCELLED) {
          throw new ConflictException("Job %d has already %s; only a pending or running job can be cancelled"
              .formatted(jobId, ended.status() == JobStatus.SUCCEEDED ? "succeeded" : "failed"));
        }
      }
      case REQUESTED -> local.cancel(job.id()).ifPresent(ended -> {
        try {
          ended.get(cancelWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
          // The answer shows the job as it is now; it ends cancelled shortly after.
        }
      });
      case CANCELLED -> { }
    }
  }

  Job find(long jobId) {
    return jobs.find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
  }

  /** The connection ids the filter allows; empty for any connection. */
  private Optional<Set<String>> scopes(JobFilter filter) {
    Set<String> scopes = null;
    if (filter.connectionId() != null) {
      scopes = new LinkedHashSet<>(List.of(connections.find(filter.connectionId()).id().toString()));
    }
    if (!filter.workspaceIds().isEmpty()) {
      Set<String> inWorkspaces = new LinkedHashSet<>();
      filter.workspaceIds().forEach(w -> connections.idsInWorkspace(w).forEach(id -> inWorkspaces.add(id.toString())));
      if (scopes == null) {
        scopes = inWorkspaces;
      } else {
        scopes.retainAll(inWorkspaces);
      }
    }
    return Optional.ofNullable(scopes);
  }

  private Connection runnable(UUID connectionId) {
    Connection connection = connections.find(connectionId);
    if (connection.status() == ConnectionStatus.DEPRECATED) {
      throw new ConflictException("Connection %s is deleted (deprecated); it cannot sync".formatted(connectionId));
    }
    if (ConfiguredCatalogs.selectedStreams(connection.syncCatalog()).isEmpty()) {
      throw new InvalidInputException("connectionId", connectionId,
          "The connection selects no stream; select streams in its syncCatalog with connections/update first");
    }
    return connection;
  }

  private Job enqueue(Connection connection, JobConfigType type, JsonNode config) {
    return switch (queue.enqueue(connection.id(), type, config, Optional.empty())) {
      case Enqueued.Created created -> {
        local.wake();
        yield created.job();
      }
      case Enqueued.Busy busy -> throw new ConflictException(("A sync is already running for connection %s: job %d "
          + "(%s) is %s. Wait for it to end or cancel it with jobs/cancel.").formatted(connection.id(), busy.active().id(),
          busy.active().configType().name().toLowerCase(Locale.ROOT), busy.active().status().name().toLowerCase(Locale.ROOT)));
      case Enqueued.Superseded superseded -> throw new IllegalStateException("no job was expected to be seen");
    };
  }

  private JobView view(Job job, boolean withLogs) {
    return views(List.of(job), withLogs).getFirst();
  }

  private List<JobView> views(List<Job> page, boolean withLogs) {
    List<Attempt> attempts = jobs.listAttempts(page.stream().map(Job::id).toList());
    Map<Long, AttemptStats> stats = jobs.findStats(attempts.stream().map(Attempt::id).toList());
    List<JobView> views = new ArrayList<>();
    for (Job job : page) {
      views.add(new JobView(job, attempts.stream().filter(a -> a.jobId() == job.id())
          .map(a -> new AttemptView(a, Optional.ofNullable(stats.get(a.id())), withLogs ? logLines(a) : List.of()))
          .toList()));
    }
    return views;
  }

  private static List<String> logLines(Attempt attempt) {
    return attempt.logPath() == null ? List.of() : AttemptLog.read(Path.of(attempt.logPath()), MAX_LOG_LINES);
  }

  private static String label(StreamDescriptor stream) {
    return stream.namespace() == null ? stream.name() : stream.namespace() + "." + stream.name();
  }
}
