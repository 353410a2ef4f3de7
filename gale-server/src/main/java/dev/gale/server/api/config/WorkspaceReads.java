package dev.gale.server.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.api.model.WorkspaceBodies.Notification;
import dev.gale.server.api.model.WorkspaceBodies.NotificationSettings;
import dev.gale.server.api.model.WorkspaceBodies.WebhookConfigRead;
import dev.gale.server.api.model.WorkspaceBodies.WebhookConfigWrite;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceCreate;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceRead;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceUpdate;
import dev.gale.server.domain.Workspace;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.service.workspace.NewWorkspace;
import dev.gale.server.service.workspace.WorkspaceChanges;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.service.workspace.WorkspaceService.WebhookWrite;
import java.util.ArrayList;
import java.util.List;

/** Maps workspaces to and from the Config API's bodies; the Public API's workspaces go through these too. */
public final class WorkspaceReads {
  private WorkspaceReads() {}

  public static WorkspaceRead read(Workspace w) {
    // Airbyte derives customerId from the workspace; Gale has no separate customer, so the id serves as both.
    return new WorkspaceRead(w.id(), w.id(), w.email(), w.name(), w.slug(), w.initialSetupComplete(), w.displaySetupWizard(),
        w.anonymousDataCollection(), w.news(), w.securityUpdates(), notifications(w.notifications()),
        w.firstCompletedSync(), w.feedbackDone(), w.defaultGeography(), webhooks(w),
        w.organizationId(), w.notificationSettings() == null ? null : Json.convert(w.notificationSettings(), NotificationSettings.class));
  }

  public static List<WorkspaceRead> list(List<Workspace> workspaces) {
    return workspaces.stream().map(WorkspaceReads::read).toList();
  }

  public static NewWorkspace newWorkspace(WorkspaceCreate request) {
    return new NewWorkspace(request.name(), request.email(), request.anonymousDataCollection(), request.news(),
        request.securityUpdates(), tree(request.notifications()), request.displaySetupWizard(), request.defaultGeography(),
        webhooks(request.webhookConfigs()), request.organizationId(), tree(request.notificationSettings()));
  }

  public static WorkspaceChanges changes(WorkspaceUpdate request) {
    return new WorkspaceChanges(request.workspaceId(), request.name(), request.email(), request.initialSetupComplete(),
        request.displaySetupWizard(), request.anonymousDataCollection(), request.news(), request.securityUpdates(),
        tree(request.notifications()), request.defaultGeography(), webhooks(request.webhookConfigs()),
        tree(request.notificationSettings()));
  }

  private static JsonNode tree(Object value) {
    return value == null ? null : Json.tree(value);
  }

  private static List<WebhookWrite> webhooks(List<WebhookConfigWrite> configs) {
    if (configs == null) {
      return null;
    }
    List<WebhookWrite> webhooks = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      WebhookConfigWrite config = configs.get(i);
      if (config == null) {
        throw new InvalidInputException("webhookConfigs[" + i + "]", null, "A webhook configuration is an object");
      }
      webhooks.add(new WebhookWrite(config.name(), config.authToken(), config.validationUrl()));
    }
    return webhooks;
  }

  private static List<Notification> notifications(JsonNode stored) {
    List<Notification> list = new ArrayList<>();
    if (stored != null) {
      stored.forEach(node -> list.add(Json.convert(node, Notification.class)));
    }
    return list;
  }

  private static List<WebhookConfigRead> webhooks(Workspace workspace) {
    return WorkspaceService.webhooks(workspace).stream()
        .map(webhook -> new WebhookConfigRead(webhook.id(), webhook.name())).toList();
  }
}
