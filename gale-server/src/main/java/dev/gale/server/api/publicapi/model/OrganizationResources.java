package dev.gale.server.api.publicapi.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.domain.PermissionType;
import dev.gale.server.http.Required;
import dev.gale.server.service.workspace.OrganizationService.Organization;
import dev.gale.server.service.workspace.OrganizationService.Permission;
import dev.gale.server.service.workspace.OrganizationService.User;
import java.util.List;
import java.util.UUID;

/** {@code /api/public/v1/organizations}, {@code /users} and {@code /permissions}: requests and answers. */
public final class OrganizationResources {
  private OrganizationResources() {}

  public record OrganizationResponse(@Required UUID organizationId, @Required String organizationName,
                                     @Required String email) {
    public static OrganizationResponse of(Organization organization) {
      return new OrganizationResponse(organization.id(), organization.name(), organization.email());
    }
  }

  public record OrganizationsResponse(@Required List<OrganizationResponse> data) {
    public static OrganizationsResponse of(List<Organization> organizations) {
      return new OrganizationsResponse(organizations.stream().map(OrganizationResponse::of).toList());
    }
  }

  public record UserResponse(@Required String name, @Required UUID id, @Required String email) {
    public static UserResponse of(User user) {
      return new UserResponse(user.name(), user.id(), user.email());
    }
  }

  public record UsersResponse(@Required List<UserResponse> data) {
    public static UsersResponse of(List<User> users) {
      return new UsersResponse(users.stream().map(UserResponse::of).toList());
    }
  }

  /** A workspace permission names its workspace, an organization permission its organization. */
  public record PermissionCreateRequest(@Required PermissionType permissionType, @Required UUID userId, UUID workspaceId,
                                        UUID organizationId) {}

  public record PermissionUpdateRequest(@Required PermissionType permissionType) {}

  public record PermissionResponse(@Required UUID permissionId, @Required PermissionType permissionType,
                                   @Required UUID userId, UUID workspaceId, UUID organizationId) {
    public static PermissionResponse of(Permission permission) {
      return new PermissionResponse(permission.id(), permission.type(), permission.userId(), permission.workspaceId(),
          permission.organizationId());
    }
  }

  /** What a permission applies to. */
  public enum PermissionScope {
    @JsonProperty("workspace") WORKSPACE,
    @JsonProperty("organization") ORGANIZATION,
    @JsonProperty("none") NONE
  }

  /**
   * A permission in a list, with its scope. An instance-wide permission has the scope {@code none}, whose id is the
   * nil UUID.
   */
  public record PermissionResponseRead(@Required UUID permissionId, @Required PermissionType permissionType,
                                       @Required UUID userId, @Required PermissionScope scope, @Required UUID scopeId) {
    private static final UUID NO_SCOPE = new UUID(0, 0);

    public static PermissionResponseRead of(Permission permission) {
      PermissionScope scope = permission.workspaceId() != null ? PermissionScope.WORKSPACE
          : permission.organizationId() != null ? PermissionScope.ORGANIZATION : PermissionScope.NONE;
      UUID scopeId = switch (scope) {
        case WORKSPACE -> permission.workspaceId();
        case ORGANIZATION -> permission.organizationId();
        case NONE -> NO_SCOPE;
      };
      return new PermissionResponseRead(permission.id(), permission.type(), permission.userId(), scope, scopeId);
    }
  }

  public record PermissionsResponse(@Required List<PermissionResponseRead> data) {
    public static PermissionsResponse of(List<Permission> permissions) {
      return new PermissionsResponse(permissions.stream().map(PermissionResponseRead::of).toList());
    }
  }
}
