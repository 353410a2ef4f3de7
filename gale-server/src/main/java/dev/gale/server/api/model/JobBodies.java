package dev.gale.server.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionRead;
import dev.gale.server.api.model.DefinitionBodies.LogRead;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionRead;
import dev.gale.server.api.model.StateBodies.ConnectionState;
import dev.gale.server.api.model.StateBodies.StreamDescriptor;
import dev.gale.server.domain.AttemptFailureSummary;
import dev.gale.server.domain.AttemptStatus;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/**
 * Bodies of {@code jobs/*}, {@code attempt/*} and the job-creating {@code connections/sync} and
 * {@code connections/reset}. Times are epoch seconds, as in Airbyte, except a failure's {@code timestamp}, which
 * Airbyte gives in epoch milliseconds.
 */
public final class JobBodies {
  private JobBodies() {}

  public record JobIdRequestBody(@Required Long id) {}

  /**
   * What normalization did in one attempt. Gale runs no normalization (destinations write typed tables themselves),
   * so it never failed; the records are those the attempt's destination committed, when the attempt saved stats.
   */
  public record AttemptNormalizationStatusRead(Integer attemptNumber, Boolean hasRecordsCommitted, Long recordsCommitted,
                                               Boolean hasNormalizationFailed) {}

  public record AttemptNormalizationStatusReadList(List<AttemptNormalizationStatusRead> attemptNormalizationStatuses) {}

  /**
   * Which jobs {@code jobs/list} returns, newest first. Airbyte's 2023 document requires {@code configId}; newer
   * versions list every connection's jobs without it, and so does Gale.
   *
   * @param includingJobId when given, the page grows to hold that job (empty when the job is not among the matches)
   * @param statuses a newer filter: only jobs with one of these statuses
   */
  public record JobListRequestBody(@Required List<JobConfigType> configTypes, String configId, Long includingJobId,
                                   Pagination pagination, List<JobStatus> statuses) {}

  public record Pagination(Integer pageSize, Integer rowOffset) {}

  public record JobReadList(@Required List<JobWithAttemptsRead> jobs, @Required Long totalJobCount) {}

  public record JobWithAttemptsRead(JobRead job, List<AttemptRead> attempts) {}

  /**
   * A job. {@code aggregatedStats} and {@code streamAggregatedStats} sum its attempts (newer Airbyte);
   * {@code summary} is the older shape of the same totals that scripts still read.
   */
  public record JobRead(@Required Long id, @Required JobConfigType configType, @Required String configId,
                        @Required Long createdAt, @Required Long updatedAt, @Required JobStatus status, Long startedAt,
                        ResetConfig resetConfig, JobAggregatedStats aggregatedStats,
                        List<StreamStats> streamAggregatedStats, JobSyncSummary summary) {}

  /** The streams a reset clears. */
  public record ResetConfig(List<StreamDescriptor> streamsToReset) {}

  public record JobAggregatedStats(@Required Long recordsEmitted, @Required Long bytesEmitted,
                                   @Required Long recordsCommitted, @Required Long bytesCommitted,
                                   @Required Long recordsRejected) {}

  public record StreamStats(@Required String streamName, String streamNamespace, @Required Long recordsEmitted,
                            @Required Long bytesEmitted, @Required Long recordsCommitted, @Required Long bytesCommitted,
                            @Required Long recordsRejected) {}

  /** What a job synced: the records and bytes its destination committed. */
  public record JobSyncSummary(Long recordsSynced, Long bytesSynced) {}

  /** @param id the attempt's number within its job (0, 1...): Airbyte knows attempts by it */
  public record AttemptRead(@Required Long id, @Required AttemptStatus status, @Required Long createdAt,
                            @Required Long updatedAt, Long endedAt, Long bytesSynced, Long recordsSynced,
                            AttemptStats totalStats, List<AttemptStreamStats> streamStats,
                            AttemptFailureSummary failureSummary) {}

  public record AttemptStats(Long recordsEmitted, Long bytesEmitted, Long stateMessagesEmitted, Long recordsCommitted,
                             Long bytesCommitted, Long estimatedRecords, Long estimatedBytes) {}

  public record AttemptStreamStats(@Required String streamName, String streamNamespace, @Required AttemptStats stats) {}

  /**
   * An attempt with the end of its log. {@code logType} says how newer Airbyte clients must read {@code logs}: Gale's
   * are always {@code formatted} lines ({@link LogRead}), never structured events.
   */
  public record AttemptInfoRead(@Required AttemptRead attempt, @Required LogRead logs, LogFormatType logType) {
    public AttemptInfoRead(AttemptRead attempt, LogRead logs) {
      this(attempt, logs, LogFormatType.FORMATTED);
    }
  }

  public enum LogFormatType {
    @JsonProperty("formatted") FORMATTED,
    @JsonProperty("structured") STRUCTURED
  }

  public record JobInfoRead(@Required JobRead job, @Required List<AttemptInfoRead> attempts) {}

  public record JobInfoLightRead(@Required JobRead job) {}

  /** The connection's newest replication job; {@code job} is absent when it has none. */
  public record JobOptionalRead(JobRead job) {}

  public record JobDebugInfoRead(@Required JobDebugRead job, @Required List<AttemptInfoRead> attempts,
                                 WorkflowStateRead workflowState) {}

  /** @param airbyteVersion the Gale version: what Airbyte puts there is the version of the platform */
  public record JobDebugRead(@Required Long id, @Required JobConfigType configType, @Required String configId,
                             @Required JobStatus status, @Required String airbyteVersion,
                             @Required SourceDefinitionRead sourceDefinition,
                             @Required DestinationDefinitionRead destinationDefinition) {}

  /** Whether a worker is running the job now. */
  public record WorkflowStateRead(@Required Boolean running) {}

  public record SaveStatsRequestBody(@Required Long jobId, @Required Integer attemptNumber, @Required AttemptStats stats,
                                     List<AttemptStreamStats> streamStats) {}

  public record SaveAttemptSyncConfigRequestBody(@Required Long jobId, @Required Integer attemptNumber,
                                                 @Required AttemptSyncConfig syncConfig) {}

  public record AttemptSyncConfig(@Required JsonNode sourceConfiguration, @Required JsonNode destinationConfiguration,
                                  ConnectionState state) {}

  public record SetWorkflowInAttemptRequestBody(@Required Long jobId, @Required Integer attemptNumber,
                                                @Required String workflowId, String processingTaskQueue) {}

  public record InternalOperationResult(@Required Boolean succeeded) {}

  /** {@code connections/reset/stream} (newer Airbyte): reset only these streams. */
  public record ConnectionStreamRequestBody(@Required UUID connectionId, @Required List<ConnectionStream> streams) {}

  public record ConnectionStream(@Required String streamName, String streamNamespace) {}
}
