package dev.gale.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How many records a state message covers, as counted by the side that sends it. */
public record AirbyteStateStats(@JsonProperty("recordCount") Double recordCount,
                                @JsonProperty("rejectedRecordCount") Double rejectedRecordCount) {
  public static AirbyteStateStats of(long records) {
    return new AirbyteStateStats((double) records, null);
  }
}
