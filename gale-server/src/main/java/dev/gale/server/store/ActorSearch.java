package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.ActorType;
import java.util.UUID;

/**
 * What {@link ActorRepository#search} matches: actors of one type, narrowed by the criteria that are not null.
 *
 * @param workspaceId nullable: any workspace
 * @param definitionId nullable: any definition
 * @param nameContains nullable: any name; else a case-insensitive substring of the name
 * @param includeTombstoned whether deleted actors match too
 */
public record ActorSearch(ActorType actorType, UUID workspaceId, UUID definitionId, String nameContains,
                          boolean includeTombstoned) {
  public ActorSearch {
    requireNonNull(actorType, "actorType is null");
  }

  public static ActorSearch of(ActorType actorType) {
    return new ActorSearch(actorType, null, null, null, false);
  }

  public ActorSearch inWorkspace(UUID id) {
    return new ActorSearch(actorType, id, definitionId, nameContains, includeTombstoned);
  }

  public ActorSearch ofDefinition(UUID id) {
    return new ActorSearch(actorType, workspaceId, id, nameContains, includeTombstoned);
  }

  public ActorSearch nameContaining(String text) {
    return new ActorSearch(actorType, workspaceId, definitionId, text, includeTombstoned);
  }

  public ActorSearch includingTombstoned() {
    return new ActorSearch(actorType, workspaceId, definitionId, nameContains, true);
  }
}
