package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.patch;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.config.WorkspaceReads;
import dev.gale.server.api.publicapi.model.WorkspaceResources.WorkspaceCreateRequest;
import dev.gale.server.api.publicapi.model.WorkspaceResources.WorkspaceResponse;
import dev.gale.server.api.publicapi.model.WorkspaceResources.WorkspaceUpdateRequest;
import dev.gale.server.api.publicapi.model.WorkspaceResources.WorkspacesResponse;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.http.Route;
import dev.gale.server.service.workspace.WorkspaceService;
import java.util.List;
import java.util.UUID;

/** The Public API's workspaces, mapped onto {@link WorkspaceService}. */
public final class WorkspacesPublicApi implements ApiModule {
  private static final String TAG = "public_workspaces";
  private final WorkspaceService workspaces;

  public WorkspacesPublicApi(WorkspaceService workspaces) {
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        get("/workspaces", TAG, "List workspaces", WorkspacesResponse.class, (body, call) -> {
          PageRequest page = PageRequest.of(call);
          return WorkspacesResponse.of(page.fromOverfetched(WorkspaceReads.list(workspaces.list(call.queryUuids("workspaceIds"),
              call.queryBoolean("includeDeleted", false), page.overfetchLimit(), page.offset())), call));
        }).withQuery(PageRequest.PARAMETERS).withQuery(QueryParameter.uuids("workspaceIds"),
            QueryParameter.bool("includeDeleted")),
        post("/workspaces", TAG, "Create a workspace", WorkspaceCreateRequest.class, WorkspaceResponse.class,
            (body, call) -> WorkspaceResponse.of(WorkspaceReads.read(workspaces.create(WorkspaceReads.newWorkspace(body.toCreate()))))),
        get("/workspaces/{workspaceId}", TAG, "Get a workspace", WorkspaceResponse.class,
            (body, call) -> WorkspaceResponse.of(WorkspaceReads.read(workspaces.live(workspaceId(call))))),
        patch("/workspaces/{workspaceId}", TAG, "Rename a workspace or change its notifications",
            WorkspaceUpdateRequest.class, WorkspaceResponse.class,
            (body, call) -> WorkspaceResponse.of(WorkspaceReads.read(workspaces.update(WorkspaceReads.changes(body.toUpdate(workspaceId(call))))))),
        delete("/workspaces/{workspaceId}", TAG, "Delete a workspace and what it owns", (body, call) -> {
          workspaces.delete(workspaceId(call));
          return null;
        }));
  }

  private static UUID workspaceId(Call call) {
    return PublicRoutes.pathId(call, "workspaceId", "workspace");
  }
}
