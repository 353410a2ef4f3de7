package dev.gale.server.store;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * What {@link WorkspaceRepository#search} matches: workspaces narrowed by the criteria that are set.
 *
 * @param ids an empty set matches any workspace
 * @param organizationId nullable: any organization
 * @param nameContains nullable: any name; else a case-insensitive substring of the name
 * @param includeTombstoned whether deleted workspaces match too
 */
public record WorkspaceSearch(Set<UUID> ids, UUID organizationId, String nameContains, boolean includeTombstoned) {
  public static final WorkspaceSearch LIVE = new WorkspaceSearch(Set.of(), null, null, false);

  public WorkspaceSearch {
    ids = ids == null ? Set.of() : Set.copyOf(ids);
  }

  public WorkspaceSearch withIds(Collection<UUID> newIds) {
    return new WorkspaceSearch(Set.copyOf(newIds), organizationId, nameContains, includeTombstoned);
  }

  public WorkspaceSearch inOrganization(UUID id) {
    return new WorkspaceSearch(ids, id, nameContains, includeTombstoned);
  }

  public WorkspaceSearch nameContaining(String text) {
    return new WorkspaceSearch(ids, organizationId, text, includeTombstoned);
  }

  public WorkspaceSearch includingTombstoned(boolean include) {
    return new WorkspaceSearch(ids, organizationId, nameContains, include);
  }
}
