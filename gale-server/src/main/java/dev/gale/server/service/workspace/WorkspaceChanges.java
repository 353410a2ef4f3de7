package dev.gale.server.service.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Geography;
import dev.gale.server.service.workspace.WorkspaceService.WebhookWrite;
import java.util.List;
import java.util.UUID;

/**
 * What an update changes in a workspace: every other component is nullable, and null keeps the stored value.
 *
 * @param notifications Airbyte's {@code Notification} list as JSON
 * @param notificationSettings Airbyte's {@code NotificationSettings} as JSON; each item sent replaces the stored one
 */
public record WorkspaceChanges(UUID workspaceId, String name, String email, Boolean initialSetupComplete,
                               Boolean displaySetupWizard, Boolean anonymousDataCollection, Boolean news,
                               Boolean securityUpdates, JsonNode notifications, Geography defaultGeography,
                               List<WebhookWrite> webhookConfigs, JsonNode notificationSettings) {

  static WorkspaceChanges name(UUID workspaceId, String name) {
    return new WorkspaceChanges(workspaceId, name, null, null, null, null, null, null, null, null, null, null);
  }
}
