package dev.gale.server.service.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.gale.server.service.connection.CronExpressions.MalformedCronException;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionsTest {
  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0 0 * * *         | 0 0 0 * * ?",
      "*/15 * * * *      | 0 */15 * * * ?",
      "30 2 1,15 * *     | 0 30 2 1,15 * ?",
      "5-10 */2 * 1-6 *  | 0 5-10 */2 * 1-6 ?",
      "0 12 * JAN,JUL *  | 0 0 12 * 1,7 ?",
      // Unix counts Sunday as 0 or 7, Quartz as 1.
      "30 2 * * 0        | 0 30 2 ? * 1",
      "30 2 * * 7        | 0 30 2 ? * 1",
      "0 9 * * 1-5       | 0 0 9 ? * 2-6",
      "0 9 * * MON-FRI   | 0 0 9 ? * 2-6",
      "0 9 * * 0,6       | 0 0 9 ? * 1,7",
      "0 9 * * SUN       | 0 0 9 ? * 1",
      // Friday to Sunday: written without wrapping round the end of Quartz's week.
      "0 0 * * 5-7       | 0 0 0 ? * 1,6-7",
      // Unix steps count from 0 (Sunday): Monday, Wednesday, Friday and Sunday.
      "0 0 * * 1/2       | 0 0 0 ? * 1-2,4,6",
      "0 0 * * */2       | 0 0 0 ? * 1,3,5,7",
  })
  void unixExpressionsBecomeTheirQuartzEquivalent(String unix, String quartz) {
    assertThat(CronExpressions.quartz(unix)).isEqualTo(quartz);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "30 2 * * 1-5",
      "0 0 * * 5-7",
      "0 0 * * 1/2",
      "0 9 * * 0,6",
      "15 */3 * * *",
  })
  void aConvertedExpressionFiresWhenTheUnixOneDoes(String unix) {
    // Over a fortnight, the times cron-utils' own Unix reading fires at are those of the Quartz expression.
    assertThat(firings(CronExpressions.QUARTZ.parse(CronExpressions.quartz(unix))))
        .isEqualTo(firings(UNIX.parse(unix)));
  }

  @Test
  void weekdaysAtHalfPastTwoRunOnMondayToFridayOnly() {
    List<ZonedDateTime> times = firings(CronExpressions.QUARTZ.parse(CronExpressions.quartz("30 2 * * 1-5")));
    assertThat(times).extracting(ZonedDateTime::getDayOfWeek).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
        .contains(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    assertThat(times).allSatisfy(time -> assertThat(time.toLocalTime()).hasToString("02:30"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 12 * * ?", "0 15 2 ? * MON-FRI", "0 0 12 ? * 2-6 2030"})
  void quartzExpressionsAreKeptAsGiven(String quartz) {
    assertThat(CronExpressions.quartz(quartz)).isEqualTo(quartz);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "* * * *               | 4 fields",
      "0 0 * * * * * *       | 8 fields",
      "0 0 * * * * *         | day-of-week",
      "a b c d e             | Invalid chars",
      "0 0 * * FUNDAY        | Invalid",
      "61 * * * *            | 61",
      "0 0 * * 8             | 8",
      "0 0 1 * 1             | one of the two day fields must be *",
      "0 0 25 * * ?          | 25",
  })
  void malformedExpressionsAreRefusedShowingBothForms(String expression, String problem) {
    assertThatThrownBy(() -> CronExpressions.quartz(expression)).isInstanceOf(MalformedCronException.class)
        .hasMessageContaining(problem).hasMessageContaining("'0 0 * * *'").hasMessageContaining("'0 0 0 * * ?'");
  }

  @Test
  void nothingIsNoExpression() {
    assertThatThrownBy(() -> CronExpressions.quartz(" ")).isInstanceOf(MalformedCronException.class)
        .hasMessageContaining("0 fields");
    assertThatThrownBy(() -> CronExpressions.quartz(null)).isInstanceOf(MalformedCronException.class);
  }

  private static List<ZonedDateTime> firings(Cron cron) {
    ExecutionTime execution = ExecutionTime.forCron(cron);
    List<ZonedDateTime> times = new ArrayList<>();
    ZonedDateTime time = ZonedDateTime.of(2025, 3, 2, 0, 0, 0, 0, ZoneOffset.UTC);
    ZonedDateTime end = time.plusDays(14);
    while ((time = execution.nextExecution(time).orElseThrow()).isBefore(end)) {
      times.add(time);
    }
    return times;
  }
}
