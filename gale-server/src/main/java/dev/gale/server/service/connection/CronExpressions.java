package dev.gale.server.service.connection;

import com.cronutils.mapper.CronMapper;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cron expressions as clients write them. Airbyte evaluates cron schedules with Quartz (seconds first, '?' for a free
 * day field), and that is what Gale stores and shows; clients such as PyAirbyte write the five-field Unix form
 * ({@code 0 0 * * *}), which is taken and turned into its Quartz equivalent.
 */
public final class CronExpressions {
  static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  public static final String FORMS = "Give a Unix expression (minute hour day-of-month month day-of-week, such as '0 0 * * *' "
      + "for every day at midnight) or a Quartz one (seconds minutes hours day-of-month month day-of-week [year], "
      + "such as '0 0 0 * * ?')";
  // Quartz counts days of the week from 1 = Sunday; index i holds the number of DayOfWeek.of(i + 1), Monday first.
  private static final int[] QUARTZ_DAY = {2, 3, 4, 5, 6, 7, 1};

  private CronExpressions() {}

  /** Refused expression; the message says what is wrong and shows both accepted forms. */
  public static final class MalformedCronException extends IllegalArgumentException {
    private final String problem;

    MalformedCronException(String expression, String problem) {
      super("'%s' is not a cron expression: %s. %s".formatted(expression, problem, FORMS));
      this.problem = problem;
    }

    /** What is wrong, without the expression or the accepted forms. */
    public String problem() {
      return problem;
    }
  }

  /** The Quartz form of a Quartz (six or seven fields) or Unix (five fields) expression. */
  public static String quartz(String expression) {
    String trimmed = expression == null ? "" : expression.strip();
    int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    return switch (fields) {
      case 5 -> fromUnix(expression, trimmed);
      case 6, 7 -> {
        parsed(QUARTZ, expression, trimmed);
        yield trimmed;
      }
      default -> throw new MalformedCronException(expression, "it has " + fields + " fields, not 5 (Unix) or 6 to 7 (Quartz)");
    };
  }

  private static String fromUnix(String expression, String trimmed) {
    Cron unix = parsed(UNIX, expression, trimmed);
    boolean anyDayOfMonth = unix.retrieve(CronFieldName.DAY_OF_MONTH).getExpression().asString().equals("*");
    boolean anyDayOfWeek = unix.retrieve(CronFieldName.DAY_OF_WEEK).getExpression().asString().equals("*");
    // Unix fires when either restricted day field matches; Quartz cannot say "or" and refuses both.
    if (!anyDayOfMonth && !anyDayOfWeek) {
      throw new MalformedCronException(expression, "Quartz cannot run on a day of the month or a day of the week, "
          + "so one of the two day fields must be *");
    }
    List<String> words = new ArrayList<>(Arrays.asList(CronMapper.fromUnixToQuartz().map(unix).asString().split(" ")));
    // The mapper adds a year field '*', which says nothing; Airbyte's examples have six fields.
    if (words.size() == 7 && words.get(6).equals("*")) {
      words.remove(6);
    }
    if (!anyDayOfWeek) {
      words.set(5, quartzDays(unix));
    }
    String quartz = String.join(" ", words);
    parsed(QUARTZ, expression, quartz);
    return quartz;
  }

  /**
   * The Quartz day-of-week field that names the same days as the Unix expression's. Unix counts 0 or 7 = Sunday,
   * Quartz 1 = Sunday; the mapper shifts plain numbers but not a step's start ({@code 1/2} runs on Sundays too in
   * Unix), so the days are read off the Unix day-of-week field itself, over one week, and listed (runs as ranges).
   */
  private static String quartzDays(Cron unix) {
    // Only the day field: the other fields (a month, say) could keep the sample week from matching at all.
    String days = unix.retrieve(CronFieldName.DAY_OF_WEEK).getExpression().asString();
    ExecutionTime execution = ExecutionTime.forCron(UNIX.parse("0 0 * * " + days));
    boolean[] matches = new boolean[8];
    ZonedDateTime monday = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < 7; i++) {
      ZonedDateTime day = monday.plusDays(i);
      boolean matched = execution.nextExecution(day.minusNanos(1)).filter(next -> next.toLocalDate().equals(day.toLocalDate()))
          .isPresent();
      matches[QUARTZ_DAY[DayOfWeek.from(day).getValue() - 1]] = matched;
    }
    List<String> runs = new ArrayList<>();
    for (int first = 1; first <= 7; first++) {
      if (!matches[first]) {
        continue;
      }
      int last = first;
      while (last < 7 && matches[last + 1]) {
        last++;
      }
      runs.add(first == last ? String.valueOf(first) : first + "-" + last);
      first = last;
    }
    return String.join(",", runs);
  }

  private static Cron parsed(CronParser parser, String expression, String cron) {
    try {
      Cron parsed = parser.parse(cron);
      parsed.validate();
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new MalformedCronException(expression, e.getMessage());
    }
  }
}
