package dev.gale.server.service.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ScheduleData.ConnectionSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleData;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleDataBasicSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleDataCron;
import dev.gale.server.domain.ScheduleTimeUnit;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.service.connection.CronExpressions.MalformedCronException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A connection's schedule in Airbyte's two forms: {@code scheduleType} with {@code scheduleData} (manual, basic,
 * cron), and the legacy {@code schedule} that older clients send and read, which is a basic schedule.
 */
final class ConnectionSchedules {
  private ConnectionSchedules() {}

  /** A schedule as stored: the type and Airbyte's {@code ConnectionScheduleData} (null for manual). */
  record Schedule(ScheduleType type, JsonNode data) {
    static final Schedule MANUAL = new Schedule(ScheduleType.MANUAL, null);
  }

  /**
   * The schedule a request asks for; empty when it names none. {@code scheduleType} decides; the legacy
   * {@code schedule} alone means a basic schedule, and given with a schedule type it must say the same.
   */
  static Optional<Schedule> requested(ConnectionSchedule legacy, ScheduleType type, ConnectionScheduleData data) {
    if (type == null) {
      if (data != null) {
        throw new InvalidInputException("scheduleType", null,
            "scheduleData needs a scheduleType (basic or cron) saying how to read it");
      }
      return Optional.ofNullable(legacy).map(s -> basic(s.timeUnit(), s.units(), "schedule"));
    }
    Schedule schedule = switch (type) {
      case MANUAL -> {
        if (data != null) {
          throw new InvalidInputException("scheduleData", null, "A manual connection has no scheduleData; leave it out");
        }
        yield Schedule.MANUAL;
      }
      case BASIC_SCHEDULE -> {
        if (data == null || data.basicSchedule() == null) {
          throw new InvalidInputException("scheduleData.basicSchedule", null,
              "scheduleType basic needs scheduleData.basicSchedule {timeUnit, units}");
        }
        yield basic(data.basicSchedule().timeUnit(), data.basicSchedule().units(), "scheduleData.basicSchedule");
      }
      case CRON -> cron(data == null ? null : data.cron());
    };
    if (legacy != null && !basic(legacy.timeUnit(), legacy.units(), "schedule").equals(schedule)) {
      throw new InvalidInputException("schedule", null,
          "The legacy schedule disagrees with scheduleType and scheduleData; send one or the other");
    }
    return Optional.of(schedule);
  }

  /**
   * The schedule an update asks for, given the stored one. Clients read a connection, change one of its forms and
   * send the whole body back (Airbyte's API guide changes {@code schedule.units}), so the other forms still say what
   * was stored: a form that says the same as the stored schedule was not changed and follows the one that was. Only
   * forms changed together must agree. Absent forms are unchanged.
   */
  static Schedule updated(Schedule stored, ConnectionSchedule legacy, ScheduleType type, ConnectionScheduleData data) {
    ConnectionSchedule newLegacy = legacy != null && !legacy.equals(legacy(stored)) ? legacy : null;
    ScheduleType newType = type != null && type != stored.type() ? type : null;
    ConnectionScheduleData newData = data != null && !data.equals(data(stored)) ? data : null;
    if (newType == null && newData == null) {
      return newLegacy == null ? stored : basic(newLegacy.timeUnit(), newLegacy.units(), "schedule");
    }
    if (newType == ScheduleType.BASIC_SCHEDULE && newData == null && newLegacy != null) {
      // The legacy schedule is a basic schedule's data.
      return basic(newLegacy.timeUnit(), newLegacy.units(), "schedule");
    }
    Schedule typed = requested(null, newType == null ? typeOf(newData, stored.type()) : newType, newData).orElseThrow();
    if (newLegacy != null) {
      Schedule fromLegacy = basic(newLegacy.timeUnit(), newLegacy.units(), "schedule");
      if (!fromLegacy.equals(typed)) {
        throw disagreement(fromLegacy, typed, newType != null, newData != null);
      }
    }
    return typed;
  }

  /** The type that scheduleData alone says: the one part it fills; the stored type when it fills none or both. */
  private static ScheduleType typeOf(ConnectionScheduleData data, ScheduleType stored) {
    if (data.basicSchedule() != null && data.cron() == null) {
      return ScheduleType.BASIC_SCHEDULE;
    }
    if (data.cron() != null && data.basicSchedule() == null) {
      return ScheduleType.CRON;
    }
    return stored;
  }

  private static InvalidInputException disagreement(Schedule fromLegacy, Schedule typed, boolean typeChanged,
                                                    boolean dataChanged) {
    List<String> fields = new ArrayList<>(List.of("schedule"));
    if (typeChanged) {
      fields.add("scheduleType");
    }
    if (dataChanged) {
      fields.add("scheduleData");
    }
    String message = ("%s were changed together and disagree: schedule says %s, %s says %s; change one of them and the "
        + "others follow").formatted(String.join(" and ", fields), describe(fromLegacy),
        String.join(" and ", fields.subList(1, fields.size())), describe(typed));
    return new InvalidInputException(message, fields.stream()
        .map(field -> new ValidationError(field, null, message)).toList());
  }

  private static String describe(Schedule schedule) {
    ConnectionScheduleData data = data(schedule);
    return switch (schedule.type()) {
      case MANUAL -> "manual";
      case BASIC_SCHEDULE -> "every %d %s".formatted(data.basicSchedule().units(), data.basicSchedule().timeUnit().name()
          .toLowerCase(Locale.ROOT));
      case CRON -> "cron '%s' in %s".formatted(data.cron().cronExpression(), data.cron().cronTimeZone());
    };
  }

  /** The legacy form of a connection's schedule: set for basic schedules only. */
  static ConnectionSchedule legacy(Connection connection) {
    return legacy(new Schedule(connection.scheduleType(), connection.scheduleData()));
  }

  static ConnectionScheduleData data(Connection connection) {
    return data(new Schedule(connection.scheduleType(), connection.scheduleData()));
  }

  private static ConnectionSchedule legacy(Schedule schedule) {
    if (schedule.type() != ScheduleType.BASIC_SCHEDULE) {
      return null;
    }
    ConnectionScheduleDataBasicSchedule basic = data(schedule).basicSchedule();
    return new ConnectionSchedule(basic.units(), basic.timeUnit());
  }

  private static ConnectionScheduleData data(Schedule schedule) {
    return schedule.data() == null ? null : Json.convert(schedule.data(), ConnectionScheduleData.class);
  }

  private static Schedule basic(ScheduleTimeUnit timeUnit, long units, String path) {
    if (units <= 0) {
      throw new InvalidInputException(path + ".units", units, "A schedule's units must be 1 or more, not " + units);
    }
    return new Schedule(ScheduleType.BASIC_SCHEDULE,
        Json.tree(new ConnectionScheduleData(new ConnectionScheduleDataBasicSchedule(timeUnit, units), null)));
  }

  private static Schedule cron(ConnectionScheduleDataCron cron) {
    if (cron == null) {
      throw new InvalidInputException("scheduleData.cron", null,
          "scheduleType cron needs scheduleData.cron {cronExpression, cronTimeZone}");
    }
    String quartz;
    try {
      quartz = CronExpressions.quartz(cron.cronExpression());
    } catch (MalformedCronException e) {
      throw new InvalidInputException("scheduleData.cron.cronExpression", cron.cronExpression(), e.getMessage());
    }
    try {
      ZoneId.of(cron.cronTimeZone());
    } catch (DateTimeException e) {
      throw new InvalidInputException("scheduleData.cron.cronTimeZone", cron.cronTimeZone(),
          "Unknown time zone '%s'; use an IANA id such as Europe/Paris or UTC".formatted(cron.cronTimeZone()));
    }
    return new Schedule(ScheduleType.CRON,
        Json.tree(new ConnectionScheduleData(null, new ConnectionScheduleDataCron(quartz, cron.cronTimeZone()))));
  }
}
