package dev.gale.server.service.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Geography;
import dev.gale.server.service.workspace.WorkspaceService.WebhookWrite;
import java.util.List;
import java.util.UUID;

/**
 * A workspace to create. Absent flags are false.
 *
 * @param notifications nullable: Airbyte's {@code Notification} list as JSON
 * @param notificationSettings nullable: Airbyte's {@code NotificationSettings} as JSON
 * @param organizationId nullable: Gale's organization
 */
public record NewWorkspace(String name, String email, Boolean anonymousDataCollection, Boolean news,
                           Boolean securityUpdates, JsonNode notifications, Boolean displaySetupWizard,
                           Geography defaultGeography, List<WebhookWrite> webhookConfigs, UUID organizationId,
                           JsonNode notificationSettings) {}
