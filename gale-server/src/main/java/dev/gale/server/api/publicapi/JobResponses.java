package dev.gale.server.api.publicapi;

import dev.gale.server.api.publicapi.model.JobResources.JobResponse;
import dev.gale.server.domain.Job;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.domain.SyncStats;
import dev.gale.server.service.job.JobView;
import dev.gale.server.service.job.JobView.AttemptView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Maps jobs to the Public API's {@link JobResponse}: times to the second (as Airbyte shows them, so that the duration
 * is exactly the difference of the times shown), and what the destination committed, summed over the attempts (each
 * attempt resumes from the state the one before committed, so the sum is what the job delivered).
 */
final class JobResponses {
  private JobResponses() {}

  static JobResponse of(JobView view, PublicJobTypes types, Instant now) {
    Job job = view.job();
    Instant start = seconds(job.createdAt());
    Instant updated = seconds(job.updatedAt());
    Duration duration = Duration.between(start, job.status().isTerminal() ? updated : seconds(now));
    SyncStats committed = SyncStats.ZERO;
    for (AttemptView attempt : view.attempts()) {
      if (attempt.stats().isPresent()) {
        committed = committed.plus(attempt.stats().get().total());
      }
    }
    return new JobResponse(job.id(), job.status(), types.typeOf(job.configType()), start.toString(),
        UUID.fromString(job.scope()), updated.toString(),
        job.status() == JobStatus.PENDING ? null : (duration.isNegative() ? Duration.ZERO : duration).toString(),
        committed.bytesCommitted(), committed.recordsCommitted());
  }

  private static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
