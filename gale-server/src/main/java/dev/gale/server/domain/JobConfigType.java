package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** What a job does. */
public enum JobConfigType {
  @JsonProperty("check_connection_source") CHECK_CONNECTION_SOURCE,
  @JsonProperty("check_connection_destination") CHECK_CONNECTION_DESTINATION,
  @JsonProperty("discover_schema") DISCOVER_SCHEMA,
  @JsonProperty("get_spec") GET_SPEC,
  @JsonProperty("sync") SYNC,
  @JsonProperty("reset_connection") RESET_CONNECTION,
  @JsonProperty("refresh") REFRESH,
  @JsonProperty("clear") CLEAR;

  /** The types that move data or wipe it for a connection: the jobs a connection's job history shows. */
  public static final Set<JobConfigType> REPLICATION = Set.of(SYNC, RESET_CONNECTION, REFRESH, CLEAR);

  /**
   * Whether the job empties streams in the destination and forgets their state: a reset, or a clear (newer
   * Airbyte's name for the same work).
   */
  public boolean clearsData() {
    return this == RESET_CONNECTION || this == CLEAR;
  }
}
