package dev.gale.server.api.publicapi;

import dev.gale.server.api.publicapi.model.JobResources.JobTypeEnum;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.service.job.JobFilter;
import dev.gale.server.store.JobOrder;
import dev.gale.server.store.JobQuery.TimeRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /jobs}: its filters ({@code connectionId}, {@code workspaceIds}, {@code jobType},
 * {@code status}, {@code createdAtStart/End}, {@code updatedAtStart/End}, every one given must hold) and
 * {@code orderBy}.
 */
final class JobListParameters {
  /** Airbyte's order when the request names none. */
  static final JobOrder DEFAULT_ORDER = new JobOrder(JobOrder.Field.CREATED_AT, true);
  /** The document's job statuses: Gale's six and {@code queued}. */
  private static final String QUEUED = "queued";
  private static final Pattern ORDER_BY = Pattern.compile("(\\w+)\\|(\\w+)");

  static final List<QueryParameter> PARAMETERS = parameters();

  private JobListParameters() {}

  private static List<QueryParameter> parameters() {
    List<String> statuses = new ArrayList<>(Arrays.stream(JobStatus.values()).map(JobListParameters::wire).toList());
    statuses.add(1, QUEUED);
    List<QueryParameter> parameters = new ArrayList<>(PageRequest.PARAMETERS);
    parameters.addAll(List.of(QueryParameter.uuid("connectionId"), QueryParameter.uuids("workspaceIds"),
        QueryParameter.oneOf("jobType", Arrays.stream(JobTypeEnum.values()).map(JobTypeEnum::wire).toList()),
        QueryParameter.oneOf("status", statuses),
        QueryParameter.dateTime("createdAtStart"), QueryParameter.dateTime("createdAtEnd"),
        QueryParameter.dateTime("updatedAtStart"), QueryParameter.dateTime("updatedAtEnd"),
        QueryParameter.string("orderBy")));
    return List.copyOf(parameters);
  }

  static JobFilter filter(Call call, PublicJobTypes types) {
    return new JobFilter(call.queryUuid("connectionId").orElse(null), Set.copyOf(call.queryUuids("workspaceIds")),
        call.query("jobType").map(type -> types.configTypesOf(JobTypeEnum.of(type).orElseThrow())).orElse(Set.of()),
        call.query("status").map(JobListParameters::statuses).orElse(Set.of()),
        new TimeRange(call.queryInstant("createdAtStart").orElse(null), call.queryInstant("createdAtEnd").orElse(null)),
        new TimeRange(call.queryInstant("updatedAtStart").orElse(null), call.queryInstant("updatedAtEnd").orElse(null)));
  }

  /** {@code createdAt|ASC}, {@code updatedAt|DESC}...: the field and the direction, each in any case. */
  static JobOrder order(Call call) {
    String raw = call.query("orderBy").orElse(null);
    if (raw == null) {
      return DEFAULT_ORDER;
    }
    Matcher matcher = ORDER_BY.matcher(raw.strip());
    if (matcher.matches()) {
      String direction = matcher.group(2).toUpperCase(Locale.ROOT);
      JobOrder.Field field = switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
        case "createdat" -> JobOrder.Field.CREATED_AT;
        case "updatedat" -> JobOrder.Field.UPDATED_AT;
        default -> null;
      };
      if (field != null && (direction.equals("ASC") || direction.equals("DESC"))) {
        return new JobOrder(field, direction.equals("ASC"));
      }
    }
    throw new BadRequestException("Query parameter orderBy must name createdAt or updatedAt, then | and ASC or DESC "
        + "(as in updatedAt|DESC), not '" + raw + "'");
  }

  /** Gale's jobs wait for a worker as {@code pending}: that is what the document's {@code queued} names. */
  private static Set<JobStatus> statuses(String wire) {
    return wire.equals(QUEUED) ? Set.of(JobStatus.PENDING)
        : Set.of(Arrays.stream(JobStatus.values()).filter(s -> wire(s).equals(wire)).findFirst().orElseThrow());
  }

  private static String wire(JobStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
