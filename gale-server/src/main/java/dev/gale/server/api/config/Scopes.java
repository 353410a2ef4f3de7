package dev.gale.server.api.config;

import dev.gale.server.http.InvalidInputException;
import java.util.UUID;

/** Newer Airbyte clients name a workspace as a scope ({@code scopeId} + {@code scopeType: workspace}). */
final class Scopes {
  private Scopes() {}

  static UUID workspaceId(UUID workspaceId, UUID scopeId, String scopeType) {
    if (workspaceId != null) {
      return workspaceId;
    }
    if (scopeId != null && (scopeType == null || scopeType.equals("workspace"))) {
      return scopeId;
    }
    throw new InvalidInputException("workspaceId", null, "'workspaceId' (or scopeId with scopeType 'workspace') is required");
  }
}
