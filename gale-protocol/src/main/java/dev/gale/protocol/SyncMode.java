package dev.gale.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a source reads a stream: everything every time, or only what changed since the last state. */
public enum SyncMode {
  FULL_REFRESH("full_refresh"),
  INCREMENTAL("incremental");

  private final String value;

  SyncMode(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  @JsonCreator
  public static SyncMode fromValue(String value) {
    return ProtocolEnums.byValue(SyncMode.class, value, SyncMode::value);
  }

  @Override
  public String toString() {
    return value;
  }
}
