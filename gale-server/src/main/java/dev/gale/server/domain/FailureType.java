package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The failure types of Airbyte's 2023 document. Newer ones (transient error, timeouts) are sent as
 * {@code system_error} with {@code retryable} true, because clients generated from that document reject enum
 * values they do not know.
 */
public enum FailureType {
  @JsonProperty("config_error") CONFIG_ERROR,
  @JsonProperty("system_error") SYSTEM_ERROR,
  @JsonProperty("manual_cancellation") MANUAL_CANCELLATION,
  @JsonProperty("refresh_schema") REFRESH_SCHEMA
}
