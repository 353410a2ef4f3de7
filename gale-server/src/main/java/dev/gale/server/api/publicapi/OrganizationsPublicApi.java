package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.patch;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.publicapi.model.OrganizationResources.OrganizationsResponse;
import dev.gale.server.api.publicapi.model.OrganizationResources.PermissionCreateRequest;
import dev.gale.server.api.publicapi.model.OrganizationResources.PermissionResponse;
import dev.gale.server.api.publicapi.model.OrganizationResources.PermissionUpdateRequest;
import dev.gale.server.api.publicapi.model.OrganizationResources.PermissionsResponse;
import dev.gale.server.api.publicapi.model.OrganizationResources.UsersResponse;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.http.Route;
import dev.gale.server.service.workspace.OrganizationService;
import java.util.List;
import java.util.UUID;

/** The Public API's organizations, users and permissions, as {@link OrganizationService} keeps them. */
public final class OrganizationsPublicApi implements ApiModule {
  private static final QueryParameter EMAILS = new QueryParameter("emails", QueryParameter.Kind.STRING, List.of(), null,
      null, false, true);
  private final OrganizationService organizations;

  public OrganizationsPublicApi(OrganizationService organizations) {
    this.organizations = requireNonNull(organizations, "organizations is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    String permissions = "public_permissions";
    return List.of(
        get("/organizations", "public_organizations", "List the user's organizations", OrganizationsResponse.class,
            (body, call) -> OrganizationsResponse.of(List.of(organizations.organization()))),
        get("/users", "public_users", "List the users of an organization", UsersResponse.class,
            (body, call) -> UsersResponse.of(organizations.users(call.queryUuid("organizationId").orElseThrow(),
                call.queryUuids("ids"), call.queryAll("emails"))))
            .withQuery(QueryParameter.uuid("organizationId").mandatory(), QueryParameter.uuids("ids"), EMAILS),
        get("/permissions", permissions, "List permissions", PermissionsResponse.class,
            (body, call) -> PermissionsResponse.of(organizations.permissions(call.queryUuid("userId").orElse(null),
                call.queryUuid("organizationId").orElse(null))))
            .withQuery(QueryParameter.uuid("userId"), QueryParameter.uuid("organizationId")),
        post("/permissions", permissions, "Grant a permission", PermissionCreateRequest.class, PermissionResponse.class,
            (body, call) -> PermissionResponse.of(organizations.create(body.permissionType(), body.userId(),
                body.workspaceId(), body.organizationId()))),
        get("/permissions/{permissionId}", permissions, "Get a permission", PermissionResponse.class,
            (body, call) -> PermissionResponse.of(organizations.permission(permissionId(call)))),
        patch("/permissions/{permissionId}", permissions, "Change a permission's type", PermissionUpdateRequest.class,
            PermissionResponse.class,
            (body, call) -> PermissionResponse.of(organizations.update(permissionId(call), body.permissionType()))),
        delete("/permissions/{permissionId}", permissions, "Take a permission away", (body, call) -> {
          organizations.delete(permissionId(call));
          return null;
        }));
  }

  private static UUID permissionId(Call call) {
    return PublicRoutes.pathId(call, "permissionId", "permission");
  }
}
