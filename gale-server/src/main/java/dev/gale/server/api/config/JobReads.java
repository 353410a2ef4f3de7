package dev.gale.server.api.config;

import dev.gale.protocol.Json;
import dev.gale.server.GaleServer;
import dev.gale.server.api.model.DefinitionBodies.LogRead;
import dev.gale.server.api.model.JobBodies.AttemptInfoRead;
import dev.gale.server.api.model.JobBodies.AttemptNormalizationStatusRead;
import dev.gale.server.api.model.JobBodies.AttemptNormalizationStatusReadList;
import dev.gale.server.api.model.JobBodies.AttemptRead;
import dev.gale.server.api.model.JobBodies.AttemptStats;
import dev.gale.server.api.model.JobBodies.AttemptStreamStats;
import dev.gale.server.api.model.JobBodies.ConnectionStream;
import dev.gale.server.api.model.JobBodies.JobAggregatedStats;
import dev.gale.server.api.model.JobBodies.JobDebugInfoRead;
import dev.gale.server.api.model.JobBodies.JobDebugRead;
import dev.gale.server.api.model.JobBodies.JobInfoRead;
import dev.gale.server.api.model.JobBodies.JobListRequestBody;
import dev.gale.server.api.model.JobBodies.JobRead;
import dev.gale.server.api.model.JobBodies.JobReadList;
import dev.gale.server.api.model.JobBodies.JobSyncSummary;
import dev.gale.server.api.model.JobBodies.JobWithAttemptsRead;
import dev.gale.server.api.model.JobBodies.ResetConfig;
import dev.gale.server.api.model.JobBodies.StreamStats;
import dev.gale.server.api.model.JobBodies.WorkflowStateRead;
import dev.gale.server.domain.AttemptFailureSummary;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.SyncStats;
import dev.gale.server.service.job.JobListing;
import dev.gale.server.service.job.JobService.DebugView;
import dev.gale.server.service.job.JobView;
import dev.gale.server.service.job.JobView.AttemptView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps jobs and attempts to the Config API's bodies: epoch seconds, stats per attempt and summed over the job, and
 * the older {@code recordsSynced}/{@code bytesSynced} fields (what the destination committed) next to the newer ones.
 */
final class JobReads {
  private JobReads() {}

  static JobListing listing(JobListRequestBody request) {
    var pagination = request.pagination();
    return new JobListing(request.configTypes(), request.configId(), request.includingJobId(),
        pagination == null ? null : pagination.pageSize(), pagination == null ? null : pagination.rowOffset(),
        request.statuses());
  }

  /** The streams a reset or clear names; keeps null items, which the service refuses with their position. */
  static List<StreamDescriptor> streams(List<ConnectionStream> streams) {
    return streams == null ? null : streams.stream()
        .map(s -> s == null ? null : new StreamDescriptor(s.streamName(), s.streamNamespace())).toList();
  }

  static JobInfoRead info(JobView view) {
    return new JobInfoRead(job(view), view.attempts().stream()
        .map(a -> new AttemptInfoRead(attempt(a), new LogRead(a.logLines()))).toList());
  }

  static JobReadList list(JobView.Page page) {
    return new JobReadList(page.jobs().stream()
        .map(view -> new JobWithAttemptsRead(job(view), view.attempts().stream().map(JobReads::attempt).toList()))
        .toList(), page.total());
  }

  static JobDebugInfoRead debug(DebugView debug) {
    Job job = debug.job().job();
    return new JobDebugInfoRead(new JobDebugRead(job.id(), configType(job), job.scope(), job.status(), GaleServer.VERSION,
        DefinitionReads.source(debug.source()), DefinitionReads.destination(debug.destination())),
        info(debug.job()).attempts(), new WorkflowStateRead(job.status() == JobStatus.RUNNING));
  }

  /**
   * The job's type as Config API clients read it. A clear is what Airbyte called a reset before 1.0, and the Config
   * API clients generated from that era's document throw on {@code clear}: every Config API client reads
   * {@code reset_connection} (and {@code jobs/list} for resets finds clears too).
   */
  static JobConfigType configType(Job job) {
    return job.configType() == JobConfigType.CLEAR ? JobConfigType.RESET_CONNECTION : job.configType();
  }

  /** The job alone, as {@code get_light} shows it: without attempts, so without their stats. */
  /** As Airbyte answers for a job without normalization: each attempt, never failed, with what it committed. */
  static AttemptNormalizationStatusReadList normalizationStatuses(JobView view) {
    return new AttemptNormalizationStatusReadList(view.attempts().stream()
        .map(a -> new AttemptNormalizationStatusRead(a.attempt().attemptNumber(), a.stats().isPresent(),
            a.stats().map(stats -> stats.total().recordsCommitted()).orElse(0L), false))
        .toList());
  }

  static JobRead light(Job job) {
    return new JobRead(job.id(), configType(job), job.scope(), seconds(job.createdAt()), seconds(job.updatedAt()),
        job.status(), job.startedAt() == null ? null : seconds(job.startedAt()), resetConfig(job), null, null, null);
  }

  static JobRead job(JobView view) {
    Job job = view.job();
    SyncStats total = SyncStats.ZERO;
    Map<StreamDescriptor, SyncStats> streams = new LinkedHashMap<>();
    for (AttemptView attempt : view.attempts()) {
      if (attempt.stats().isPresent()) {
        total = total.plus(attempt.stats().get().total());
        attempt.stats().get().streams().forEach(s -> streams.merge(s.stream(), s.stats(), SyncStats::plus));
      }
    }
    return new JobRead(job.id(), configType(job), job.scope(), seconds(job.createdAt()), seconds(job.updatedAt()),
        job.status(), job.startedAt() == null ? null : seconds(job.startedAt()), resetConfig(job),
        new JobAggregatedStats(total.recordsEmitted(), total.bytesEmitted(), total.recordsCommitted(),
            total.bytesCommitted(), 0L),
        streams.entrySet().stream().map(e -> new StreamStats(e.getKey().name(), e.getKey().namespace(),
            e.getValue().recordsEmitted(), e.getValue().bytesEmitted(), e.getValue().recordsCommitted(),
            e.getValue().bytesCommitted(), 0L)).toList(),
        new JobSyncSummary(total.recordsCommitted(), total.bytesCommitted()));
  }

  static AttemptRead attempt(AttemptView view) {
    var attempt = view.attempt();
    SyncStats total = view.stats().map(s -> s.total()).orElse(null);
    List<AttemptStreamStats> streams = view.stats().map(s -> s.streams().stream()
        .map(stream -> new AttemptStreamStats(stream.stream().name(), stream.stream().namespace(), stats(stream.stats())))
        .toList()).orElse(List.of());
    // Airbyte's attempts are known by their number within the job; that is the id its API shows.
    return new AttemptRead((long) attempt.attemptNumber(), attempt.status(), seconds(attempt.createdAt()), seconds(attempt.updatedAt()),
        attempt.endedAt() == null ? null : seconds(attempt.endedAt()),
        total == null ? null : total.bytesCommitted(), total == null ? null : total.recordsCommitted(),
        total == null ? null : stats(total), streams,
        attempt.failureSummary() == null ? null : Json.convert(attempt.failureSummary(), AttemptFailureSummary.class));
  }

  private static ResetConfig resetConfig(Job job) {
    return job.configType().clearsData() && job.config() != null
        ? Json.convert(job.config(), ResetConfig.class) : null;
  }

  private static AttemptStats stats(SyncStats s) {
    return new AttemptStats(s.recordsEmitted(), s.bytesEmitted(), s.stateMessagesEmitted(), s.recordsCommitted(),
        s.bytesCommitted(), s.estimatedRecords(), s.estimatedBytes());
  }

  private static long seconds(Instant instant) {
    return instant.getEpochSecond();
  }
}
