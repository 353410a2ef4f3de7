package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.publicapi.PageRequest.Page;
import dev.gale.server.api.publicapi.model.JobResources.JobCreateRequest;
import dev.gale.server.api.publicapi.model.JobResources.JobResponse;
import dev.gale.server.api.publicapi.model.JobResources.JobTypeEnum;
import dev.gale.server.api.publicapi.model.JobResources.JobsResponse;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.Call;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.http.Route;
import dev.gale.server.service.job.JobService;
import dev.gale.server.service.job.JobView;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The Public API's jobs: list them with filters, start a sync, reset or clear of a connection, get one, and cancel
 * one ({@code DELETE}), mapped onto {@link JobService} as Airbyte maps them onto its Config API handlers.
 */
public final class JobsPublicApi implements ApiModule {
  private static final String TAG = "public_jobs";
  private final JobService jobs;
  private final Clock clock;

  public JobsPublicApi(JobService jobs, Clock clock) {
    this.jobs = requireNonNull(jobs, "jobs is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        get("/jobs", TAG, "List sync, reset and clear jobs, filtered and paged", JobsResponse.class,
            (body, call) -> list(call)).withQuery(JobListParameters.PARAMETERS),
        post("/jobs", TAG, "Start a sync, reset or clear of a connection", JobCreateRequest.class, JobResponse.class,
            (body, call) -> response(start(body), call)),
        get("/jobs/{jobId}", TAG, "Get a job's status and what it synced", JobResponse.class,
            (body, call) -> response(jobs.getReplication(jobId(call)), call)),
        delete("/jobs/{jobId}", TAG, "Cancel a pending or running job", JobResponse.class,
            (body, call) -> response(jobs.cancelReplication(jobId(call)), call)));
  }

  private JobsResponse list(Call call) {
    PageRequest page = PageRequest.of(call);
    PublicJobTypes types = PublicJobTypes.of(ClientAgent.of(call));
    List<JobView> rows = jobs.listReplication(JobListParameters.filter(call, types), JobListParameters.order(call),
        page.overfetchLimit(), page.offset());
    Page<JobResponse> window = page.fromOverfetched(
        rows.stream().map(view -> JobResponses.of(view, types, clock.instant())).toList(), call);
    return new JobsResponse(window.data(), window.next(), window.previous());
  }

  private JobView start(JobCreateRequest request) {
    JobTypeEnum type = JobTypeEnum.of(request.jobType()).orElseThrow(() -> new BadRequestException("jobType must be "
        + "one of " + Arrays.stream(JobTypeEnum.values()).map(JobTypeEnum::wire).toList() + ", not '" + request.jobType() + "'"));
    return switch (type) {
      case SYNC -> jobs.sync(request.connectionId());
      case RESET -> jobs.reset(request.connectionId(), null);
      case CLEAR -> jobs.clear(request.connectionId(), null);
      // Airbyte's Public API does not start refreshes either.
      case REFRESH -> throw new InvalidInputException("jobType", "refresh", "Gale does not run refresh jobs; "
          + "start a sync, or a clear followed by a sync to read the streams again from the beginning");
    };
  }

  private JobResponse response(JobView view, Call call) {
    return JobResponses.of(view, PublicJobTypes.of(ClientAgent.of(call)), clock.instant());
  }

  /** Job ids are int64: any other id names no job. */
  private static long jobId(Call call) {
    String raw = call.path("jobId");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new NotFoundException("job", raw);
    }
  }
}
