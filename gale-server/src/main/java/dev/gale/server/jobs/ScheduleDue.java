package dev.gale.server.jobs;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleData;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleDataBasicSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleDataCron;
import dev.gale.server.domain.ScheduleType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a scheduled connection's next sync is due. A basic schedule runs every N units after the start of the last
 * job (at once when there was none); a cron schedule runs at the first time its Quartz expression matches after the
 * last job started, or after the connection was created, in the schedule's time zone. Manual connections never are.
 */
final class ScheduleDue {
  private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
  /**
   * Parsed expressions: the scheduler asks for every scheduled connection at every tick, and parsing costs far more
   * than finding the next match. Deployments share a few expressions among many connections; the bound only guards
   * against a store full of distinct ones.
   */
  private static final Map<String, ExecutionTime> PARSED = new ConcurrentHashMap<>();
  private static final int MAX_PARSED = 10_000;

  private ScheduleDue() {}

  /**
   * @param lastJobCreatedAt when the connection's newest replication job was created; empty when it has none
   * @return when the next sync is due; empty when never
   */
  static Optional<Instant> next(ScheduleType type, JsonNode scheduleData, Instant connectionCreatedAt,
                                Optional<Instant> lastJobCreatedAt) {
    if (type == ScheduleType.MANUAL || scheduleData == null) {
      return Optional.empty();
    }
    ConnectionScheduleData data = Json.convert(scheduleData, ConnectionScheduleData.class);
    return switch (type) {
      case BASIC_SCHEDULE -> data.basicSchedule() == null ? Optional.empty()
          : Optional.of(lastJobCreatedAt.map(last -> after(last, data.basicSchedule())).orElse(connectionCreatedAt));
      case CRON -> data.cron() == null ? Optional.empty()
          : cron(data.cron(), lastJobCreatedAt.orElse(connectionCreatedAt));
      case MANUAL -> Optional.empty();
    };
  }

  private static Instant after(Instant last, ConnectionScheduleDataBasicSchedule basic) {
    ZonedDateTime start = last.atZone(ZoneOffset.UTC);
    // Months vary in length; a monthly schedule keeps the day of the month, as a calendar would.
    return switch (basic.timeUnit()) {
      case MINUTES -> last.plus(Duration.ofMinutes(basic.units()));
      case HOURS -> last.plus(Duration.ofHours(basic.units()));
      case DAYS -> last.plus(Duration.ofDays(basic.units()));
      case WEEKS -> last.plus(Duration.ofDays(7 * basic.units()));
      case MONTHS -> start.plusMonths(basic.units()).toInstant();
    };
  }

  private static Optional<Instant> cron(ConnectionScheduleDataCron cron, Instant after) {
    if (PARSED.size() >= MAX_PARSED) {
      PARSED.clear();
    }
    ExecutionTime execution = PARSED.computeIfAbsent(cron.cronExpression(),
        expression -> ExecutionTime.forCron(QUARTZ.parse(expression)));
    return execution.nextExecution(after.atZone(ZoneId.of(cron.cronTimeZone()))).map(ZonedDateTime::toInstant);
  }
}
