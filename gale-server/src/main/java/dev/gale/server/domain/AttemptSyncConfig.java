package dev.gale.server.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The configuration an attempt runs with, as stored with it (the shape of Airbyte's {@code AttemptSyncConfig}):
 * both configurations with their secrets masked.
 *
 * @param state nullable: the connection's state as the Config API writes it
 */
public record AttemptSyncConfig(JsonNode sourceConfiguration, JsonNode destinationConfiguration, JsonNode state) {}
