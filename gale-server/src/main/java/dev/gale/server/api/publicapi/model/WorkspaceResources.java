package dev.gale.server.api.publicapi.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import dev.gale.protocol.Json;
import dev.gale.server.api.model.WorkspaceBodies.NotificationItem;
import dev.gale.server.api.model.WorkspaceBodies.NotificationSettings;
import dev.gale.server.api.model.WorkspaceBodies.NotificationType;
import dev.gale.server.api.model.WorkspaceBodies.SlackNotificationConfiguration;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceCreate;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceRead;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceUpdate;
import dev.gale.server.api.publicapi.PageRequest.Page;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code /api/public/v1/workspaces}: requests and answers, mapped onto the Config API's workspace bodies. */
public final class WorkspaceResources {
  private WorkspaceResources() {}

  /**
   * @param organizationId nullable: Gale's one organization
   * @param regionId Gale runs every workspace in one place: naming a region is refused
   */
  public record WorkspaceCreateRequest(@Required @MaxLength(TEXT) String name, UUID organizationId, NotificationsConfig notifications,
                                       UUID regionId) {
    public WorkspaceCreateRequest {
      refuseRegion(regionId);
    }

    public WorkspaceCreate toCreate() {
      return new WorkspaceCreate(name, null, null, null, null, null, null, null, null, organizationId,
          notifications == null ? null : notifications.toSettings("notifications"));
    }
  }

  /** What is absent stays as it is; a notification kind that is absent keeps its settings. */
  public record WorkspaceUpdateRequest(@MaxLength(TEXT) String name, NotificationsConfig notifications, UUID regionId) {
    public WorkspaceUpdateRequest {
      refuseRegion(regionId);
    }

    public WorkspaceUpdate toUpdate(UUID workspaceId) {
      return new WorkspaceUpdate(workspaceId, name, null, null, null, null, null, null, null, null, null,
          notifications == null ? null : notifications.toSettings("notifications"));
    }
  }

  /** @param dataResidency where the workspace's data is processed: Airbyte's geography ({@code auto}, {@code us}, {@code eu}) */
  public record WorkspaceResponse(@Required UUID workspaceId, @Required String name, @Required String dataResidency,
                                  @Required NotificationsConfig notifications) {
    public static WorkspaceResponse of(WorkspaceRead read) {
      return new WorkspaceResponse(read.workspaceId(), read.name(), Json.convert(read.defaultGeography(), String.class),
          NotificationsConfig.of(read.notificationSettings()));
    }
  }

  public record WorkspacesResponse(@Required List<WorkspaceResponse> data, String next, String previous) {
    public static WorkspacesResponse of(Page<WorkspaceRead> page) {
      return new WorkspacesResponse(page.data().stream().map(WorkspaceResponse::of).toList(), page.next(), page.previous());
    }
  }

  /**
   * The Public API's view of Airbyte's {@link NotificationSettings}: per kind of event, whether to email (Airbyte's
   * {@code customerio} channel) and whether to call a webhook (its {@code slack} channel, with the webhook's URL).
   */
  public record NotificationsConfig(NotificationConfig failure, NotificationConfig success,
                                    NotificationConfig connectionUpdate, NotificationConfig connectionUpdateActionRequired,
                                    NotificationConfig syncDisabled, NotificationConfig syncDisabledWarning) {
    /** Every kind, each off where nothing is set. */
    public static NotificationsConfig of(NotificationSettings settings) {
      NotificationSettings s = settings == null
          ? new NotificationSettings(null, null, null, null, null, null, null, null, null) : settings;
      return new NotificationsConfig(NotificationConfig.of(s.sendOnFailure()), NotificationConfig.of(s.sendOnSuccess()),
          NotificationConfig.of(s.sendOnConnectionUpdate()), NotificationConfig.of(s.sendOnConnectionUpdateActionRequired()),
          NotificationConfig.of(s.sendOnSyncDisabled()), NotificationConfig.of(s.sendOnSyncDisabledWarning()));
    }

    /** The settings of the kinds given; the others are left out (and so unchanged by an update). */
    public NotificationSettings toSettings(String property) {
      return new NotificationSettings(item(success, property + ".success"), item(failure, property + ".failure"),
          item(syncDisabled, property + ".syncDisabled"), item(syncDisabledWarning, property + ".syncDisabledWarning"),
          item(connectionUpdate, property + ".connectionUpdate"),
          item(connectionUpdateActionRequired, property + ".connectionUpdateActionRequired"), null, null, null);
    }

    private static NotificationItem item(NotificationConfig config, String property) {
      return config == null ? null : config.toItem(property);
    }
  }

  public record NotificationConfig(EmailNotificationConfig email, WebhookNotificationConfig webhook) {
    static NotificationConfig of(NotificationItem item) {
      List<NotificationType> types = item == null || item.notificationType() == null ? List.of() : item.notificationType();
      String url = item == null || item.slackConfiguration() == null ? null : item.slackConfiguration().webhook();
      return new NotificationConfig(new EmailNotificationConfig(types.contains(NotificationType.CUSTOMERIO)),
          new WebhookNotificationConfig(types.contains(NotificationType.SLACK), url));
    }

    NotificationItem toItem(String property) {
      boolean byEmail = email != null && Boolean.TRUE.equals(email.enabled());
      boolean byWebhook = webhook != null && Boolean.TRUE.equals(webhook.enabled());
      String url = webhook == null || webhook.url() == null || webhook.url().isBlank() ? null : webhook.url().strip();
      if (byWebhook && url == null) {
        throw new InvalidInputException(property + ".webhook.url", null,
            "'" + property + ".webhook.url' is required when the webhook is enabled");
      }
      List<NotificationType> types = new ArrayList<>();
      if (byEmail) {
        types.add(NotificationType.CUSTOMERIO);
      }
      if (byWebhook) {
        types.add(NotificationType.SLACK);
      }
      return new NotificationItem(types, url == null ? null : new SlackNotificationConfiguration(url), null);
    }
  }

  public record EmailNotificationConfig(Boolean enabled) {}

  /** @param url nullable while the webhook is off */
  public record WebhookNotificationConfig(Boolean enabled, String url) {}

  private static void refuseRegion(UUID regionId) {
    if (regionId != null) {
      throw new InvalidInputException("regionId", regionId,
          "Gale processes every workspace's data in one place and has no regions; leave 'regionId' out");
    }
  }
}
