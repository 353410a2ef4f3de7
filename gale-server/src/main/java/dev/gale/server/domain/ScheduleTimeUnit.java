package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The unit of a basic schedule's interval. */
public enum ScheduleTimeUnit {
  @JsonProperty("minutes") MINUTES,
  @JsonProperty("hours") HOURS,
  @JsonProperty("days") DAYS,
  @JsonProperty("weeks") WEEKS,
  @JsonProperty("months") MONTHS
}
