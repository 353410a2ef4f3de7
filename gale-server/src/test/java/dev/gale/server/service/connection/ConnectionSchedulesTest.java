package dev.gale.server.service.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.protocol.Json;
import dev.gale.server.domain.ScheduleData.ConnectionSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleData;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleDataBasicSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleDataCron;
import dev.gale.server.domain.ScheduleTimeUnit;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.service.connection.ConnectionSchedules.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionSchedulesTest {
  private static final ConnectionScheduleData DAILY = basicData(ScheduleTimeUnit.HOURS, 24);
  private static final Schedule STORED_DAILY = schedule(ScheduleType.BASIC_SCHEDULE, DAILY);
  private static final ConnectionScheduleData NOON = new ConnectionScheduleData(null,
      new ConnectionScheduleDataCron("0 0 12 * * ?", "UTC"));
  private static final Schedule STORED_NOON = schedule(ScheduleType.CRON, NOON);

  @Test
  void theWholeBodyWithAChangedLegacyScheduleTakesIt() {
    // The API guide's read-modify-write: scheduleType and scheduleData still say what was stored.
    Schedule updated = ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 12),
        ScheduleType.BASIC_SCHEDULE, DAILY);

    assertThat(updated).isEqualTo(schedule(ScheduleType.BASIC_SCHEDULE, basicData(ScheduleTimeUnit.HOURS, 12)));
    assertThat(ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.DAYS, 24), ScheduleType.BASIC_SCHEDULE, DAILY))
        .isEqualTo(schedule(ScheduleType.BASIC_SCHEDULE, basicData(ScheduleTimeUnit.DAYS, 24)));
  }

  @Test
  void theWholeBodyWithChangedScheduleDataTakesIt() {
    ConnectionScheduleData sixHours = basicData(ScheduleTimeUnit.HOURS, 6);

    assertThat(ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 24), ScheduleType.BASIC_SCHEDULE, sixHours))
        .isEqualTo(schedule(ScheduleType.BASIC_SCHEDULE, sixHours));
    // The data alone says its type: a cron replaces the stored basic schedule whose legacy form came along.
    assertThat(ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 24), ScheduleType.BASIC_SCHEDULE, NOON))
        .isEqualTo(STORED_NOON);
  }

  @Test
  void aChangedScheduleTypeTakesWhatTheStaleFormsCannotSay() {
    assertThat(ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 24), ScheduleType.MANUAL, DAILY))
        .isEqualTo(Schedule.MANUAL);
    // From cron to basic, the new legacy schedule is the basic schedule's data.
    assertThat(ConnectionSchedules.updated(STORED_NOON, legacy(ScheduleTimeUnit.MINUTES, 30), ScheduleType.BASIC_SCHEDULE, NOON))
        .isEqualTo(schedule(ScheduleType.BASIC_SCHEDULE, basicData(ScheduleTimeUnit.MINUTES, 30)));
    assertThatThrownBy(() -> ConnectionSchedules.updated(STORED_DAILY, null, ScheduleType.CRON, DAILY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(paths(e)).containsExactly("scheduleData.cron"));
  }

  @Test
  void formsChangedTogetherMustAgree() {
    ConnectionScheduleData twelveHours = basicData(ScheduleTimeUnit.HOURS, 12);
    assertThat(ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 12), ScheduleType.BASIC_SCHEDULE,
        twelveHours)).isEqualTo(schedule(ScheduleType.BASIC_SCHEDULE, twelveHours));

    assertThatThrownBy(() -> ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 12),
        ScheduleType.BASIC_SCHEDULE, basicData(ScheduleTimeUnit.HOURS, 6)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(paths(e)).containsExactly("schedule", "scheduleData");
          assertThat(e.getMessage()).contains("every 12 hours", "every 6 hours");
        });
    assertThatThrownBy(() -> ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 12), ScheduleType.CRON, NOON))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(paths(e)).containsExactly("schedule", "scheduleType", "scheduleData"));
    assertThatThrownBy(() -> ConnectionSchedules.updated(STORED_NOON, legacy(ScheduleTimeUnit.HOURS, 1), ScheduleType.MANUAL, null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(paths(e)).containsExactly("schedule", "scheduleType"));
  }

  @Test
  void whatSaysTheStoredScheduleOrIsAbsentKeepsIt() {
    assertThat(ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 24), ScheduleType.BASIC_SCHEDULE, DAILY))
        .isEqualTo(STORED_DAILY);
    assertThat(ConnectionSchedules.updated(STORED_NOON, null, null, null)).isEqualTo(STORED_NOON);
    assertThat(ConnectionSchedules.updated(Schedule.MANUAL, null, ScheduleType.MANUAL, null)).isEqualTo(Schedule.MANUAL);
  }

  @Test
  void aChangedScheduleIsStillChecked() {
    assertThatThrownBy(() -> ConnectionSchedules.updated(STORED_DAILY, legacy(ScheduleTimeUnit.HOURS, 0), null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(paths(e)).containsExactly("schedule.units"));
    ConnectionScheduleData unix = new ConnectionScheduleData(null, new ConnectionScheduleDataCron("0 0 * * 7", "UTC"));
    assertThat(ConnectionSchedules.updated(STORED_NOON, null, ScheduleType.CRON, unix)).isEqualTo(schedule(ScheduleType.CRON,
        new ConnectionScheduleData(null, new ConnectionScheduleDataCron("0 0 0 ? * 1", "UTC"))));
  }

  @Test
  void onCreateTheLegacyScheduleMustSayWhatTheScheduleTypeSays() {
    assertThatThrownBy(() -> ConnectionSchedules.requested(legacy(ScheduleTimeUnit.HOURS, 12), ScheduleType.BASIC_SCHEDULE, DAILY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(paths(e)).containsExactly("schedule"));
    assertThat(ConnectionSchedules.requested(legacy(ScheduleTimeUnit.HOURS, 24), ScheduleType.BASIC_SCHEDULE, DAILY))
        .contains(STORED_DAILY);
  }

  private static ConnectionScheduleData basicData(ScheduleTimeUnit unit, long units) {
    return new ConnectionScheduleData(new ConnectionScheduleDataBasicSchedule(unit, units), null);
  }

  private static ConnectionSchedule legacy(ScheduleTimeUnit unit, long units) {
    return new ConnectionSchedule(units, unit);
  }

  private static Schedule schedule(ScheduleType type, ConnectionScheduleData data) {
    return new Schedule(type, Json.tree(data));
  }

  private static List<String> paths(InvalidInputException e) {
    return e.errors().stream().map(ValidationError::propertyPath).toList();
  }
}
