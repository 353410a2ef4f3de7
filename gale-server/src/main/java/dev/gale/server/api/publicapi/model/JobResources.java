package dev.gale.server.api.publicapi.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The Public API's job bodies, under Airbyte's names ({@code JobCreateRequest}, {@code JobResponse}...). */
public final class JobResources {
  private JobResources() {}

  /** What a job does, as the Public API names it. */
  public enum JobTypeEnum {
    @JsonProperty("sync") SYNC,
    @JsonProperty("reset") RESET,
    @JsonProperty("refresh") REFRESH,
    @JsonProperty("clear") CLEAR;

    /** The type a query parameter names; empty when it names none. */
    public static Optional<JobTypeEnum> of(String wire) {
      for (JobTypeEnum type : values()) {
        if (type.wire().equals(wire)) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Starts a job.
   *
   * @param jobType one of {@link JobTypeEnum}'s values; read as text so that another value is a 400, as Airbyte's
   *     Public API answers it, rather than the 422 of a body that parsed
   */
  public record JobCreateRequest(@Required UUID connectionId, @Required String jobType) {}

  /**
   * One job.
   *
   * @param startTime when the job was created (as in Airbyte, which counts the wait for a worker as part of the job),
   *     ISO-8601 in UTC to the second
   * @param lastUpdatedAt when the job last changed status, in the same form
   * @param duration how long the job has taken so far (to its end once it ended), ISO-8601 such as {@code PT1M2S};
   *     absent while it waits for a worker
   * @param bytesSynced what the destination committed, over every attempt
   * @param rowsSynced the records the destination committed, over every attempt
   */
  public record JobResponse(@Required Long jobId, @Required JobStatus status, @Required JobTypeEnum jobType,
                            @Required String startTime, @Required UUID connectionId, String lastUpdatedAt,
                            String duration, Long bytesSynced, Long rowsSynced) {}

  /** A page of jobs, with absolute links to its neighbours (absent at either end). */
  public record JobsResponse(@Required List<JobResponse> data, String next, String previous) {}
}
