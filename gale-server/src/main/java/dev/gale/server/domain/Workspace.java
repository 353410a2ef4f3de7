package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A workspace: the unit that owns sources, destinations, connections and operations.
 *
 * @param email nullable
 * @param notifications the legacy notification list as Airbyte's API sends it; nullable
 * @param notificationSettings Airbyte's {@code NotificationSettings}; nullable
 * @param webhookOperationConfigs the webhook configs (secrets already split out by the service); nullable
 */
public record Workspace(
    UUID id,
    UUID organizationId,
    String name,
    String slug,
    String email,
    boolean initialSetupComplete,
    boolean displaySetupWizard,
    boolean anonymousDataCollection,
    boolean news,
    boolean securityUpdates,
    JsonNode notifications,
    JsonNode notificationSettings,
    JsonNode webhookOperationConfigs,
    boolean firstCompletedSync,
    boolean feedbackDone,
    Geography defaultGeography,
    boolean tombstone,
    Instant createdAt,
    Instant updatedAt) {

  public Workspace {
    requireNonNull(id, "id is null");
    requireNonNull(organizationId, "organizationId is null");
    requireNonNull(name, "name is null");
    requireNonNull(slug, "slug is null");
    requireNonNull(defaultGeography, "defaultGeography is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }
}
