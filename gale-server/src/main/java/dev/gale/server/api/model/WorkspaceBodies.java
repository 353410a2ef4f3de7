package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import dev.gale.server.domain.Geography;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import dev.gale.server.service.workspace.OrganizationService;
import java.util.List;
import java.util.UUID;

/** Bodies of {@code /api/v1/workspaces/*}. */
public final class WorkspaceBodies {
  private WorkspaceBodies() {}

  public record WorkspaceCreate(@Required @MaxLength(TEXT) String name,
                                @MaxLength(TEXT) String email, Boolean anonymousDataCollection, Boolean news,
                                Boolean securityUpdates, List<Notification> notifications, Boolean displaySetupWizard,
                                Geography defaultGeography, List<WebhookConfigWrite> webhookConfigs, UUID organizationId,
                                NotificationSettings notificationSettings) {}

  public record WorkspaceUpdate(@Required UUID workspaceId, @MaxLength(TEXT) String name,
                                @MaxLength(TEXT) String email, Boolean initialSetupComplete,
                                Boolean displaySetupWizard, Boolean anonymousDataCollection, Boolean news,
                                Boolean securityUpdates, List<Notification> notifications, Geography defaultGeography,
                                List<WebhookConfigWrite> webhookConfigs, NotificationSettings notificationSettings) {}

  public record WorkspaceUpdateName(@Required UUID workspaceId, @Required @MaxLength(TEXT) String name) {}

  public record WorkspaceGiveFeedback(@Required UUID workspaceId) {}

  public record WorkspaceIdRequestBody(@Required UUID workspaceId) {}

  public record SlugRequestBody(@Required String slug) {}

  public record ConnectionIdRequestBody(@Required UUID connectionId) {}

  public record WorkspaceRead(@Required UUID workspaceId, @Required UUID customerId, String email, @Required String name,
                              @Required String slug, @Required Boolean initialSetupComplete, Boolean displaySetupWizard,
                              Boolean anonymousDataCollection, Boolean news, Boolean securityUpdates,
                              List<Notification> notifications, Boolean firstCompletedSync, Boolean feedbackDone,
                              Geography defaultGeography, List<WebhookConfigRead> webhookConfigs, UUID organizationId,
                              NotificationSettings notificationSettings) {}

  public record WorkspaceReadList(@Required List<WorkspaceRead> workspaces) {}

  /** Without a pagination, every workspace of the organization whose name contains {@code nameContains}. */
  public record ListWorkspacesInOrganizationRequestBody(@Required UUID organizationId, JobBodies.Pagination pagination,
                                                        String nameContains) {}

  /** What every member of a workspace may know of its organization. Gale has neither SSO nor SCIM. */
  public record OrganizationIdRequestBody(@Required UUID organizationId) {}

  public record OrganizationInfoRead(@Required UUID organizationId, @Required String organizationName,
                                     @Required Boolean sso, @Required Boolean scim) {
    public static OrganizationInfoRead of(OrganizationService.Organization organization) {
      return new OrganizationInfoRead(organization.id(), organization.name(), false, false);
    }
  }

  public enum NotificationType {
    @com.fasterxml.jackson.annotation.JsonProperty("slack") SLACK,
    @com.fasterxml.jackson.annotation.JsonProperty("customerio") CUSTOMERIO
  }

  public record Notification(@Required NotificationType notificationType, @Required Boolean sendOnSuccess,
                             @Required Boolean sendOnFailure, SlackNotificationConfiguration slackConfiguration,
                             com.fasterxml.jackson.databind.node.ObjectNode customerioConfiguration) {}

  public record SlackNotificationConfiguration(@Required String webhook) {}

  /**
   * Which channels each kind of event notifies; Airbyte's newer form of {@link Notification}. An absent item
   * notifies nothing; in an update, an absent item keeps its value.
   */
  public record NotificationSettings(NotificationItem sendOnSuccess, NotificationItem sendOnFailure,
                                     NotificationItem sendOnSyncDisabled, NotificationItem sendOnSyncDisabledWarning,
                                     NotificationItem sendOnConnectionUpdate,
                                     NotificationItem sendOnConnectionUpdateActionRequired,
                                     NotificationItem sendOnBreakingChangeWarning,
                                     NotificationItem sendOnBreakingChangeSyncsDisabled,
                                     NotificationItem sendOnConnectionSyncQueued) {}

  /** The channels of one kind of event: {@code slack} posts to the webhook, {@code customerio} sends an email. */
  public record NotificationItem(List<NotificationType> notificationType, SlackNotificationConfiguration slackConfiguration,
                                 com.fasterxml.jackson.databind.node.ObjectNode customerioConfiguration) {}

  /** A webhook as written: its auth token is a secret, stored encrypted and never read back. */
  public record WebhookConfigWrite(String name, String authToken, String validationUrl) {}

  public record WebhookConfigRead(@Required UUID id, String name) {}
}
