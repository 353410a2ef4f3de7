package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.JobBodies.AttemptNormalizationStatusReadList;
import dev.gale.server.api.model.JobBodies.JobDebugInfoRead;
import dev.gale.server.api.model.JobBodies.JobIdRequestBody;
import dev.gale.server.api.model.JobBodies.JobInfoLightRead;
import dev.gale.server.api.model.JobBodies.JobInfoRead;
import dev.gale.server.api.model.JobBodies.JobListRequestBody;
import dev.gale.server.api.model.JobBodies.JobOptionalRead;
import dev.gale.server.api.model.JobBodies.JobReadList;
import dev.gale.server.api.model.WorkspaceBodies.ConnectionIdRequestBody;
import dev.gale.server.http.Route;
import dev.gale.server.service.job.JobService;
import java.util.List;

/** {@code /api/v1/jobs/*}. */
public final class JobsApi implements ApiModule {
  private static final String TAG = "jobs";
  private final JobService jobs;

  public JobsApi(JobService jobs) {
    this.jobs = jobs;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/jobs/";
    return List.of(
        rpc(p + "list", TAG, "List jobs newest first, filtered and paged", JobListRequestBody.class, JobReadList.class,
            (body, call) -> JobReads.list(jobs.list(JobReads.listing(body)))),
        rpc(p + "get", TAG, "Get a job with its attempts, their stats and logs", JobIdRequestBody.class,
            JobInfoRead.class, (body, call) -> JobReads.info(jobs.get(body.id()))),
        rpc(p + "get_light", TAG, "Get a job without its attempts", JobIdRequestBody.class, JobInfoLightRead.class,
            (body, call) -> new JobInfoLightRead(JobReads.light(jobs.getLight(body.id())))),
        rpc(p + "get_last_replication_job", TAG, "Get a connection's newest sync or reset job", ConnectionIdRequestBody.class,
            JobOptionalRead.class, (body, call) -> new JobOptionalRead(jobs.lastReplicationJob(body.connectionId())
                .map(JobReads::light).orElse(null))),
        rpc(p + "cancel", TAG, "Cancel a pending or running job", JobIdRequestBody.class, JobInfoRead.class,
            (body, call) -> JobReads.info(jobs.cancel(body.id()))),
        rpc(p + "get_debug_info", TAG, "Get a job with its attempts and the definitions that ran it", JobIdRequestBody.class,
            JobDebugInfoRead.class, (body, call) -> JobReads.debug(jobs.debugInfo(body.id()))),
        rpc(p + "get_normalization_status", TAG, "Per attempt, what normalization did: Gale runs none, so it never failed",
            JobIdRequestBody.class, AttemptNormalizationStatusReadList.class,
            (body, call) -> JobReads.normalizationStatuses(jobs.getWithoutLogs(body.id()))));
  }
}
