package dev.gale.server.service.workspace;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.Application;
import dev.gale.server.domain.PermissionType;
import dev.gale.server.domain.Workspace;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The organization, its user and their permissions, as a single-organization deployment has them: Gale serves one
 * organization ({@link WorkspaceService#DEFAULT_ORGANIZATION_ID}) with one user ({@link Application#DEFAULT_USER_ID}),
 * who owns every application and so every token. That user is instance admin and admin of the organization, and
 * these permissions are fixed: there is no other user to grant one to, and the one user already holds them all.
 */
public final class OrganizationService {
  public static final String ORGANIZATION_NAME = "Default Organization";

  /** The one organization; its email is its user's. */
  public record Organization(UUID id, String name, String email) {}

  public record User(UUID id, String name, String email) {}

  /**
   * One permission; an instance-wide one names neither a workspace nor an organization.
   *
   * @param workspaceId nullable
   * @param organizationId nullable
   */
  public record Permission(UUID id, PermissionType type, UUID userId, UUID workspaceId, UUID organizationId) {}

  private final WorkspaceService workspaces;
  private final Organization organization;
  private final User user;
  private final List<Permission> permissions;

  /**
   * @param userName the user's name, as configured
   * @param userEmail the user's email, as configured; also the organization's
   */
  public OrganizationService(WorkspaceService workspaces, String userName, String userEmail) {
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.user = new User(Application.DEFAULT_USER_ID, requireNonNull(userName, "userName is null"),
        requireNonNull(userEmail, "userEmail is null"));
    this.organization = new Organization(WorkspaceService.DEFAULT_ORGANIZATION_ID, ORGANIZATION_NAME, userEmail);
    this.permissions = List.of(
        fixedPermission(PermissionType.INSTANCE_ADMIN, null),
        fixedPermission(PermissionType.ORGANIZATION_ADMIN, organization.id()));
  }

  public Organization organization() {
    return organization;
  }

  /** The organization with this id; 404 for any other id. */
  public Organization get(UUID organizationId) {
    if (!organization.id().equals(requireNonNull(organizationId, "organizationId is null"))) {
      throw new NotFoundException("organization", organizationId, "Gale has one organization, " + organization.id());
    }
    return organization;
  }

  /** The organization a live workspace belongs to; 404 for an unknown or deleted workspace. */
  public Organization ofWorkspace(UUID workspaceId) {
    return get(workspaces.live(workspaceId).organizationId());
  }

  /**
   * A window of an organization's live workspaces, by name.
   *
   * @param nameContains nullable: any name
   * @param pageSize nullable: every workspace
   * @param rowOffset nullable: from the first
   */
  public List<Workspace> workspaces(UUID organizationId, String nameContains, Integer pageSize, Integer rowOffset) {
    get(organizationId);
    if (pageSize != null && pageSize < 1) {
      throw new InvalidInputException("pagination.pageSize", pageSize, "'pagination.pageSize' must be 1 or more");
    }
    if (rowOffset != null && rowOffset < 0) {
      throw new InvalidInputException("pagination.rowOffset", rowOffset, "'pagination.rowOffset' must be 0 or more");
    }
    return workspaces.listByOrganization(organizationId, nameContains, pageSize == null ? Integer.MAX_VALUE : pageSize,
        rowOffset == null ? 0 : rowOffset);
  }

  public User user() {
    return user;
  }

  /**
   * The users of an organization that match the filters: an empty filter matches every user, and emails match
   * ignoring case.
   */
  public List<User> users(UUID organizationId, Collection<UUID> ids, Collection<String> emails) {
    get(organizationId);
    Set<String> wantedEmails = emails.stream().map(email -> email.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    boolean matches = (ids.isEmpty() || ids.contains(user.id()))
        && (wantedEmails.isEmpty() || wantedEmails.contains(user.email().toLowerCase(Locale.ROOT)));
    return matches ? List.of(user) : List.of();
  }

  /**
   * The permissions of a user (any user when null), within an organization when one is named: then only those
   * scoped to it.
   */
  public List<Permission> permissions(UUID userId, UUID organizationId) {
    if (organizationId != null) {
      get(organizationId);
    }
    return permissions.stream()
        .filter(permission -> userId == null || permission.userId().equals(userId))
        .filter(permission -> organizationId == null || organizationId.equals(permission.organizationId()))
        .toList();
  }

  /** A permission by id; 404 when there is none. */
  public Permission permission(UUID permissionId) {
    return permissions.stream()
        .filter(permission -> permission.id().equals(permissionId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("permission", permissionId));
  }

  /**
   * The permission asked for, when the one user holds exactly it already (asking again changes nothing). Any other is
   * refused with the reason: a malformed request is a 422, an unknown user, organization or workspace a 404, and
   * another permission for the one user a 409, since that user is instance admin already.
   *
   * @param workspaceId nullable; required for a workspace permission
   * @param organizationId nullable; required for an organization permission
   */
  public Permission create(PermissionType type, UUID userId, UUID workspaceId, UUID organizationId) {
    requireScope(requireNonNull(type, "type is null"), workspaceId, organizationId);
    if (organizationId != null) {
      get(organizationId);
    }
    if (workspaceId != null) {
      workspaces.live(workspaceId);
    }
    if (!user.id().equals(userId)) {
      throw new NotFoundException("user", userId, "Gale has one user, %s (%s), and cannot grant permissions to others"
          .formatted(user.id(), user.email()));
    }
    return permissions.stream()
        .filter(held -> held.type() == type && Objects.equals(held.organizationId(), organizationId)
            && Objects.equals(held.workspaceId(), workspaceId))
        .findFirst()
        .orElseThrow(() -> new ConflictException(fixed("User %s is instance_admin, which includes %s"
            .formatted(user.id(), wireName(type)))));
  }

  /** The permission, when it has the type asked for already; 404 when there is none, else 409. */
  public Permission update(UUID permissionId, PermissionType type) {
    Permission permission = permission(permissionId);
    if (permission.type() != requireNonNull(type, "type is null")) {
      throw new ConflictException(fixed("Permission %s (%s) cannot become %s"
          .formatted(permission.id(), wireName(permission.type()), wireName(type))));
    }
    return permission;
  }

  /** Refuses to take a permission away: 404 when there is none, else 409. */
  public void delete(UUID permissionId) {
    Permission permission = permission(permissionId);
    throw new ConflictException(fixed("Permission %s (%s) cannot be removed".formatted(permission.id(),
        wireName(permission.type()))));
  }

  private static void requireScope(PermissionType type, UUID workspaceId, UUID organizationId) {
    if (type == PermissionType.INSTANCE_ADMIN || type == PermissionType.WORKSPACE_OWNER) {
      throw new InvalidInputException("permissionType", wireName(type), "'%s' cannot be granted through the Public API"
          .formatted(wireName(type)));
    }
    if (type.isWorkspaceScoped() && (workspaceId == null || organizationId != null)) {
      throw new InvalidInputException("workspaceId", workspaceId, "A %s permission names a 'workspaceId' and no 'organizationId'"
          .formatted(wireName(type)));
    }
    if (type.isOrganizationScoped() && (organizationId == null || workspaceId != null)) {
      throw new InvalidInputException("organizationId", organizationId,
          "An %s permission names an 'organizationId' and no 'workspaceId'".formatted(wireName(type)));
    }
  }

  private static String fixed(String reason) {
    return reason + "; Gale serves one user, whose permissions are fixed";
  }

  private Permission fixedPermission(PermissionType type, UUID organizationId) {
    // Derived ids: the same permission keeps its id across restarts and servers.
    UUID id = UUID.nameUUIDFromBytes(("gale permission " + user.id() + " " + type).getBytes(StandardCharsets.UTF_8));
    return new Permission(id, type, user.id(), null, organizationId);
  }

  private static String wireName(PermissionType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
