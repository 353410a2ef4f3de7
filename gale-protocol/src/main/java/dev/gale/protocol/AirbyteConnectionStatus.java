package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code check}: whether a connector can work with a configuration, and if not, why. */
public record AirbyteConnectionStatus(@JsonProperty(value = "status", required = true) Status status,
                                      @JsonProperty("message") String message) {
  public AirbyteConnectionStatus {
    requireNonNull(status, "status is null");
  }

  public enum Status { SUCCEEDED, FAILED }

  public static AirbyteConnectionStatus succeeded() {
    return new AirbyteConnectionStatus(Status.SUCCEEDED, null);
  }

  public static AirbyteConnectionStatus failed(String message) {
    return new AirbyteConnectionStatus(Status.FAILED, requireNonNull(message, "message is null"));
  }

  @JsonIgnore
  public boolean isSucceeded() {
    return status == Status.SUCCEEDED;
  }
}
