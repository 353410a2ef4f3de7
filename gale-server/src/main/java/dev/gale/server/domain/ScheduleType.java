package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a connection's schedule data is read. Airbyte's own database calls the middle value {@code basic_schedule},
 * but its API says {@code basic}; the API value is the one on the wire and in Gale's store.
 */
public enum ScheduleType {
  @JsonProperty("manual") MANUAL,
  @JsonProperty("basic") BASIC_SCHEDULE,
  @JsonProperty("cron") CRON
}
