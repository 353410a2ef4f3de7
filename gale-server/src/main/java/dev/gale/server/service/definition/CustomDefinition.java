package dev.gale.server.service.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A custom definition to add, as a client names it; checked when it is created.
 *
 * @param icon nullable
 * @param resourceRequirements nullable
 */
public record CustomDefinition(String name, String dockerRepository, String dockerImageTag, String documentationUrl,
                               String icon, JsonNode resourceRequirements) {}
