package dev.gale.server.api.publicapi;

import dev.gale.server.api.publicapi.model.ConnectionResources.AirbyteApiConnectionSchedule;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionScheduleResponse;
import dev.gale.server.api.publicapi.model.ConnectionResources.ScheduleTypeWithBasicEnum;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleData;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleDataBasicSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleDataCron;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.service.connection.CronExpressions.MalformedCronException;
import dev.gale.server.service.connection.CronExpressions;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Public API's schedule ({@code manual}, or {@code cron} with a Quartz or Unix expression, stored as Quartz) and the Config API's
 * {@code scheduleType} and {@code scheduleData} it stands for. Airbyte reads the expression in UTC, and writes it back
 * followed by its time zone ({@code 0 0 12 * * ? UTC}); Gale reads such a trailing time zone too, so that what a
 * client read it can send back. {@code ConnectionSchedules} checks the result as for any connection.
 */
final class PublicSchedules {
  private PublicSchedules() {}

  /** The Config API's form of a requested schedule. */
  record Requested(ScheduleType type, ConnectionScheduleData data) {}

  static Optional<Requested> requested(AirbyteApiConnectionSchedule schedule) {
    if (schedule == null) {
      return Optional.empty();
    }
    return Optional.of(switch (schedule.scheduleType()) {
      case MANUAL -> {
        if (schedule.cronExpression() != null && !schedule.cronExpression().isBlank()) {
          throw new BadRequestException("A manual schedule has no cronExpression; use scheduleType cron to sync by one");
        }
        yield new Requested(ScheduleType.MANUAL, null);
      }
      case CRON -> new Requested(ScheduleType.CRON, new ConnectionScheduleData(null, cron(schedule.cronExpression())));
    });
  }

  static ConnectionScheduleResponse response(ScheduleType type, ConnectionScheduleData data) {
    return switch (type) {
      case MANUAL -> new ConnectionScheduleResponse(ScheduleTypeWithBasicEnum.MANUAL, null, null);
      case CRON -> new ConnectionScheduleResponse(ScheduleTypeWithBasicEnum.CRON,
          data.cron().cronExpression() + " " + data.cron().cronTimeZone(), null);
      case BASIC_SCHEDULE -> new ConnectionScheduleResponse(ScheduleTypeWithBasicEnum.BASIC, null, basicTiming(data.basicSchedule()));
    };
  }

  /** Airbyte's wording, with the unit's constant name: {@code Every 24 HOURS}. */
  private static String basicTiming(ConnectionScheduleDataBasicSchedule basic) {
    return "Every " + basic.units() + " " + basic.timeUnit().name();
  }

  /**
   * An expression, with its trailing time zone when it has one (UTC otherwise), in Quartz or Unix form. A Quartz
   * expression has six or seven fields and none starts with a letter, so a seventh or eighth word that does is a time
   * zone; a sixth word is one when it names a zone (a Unix expression's), as no Quartz day of the week does.
   */
  private static ConnectionScheduleDataCron cron(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new BadRequestException("Missing cron expression in the schedule: scheduleType cron needs a cronExpression. "
          + CronExpressions.FORMS);
    }
    String[] words = expression.strip().split("\\s+");
    String zone = "UTC";
    if (endsWithZone(words)) {
      zone = zone(words[words.length - 1], expression);
      words = Arrays.copyOf(words, words.length - 1);
    }
    String cron;
    try {
      cron = CronExpressions.quartz(String.join(" ", words));
    } catch (MalformedCronException e) {
      throw new BadRequestException("The cron expression %s is not valid: %s. %s"
          .formatted(expression, e.problem(), CronExpressions.FORMS));
    }
    // Firing every second is no schedule; Airbyte refuses a seconds field that is not a plain number, and so does Gale.
    if (!cron.substring(0, cron.indexOf(' ')).chars().allMatch(Character::isDigit)) {
      throw new BadRequestException(("The cron expression %s is not valid: its first field (seconds) must be a number, "
          + "such as 0; a connection cannot sync every second").formatted(expression));
    }
    return new ConnectionScheduleDataCron(cron, zone);
  }

  private static boolean endsWithZone(String[] words) {
    String last = words[words.length - 1];
    if (words.length >= 7) {
      return Character.isLetter(last.charAt(0));
    }
    return words.length == 6 && (last.contains("/") || isZone(last));
  }

  private static boolean isZone(String word) {
    try {
      ZoneId.of(word);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String zone(String word, String expression) {
    try {
      return ZoneId.of(word).getId();
    } catch (DateTimeException e) {
      throw new BadRequestException("The cron expression %s ends with '%s', which is no time zone; use an IANA id such as UTC or Europe/Paris"
          .formatted(expression, word));
    }
  }
}
