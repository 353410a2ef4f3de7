package dev.gale.server.api.model;

import dev.gale.server.domain.Geography;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/** Bodies of {@code /api/v1/workspaces/*}. */
public final class WorkspaceBodies {
  private WorkspaceBodies() {}

  public record WorkspaceCreate(@Required String name, String email, Boolean anonymousDataCollection, Boolean news,
                                Boolean securityUpdates, List<Notification> notifications, Boolean displaySetupWizard,
                                Geography defaultGeography, List<WebhookConfigWrite> webhookConfigs, UUID organizationId) {}

  public record WorkspaceUpdate(@Required UUID workspaceId, String name, String email, Boolean initialSetupComplete,
                                Boolean displaySetupWizard, Boolean anonymousDataCollection, Boolean news,
                                Boolean securityUpdates, List<Notification> notifications, Geography defaultGeography,
                                List<WebhookConfigWrite> webhookConfigs) {}

  public record WorkspaceUpdateName(@Required UUID workspaceId, @Required String name) {}

  public record WorkspaceGiveFeedback(@Required UUID workspaceId) {}

  public record WorkspaceIdRequestBody(@Required UUID workspaceId) {}

  public record SlugRequestBody(@Required String slug) {}

  public record ConnectionIdRequestBody(@Required UUID connectionId) {}

  public record WorkspaceRead(@Required UUID workspaceId, @Required UUID customerId, String email, @Required String name,
                              @Required String slug, @Required Boolean initialSetupComplete, Boolean displaySetupWizard,
                              Boolean anonymousDataCollection, Boolean news, Boolean securityUpdates,
                              List<Notification> notifications, Boolean firstCompletedSync, Boolean feedbackDone,
                              Geography defaultGeography, List<WebhookConfigRead> webhookConfigs, UUID organizationId) {}

  public record WorkspaceReadList(@Required List<WorkspaceRead> workspaces) {}

  public enum NotificationType {
    @com.fasterxml.jackson.annotation.JsonProperty("slack") SLACK,
    @com.fasterxml.jackson.annotation.JsonProperty("customerio") CUSTOMERIO
  }

  public record Notification(@Required NotificationType notificationType, @Required Boolean sendOnSuccess,
                             @Required Boolean sendOnFailure, SlackNotificationConfiguration slackConfiguration,
                             com.fasterxml.jackson.databind.node.ObjectNode customerioConfiguration) {}

  public record SlackNotificationConfiguration(@Required String webhook) {}

  /** A webhook as written: its auth token is a secret, stored encrypted and never read back. */
  public record WebhookConfigWrite(String name, String authToken, String validationUrl) {}

  public record WebhookConfigRead(@Required UUID id, String name) {}
}
