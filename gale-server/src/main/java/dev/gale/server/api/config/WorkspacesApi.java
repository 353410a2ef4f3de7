package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.WorkspaceBodies.ConnectionIdRequestBody;
import dev.gale.server.api.model.WorkspaceBodies.ListWorkspacesInOrganizationRequestBody;
import dev.gale.server.api.model.WorkspaceBodies.OrganizationIdRequestBody;
import dev.gale.server.api.model.WorkspaceBodies.OrganizationInfoRead;
import dev.gale.server.api.model.WorkspaceBodies.SlugRequestBody;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceCreate;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceGiveFeedback;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceIdRequestBody;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceRead;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceReadList;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceUpdate;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceUpdateName;
import dev.gale.server.http.Route;
import dev.gale.server.service.workspace.OrganizationService;
import dev.gale.server.service.workspace.WorkspaceService;
import java.util.List;

/** {@code /api/v1/workspaces/*}. */
public final class WorkspacesApi implements ApiModule {
  private static final String TAG = "workspace";
  private final WorkspaceService workspaces;
  private final OrganizationService organizations;

  public WorkspacesApi(WorkspaceService workspaces, OrganizationService organizations) {
    this.workspaces = workspaces;
    this.organizations = organizations;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/workspaces/";
    return List.of(
        rpc(p + "create", TAG, "Create a workspace", WorkspaceCreate.class, WorkspaceRead.class,
            (body, call) -> WorkspaceReads.read(workspaces.create(WorkspaceReads.newWorkspace(body)))),
        rpc(p + "delete", TAG, "Delete a workspace and what it owns", WorkspaceIdRequestBody.class, Void.class,
            (body, call) -> {
              workspaces.delete(body.workspaceId());
              return null;
            }),
        rpc(p + "list", TAG, "List workspaces", null, WorkspaceReadList.class,
            (body, call) -> new WorkspaceReadList(WorkspaceReads.list(workspaces.list()))),
        rpc(p + "get", TAG, "Get a workspace", WorkspaceIdRequestBody.class, WorkspaceRead.class,
            (body, call) -> WorkspaceReads.read(workspaces.live(body.workspaceId()))),
        rpc(p + "get_by_slug", TAG, "Find a workspace by its slug", SlugRequestBody.class, WorkspaceRead.class,
            (body, call) -> WorkspaceReads.read(workspaces.getBySlug(body.slug()))),
        rpc(p + "get_by_connection_id", TAG, "Find the workspace of a connection", ConnectionIdRequestBody.class,
            WorkspaceRead.class, (body, call) -> WorkspaceReads.read(workspaces.getByConnectionId(body.connectionId()))),
        rpc(p + "update", TAG, "Update a workspace", WorkspaceUpdate.class, WorkspaceRead.class,
            (body, call) -> WorkspaceReads.read(workspaces.update(WorkspaceReads.changes(body)))),
        rpc(p + "update_name", TAG, "Rename a workspace", WorkspaceUpdateName.class, WorkspaceRead.class,
            (body, call) -> WorkspaceReads.read(workspaces.updateName(body.workspaceId(), body.name()))),
        rpc(p + "get_organization_info", TAG, "What every member may know of a workspace's organization",
            WorkspaceIdRequestBody.class, OrganizationInfoRead.class,
            (body, call) -> OrganizationInfoRead.of(organizations.ofWorkspace(body.workspaceId()))),
        rpc("/api/v1/organizations/get_organization_info", "organization", "What every member may know of an organization",
            OrganizationIdRequestBody.class, OrganizationInfoRead.class,
            (body, call) -> OrganizationInfoRead.of(organizations.get(body.organizationId()))),
        rpc(p + "list_by_organization_id", TAG, "List an organization's workspaces, by name",
            ListWorkspacesInOrganizationRequestBody.class, WorkspaceReadList.class,
            (body, call) -> new WorkspaceReadList(WorkspaceReads.list(organizations.workspaces(body.organizationId(),
                body.nameContains(), body.pagination() == null ? null : body.pagination().pageSize(),
                body.pagination() == null ? null : body.pagination().rowOffset())))),
        rpc(p + "tag_feedback_status_as_done", TAG, "Record that feedback was given", WorkspaceGiveFeedback.class,
            Void.class, (body, call) -> {
              workspaces.markFeedbackDone(body.workspaceId());
              return null;
            }));
  }
}
