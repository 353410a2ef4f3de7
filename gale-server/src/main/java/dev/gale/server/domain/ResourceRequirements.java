package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A connection's resource requirements, stored as the Config API sends them: Kubernetes-style quantities; blank means
 * unbounded.
 */
public record ResourceRequirements(@JsonProperty("cpu_request") String cpuRequest,
                                   @JsonProperty("cpu_limit") String cpuLimit,
                                   @JsonProperty("memory_request") String memoryRequest,
                                   @JsonProperty("memory_limit") String memoryLimit) {}
