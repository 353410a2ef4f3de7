package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.ActorType;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * What {@link ActorRepository#search} matches: actors of one type, narrowed by the criteria that are set.
 *
 * @param workspaceIds an empty set matches any workspace
 * @param definitionId nullable: any definition
 * @param nameContains nullable: any name; else a case-insensitive substring of the name
 * @param includeTombstoned whether deleted actors match too
 */
public record ActorSearch(ActorType actorType, Set<UUID> workspaceIds, UUID definitionId, String nameContains,
                          boolean includeTombstoned) {
  public ActorSearch {
    requireNonNull(actorType, "actorType is null");
    workspaceIds = workspaceIds == null ? Set.of() : Set.copyOf(workspaceIds);
  }

  public static ActorSearch of(ActorType actorType) {
    return new ActorSearch(actorType, Set.of(), null, null, false);
  }

  public ActorSearch inWorkspace(UUID id) {
    return inWorkspaces(Set.of(requireNonNull(id, "id is null")));
  }

  public ActorSearch inWorkspaces(Collection<UUID> ids) {
    return new ActorSearch(actorType, Set.copyOf(ids), definitionId, nameContains, includeTombstoned);
  }

  public ActorSearch ofDefinition(UUID id) {
    return new ActorSearch(actorType, workspaceIds, id, nameContains, includeTombstoned);
  }

  public ActorSearch nameContaining(String text) {
    return new ActorSearch(actorType, workspaceIds, definitionId, text, includeTombstoned);
  }

  public ActorSearch includingTombstoned() {
    return includingTombstoned(true);
  }

  public ActorSearch includingTombstoned(boolean include) {
    return new ActorSearch(actorType, workspaceIds, definitionId, nameContains, include);
  }
}
