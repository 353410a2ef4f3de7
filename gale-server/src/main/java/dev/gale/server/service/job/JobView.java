package dev.gale.server.service.job;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.Attempt;
import dev.gale.server.domain.AttemptStats;
import dev.gale.server.domain.Job;
import java.util.List;
import java.util.Optional;

/** A job with its attempts, as the API shows it. */
public record JobView(Job job, List<AttemptView> attempts) {
  public JobView {
    requireNonNull(job, "job is null");
    attempts = List.copyOf(requireNonNull(attempts, "attempts is null"));
  }

  /**
   * One attempt with what it moved and its log.
   *
   * @param stats empty when the attempt saved none (yet)
   * @param logLines the end of its log, secrets masked; empty where logs were not asked for
   */
  public record AttemptView(Attempt attempt, Optional<AttemptStats> stats, List<String> logLines) {
    public AttemptView {
      requireNonNull(attempt, "attempt is null");
      requireNonNull(stats, "stats is null");
      logLines = List.copyOf(requireNonNull(logLines, "logLines is null"));
    }
  }

  /** A page of {@code jobs/list}, and how many jobs match in all. */
  public record Page(List<JobView> jobs, long total) {
    public Page {
      jobs = List.copyOf(requireNonNull(jobs, "jobs is null"));
    }
  }
}
