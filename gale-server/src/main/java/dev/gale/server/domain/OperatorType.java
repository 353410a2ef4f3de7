package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of an operation attached to a connection. */
public enum OperatorType {
  @JsonProperty("normalization") NORMALIZATION,
  @JsonProperty("dbt") DBT,
  @JsonProperty("webhook") WEBHOOK
}
