package dev.gale.server.domain;

import dev.gale.server.http.Required;

/**
 * A connection's schedule in Airbyte's shapes, which are what Gale stores ({@link Connection#scheduleData()}) and what
 * the Config API reads and writes as they are: their names and fields are Airbyte's schema names.
 */
public final class ScheduleData {
  private ScheduleData() {}

  /** The legacy schedule: a basic schedule without a schedule type. */
  public record ConnectionSchedule(@Required Long units, @Required ScheduleTimeUnit timeUnit) {}

  /** Filled for the schedule type's own part only: {@code basicSchedule} for basic, {@code cron} for cron. */
  public record ConnectionScheduleData(ConnectionScheduleDataBasicSchedule basicSchedule, ConnectionScheduleDataCron cron) {}

  public record ConnectionScheduleDataBasicSchedule(@Required ScheduleTimeUnit timeUnit, @Required Long units) {}

  /**
   * A Quartz cron expression evaluated in a time zone (an IANA id such as {@code Europe/Paris}, or {@code UTC}); a Unix
   * (five-field) expression is taken too, and stored as its Quartz equivalent.
   */
  public record ConnectionScheduleDataCron(@Required String cronExpression, @Required String cronTimeZone) {}
}
