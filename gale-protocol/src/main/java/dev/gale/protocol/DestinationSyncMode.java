package dev.gale.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a destination applies what it receives to what it already holds. */
public enum DestinationSyncMode {
  APPEND("append"),
  OVERWRITE("overwrite"),
  APPEND_DEDUP("append_dedup"),
  UPDATE("update"),
  SOFT_DELETE("soft_delete");

  private final String value;

  DestinationSyncMode(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  @JsonCreator
  public static DestinationSyncMode fromValue(String value) {
    return ProtocolEnums.byValue(DestinationSyncMode.class, value, DestinationSyncMode::value);
  }

  @Override
  public String toString() {
    return value;
  }
}
