package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.JobBodies.InternalOperationResult;
import dev.gale.server.api.model.JobBodies.SaveAttemptSyncConfigRequestBody;
import dev.gale.server.api.model.JobBodies.SaveStatsRequestBody;
import dev.gale.server.api.model.JobBodies.SetWorkflowInAttemptRequestBody;
import dev.gale.server.http.Route;
import dev.gale.server.service.job.AttemptService;
import java.util.List;

/** {@code /api/v1/attempt/*}: Airbyte's internal endpoints through which workers report on attempts. */
public final class AttemptApi implements ApiModule {
  private static final String TAG = "attempt";
  private static final InternalOperationResult DONE = new InternalOperationResult(true);
  private final AttemptService attempts;

  public AttemptApi(AttemptService attempts) {
    this.attempts = attempts;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/attempt/";
    return List.of(
        rpc(p + "save_stats", TAG, "Set the stats of an attempt", SaveStatsRequestBody.class, InternalOperationResult.class,
            (body, call) -> {
              attempts.saveStats(body.jobId(), body.attemptNumber(), AttemptReports.counts(body.stats()),
                  AttemptReports.streamCounts(body.streamStats()));
              return DONE;
            }),
        rpc(p + "save_sync_config", TAG, "Keep the configuration an attempt runs with (secrets masked)",
            SaveAttemptSyncConfigRequestBody.class, InternalOperationResult.class, (body, call) -> {
              attempts.saveSyncConfig(body.jobId(), body.attemptNumber(), AttemptReports.syncConfig(body.syncConfig()));
              return DONE;
            }),
        rpc(p + "set_workflow_in_attempt", TAG, "Record the workflow that runs an attempt",
            SetWorkflowInAttemptRequestBody.class, InternalOperationResult.class, (body, call) -> {
              attempts.setWorkflow(body.jobId(), body.attemptNumber(), body.workflowId(), body.processingTaskQueue());
              return DONE;
            }));
  }
}
