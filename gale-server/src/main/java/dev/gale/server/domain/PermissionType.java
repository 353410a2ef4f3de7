package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a permission entitles its user to, at the scope it names (the instance, an organization or a workspace). */
public enum PermissionType {
  @JsonProperty("instance_admin") INSTANCE_ADMIN,
  @JsonProperty("organization_admin") ORGANIZATION_ADMIN,
  @JsonProperty("organization_editor") ORGANIZATION_EDITOR,
  @JsonProperty("organization_runner") ORGANIZATION_RUNNER,
  @JsonProperty("organization_reader") ORGANIZATION_READER,
  @JsonProperty("organization_member") ORGANIZATION_MEMBER,
  @JsonProperty("workspace_owner") WORKSPACE_OWNER,
  @JsonProperty("workspace_admin") WORKSPACE_ADMIN,
  @JsonProperty("workspace_runner") WORKSPACE_RUNNER,
  @JsonProperty("workspace_editor") WORKSPACE_EDITOR,
  @JsonProperty("workspace_reader") WORKSPACE_READER;

  public boolean isOrganizationScoped() {
    return name().startsWith("ORGANIZATION_");
  }

  public boolean isWorkspaceScoped() {
    return name().startsWith("WORKSPACE_");
  }
}
