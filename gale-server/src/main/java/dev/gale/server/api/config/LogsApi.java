package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.LogBodies.LogsRequestBody;
import dev.gale.server.http.Route;
import dev.gale.server.logs.LogFiles;
import dev.gale.server.service.job.ServerLogService;
import java.util.List;

/** {@code /api/v1/logs/get}: the server's and the scheduler's logs, as text. */
public final class LogsApi implements ApiModule {
  private final ServerLogService logs;

  public LogsApi(ServerLogService logs) {
    this.logs = logs;
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(rpc("/api/v1/logs/get", "logs", "The end of the server's or the scheduler's log, secrets masked",
        LogsRequestBody.class, String.class, (body, call) -> logs.read(switch (body.logType()) {
          case SERVER -> LogFiles.Kind.SERVER;
          case SCHEDULER -> LogFiles.Kind.SCHEDULER;
        })).producing("text/plain"));
  }
}
