package dev.gale.server.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.http.Required;

/** {@code /api/v1/logs/get}: which log to read. */
public final class LogBodies {
  private LogBodies() {}

  /** The server's own log, or the scheduler's (its scheduler, workers and engine). */
  public enum LogType {
    @JsonProperty("server") SERVER,
    @JsonProperty("scheduler") SCHEDULER
  }

  public record LogsRequestBody(@Required LogType logType) {}
}
