package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A connector builder project (Airbyte's {@code connector_builder_project}): a workspace's work on a declarative
 * source. It holds a draft manifest while one is being edited, the values its test reads run with, and once
 * published the definition it became.
 *
 * @param actorDefinitionId the published definition; null before publishing
 * @param manifestDraft the manifest being edited; null when there is no draft
 * @param testingValues the configuration test reads run with, in its stored form; null when none was saved
 * @param baseActorDefinitionVersionId the connector version a forked project started from; nullable
 * @param contributionPullRequestUrl nullable, as {@code contributionActorDefinitionId}: a contribution's record
 */
public record BuilderProject(UUID id, UUID workspaceId, String name, UUID actorDefinitionId, JsonNode manifestDraft,
                             TestingValues testingValues, UUID baseActorDefinitionVersionId,
                             String contributionPullRequestUrl, UUID contributionActorDefinitionId, boolean tombstone,
                             Instant createdAt, Instant updatedAt) {
  public BuilderProject {
    requireNonNull(id, "id is null");
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(name, "name is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }

  public boolean hasDraft() {
    return manifestDraft != null;
  }

  /**
   * A configuration for test reads, stored with its secrets encrypted, and the connection specification that said
   * which values are secret when it was stored (the manifest may change since).
   */
  public record TestingValues(JsonNode stored, JsonNode connectionSpecification) {
    public TestingValues {
      requireNonNull(stored, "stored is null");
      requireNonNull(connectionSpecification, "connectionSpecification is null");
    }
  }
}
