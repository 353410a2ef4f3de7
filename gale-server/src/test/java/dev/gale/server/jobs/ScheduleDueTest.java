package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.Json;
import dev.gale.server.domain.ScheduleType;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleDueTest {
  private static final Instant CREATED = Instant.parse("2025-03-10T08:15:30Z");

  @Test
  void aBasicScheduleIsDueAtOnceAndThenEveryIntervalAfterTheLastJob() {
    var everyTwoHours = Json.parse("{\"basicSchedule\": {\"timeUnit\": \"hours\", \"units\": 2}}");
    Instant lastJob = Instant.parse("2025-03-10T09:00:00Z");

    assertThat(ScheduleDue.next(ScheduleType.BASIC_SCHEDULE, everyTwoHours, CREATED, Optional.empty())).contains(CREATED);
    assertThat(ScheduleDue.next(ScheduleType.BASIC_SCHEDULE, everyTwoHours, CREATED, Optional.of(lastJob)))
        .contains(Instant.parse("2025-03-10T11:00:00Z"));
  }

  @Test
  void weeksAndMonthsFollowTheCalendar() {
    Instant lastJob = Instant.parse("2025-01-31T06:00:00Z");

    assertThat(ScheduleDue.next(ScheduleType.BASIC_SCHEDULE, Json.parse("{\"basicSchedule\": {\"timeUnit\": \"weeks\", \"units\": 1}}"),
        CREATED, Optional.of(lastJob))).contains(Instant.parse("2025-02-07T06:00:00Z"));
    assertThat(ScheduleDue.next(ScheduleType.BASIC_SCHEDULE, Json.parse("{\"basicSchedule\": {\"timeUnit\": \"months\", \"units\": 1}}"),
        CREATED, Optional.of(lastJob))).as("the last day of February").contains(Instant.parse("2025-02-28T06:00:00Z"));
  }

  @Test
  void aCronScheduleIsDueAtTheNextMatchInItsTimeZone() {
    // Every day at 02:00 in Paris, which is 01:00 UTC in winter.
    var nightly = Json.parse("{\"cron\": {\"cronExpression\": \"0 0 2 * * ?\", \"cronTimeZone\": \"Europe/Paris\"}}");

    assertThat(ScheduleDue.next(ScheduleType.CRON, nightly, CREATED, Optional.empty()))
        .contains(Instant.parse("2025-03-11T01:00:00Z"));
    assertThat(ScheduleDue.next(ScheduleType.CRON, nightly, CREATED, Optional.of(Instant.parse("2025-03-11T01:00:02Z"))))
        .contains(Instant.parse("2025-03-12T01:00:00Z"));
  }

  @Test
  void aCronConvertedFromUnixIsDueOnTheUnixDays() {
    // What Gale stores for the Unix '30 2 * * 5-7' (Friday to Sunday at 02:30): Quartz counts Sunday as 1.
    var weekend = Json.parse("{\"cron\": {\"cronExpression\": \"0 30 2 ? * 1,6-7\", \"cronTimeZone\": \"UTC\"}}");
    Instant monday = Instant.parse("2025-03-10T08:15:30Z");

    assertThat(ScheduleDue.next(ScheduleType.CRON, weekend, monday, Optional.empty()))
        .contains(Instant.parse("2025-03-14T02:30:00Z"));
    assertThat(ScheduleDue.next(ScheduleType.CRON, weekend, monday, Optional.of(Instant.parse("2025-03-15T02:30:01Z"))))
        .as("Saturday's run, then Sunday's").contains(Instant.parse("2025-03-16T02:30:00Z"));
    assertThat(ScheduleDue.next(ScheduleType.CRON, weekend, monday, Optional.of(Instant.parse("2025-03-16T02:30:01Z"))))
        .as("Sunday's run, then next Friday's").contains(Instant.parse("2025-03-21T02:30:00Z"));
  }

  @Test
  void manualConnectionsAreNeverDue() {
    assertThat(ScheduleDue.next(ScheduleType.MANUAL, null, CREATED, Optional.empty())).isEmpty();
  }
}
