package dev.gale.server.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DeclarativeDefinition;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.store.DeclarativeSourceRepository;
import dev.gale.server.store.StoreLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Declarative (low-code) source definitions of a workspace: stored now, with every version of their manifest, and
 * run once Gale has a declarative engine. Until then a source cannot be created from one (see
 * {@link DefinitionService#runnableImplementation}).
 *
 * <p>Each is a custom source definition granted to its workspace, so the definition APIs list it with the others.
 * Its versions are its manifest's: version {@code n} of the manifest comes with a definition version tagged
 * {@code n}, which names Airbyte's manifest runner image and carries the specification the manifest declares.
 */
public final class DeclarativeSourceService {
  private static final String KIND = "declarative source definition";

  private final DeclarativeSourceRepository declaratives;
  private final DefinitionService definitions;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public DeclarativeSourceService(DeclarativeSourceRepository declaratives, DefinitionService definitions,
                                  WorkspaceService workspaces, Clock clock) {
    this.declaratives = requireNonNull(declaratives, "declaratives is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public List<DeclarativeDefinition> list(UUID workspaceId) {
    return declaratives.listGrantedTo(workspaces.live(workspaceId).id());
  }

  /** Stores a definition at manifest version 1, granted to the workspace. */
  public DeclarativeDefinition create(UUID workspaceId, String name, JsonNode manifest) {
    UUID workspace = workspaces.live(workspaceId).id();
    DefinitionService.requireText(name, "name");
    DeclarativeManifests.validate(manifest, "manifest");
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    DeclarativeManifest first = new DeclarativeManifest(id, 1, manifest, now);
    ActorDefinitionVersion version = version(first);
    declaratives.insert(new ActorDefinition(id, ActorType.SOURCE, name, null, SourceType.CUSTOM, true, false, false,
        version.id(), null, now, now), version, first, workspace);
    return get(workspace, id);
  }

  /** A live declarative definition the workspace may use; 404 otherwise, also for a definition of another kind. */
  public DeclarativeDefinition get(UUID workspaceId, UUID definitionId) {
    UUID workspace = workspaces.live(workspaceId).id();
    definitions.liveForWorkspace(ActorType.SOURCE, definitionId, workspace);
    return declaratives.find(definitionId).orElseThrow(() -> new NotFoundException(KIND, definitionId,
        "it is a source definition without a manifest; /workspaces/" + workspace + "/definitions/sources has it"));
  }

  /** Stores the manifest as the next version, which the definition runs from now on. */
  public DeclarativeDefinition update(UUID workspaceId, UUID definitionId, JsonNode manifest) {
    DeclarativeDefinition current = owned(workspaceId, definitionId);
    DeclarativeManifests.validate(manifest, "manifest");
    DeclarativeManifest next = new DeclarativeManifest(definitionId, current.manifest().version() + 1, manifest,
        clock.instant());
    if (!declaratives.addVersion(version(next), next)) {
      throw new ConflictException("The manifest of %s changed while this update was made; read it again and retry"
          .formatted(current.definition().name()));
    }
    return get(workspaceId, definitionId);
  }

  /** Deletes the definition (its manifest history stays, as deleted definitions' versions do); answers it as it was. */
  public DeclarativeDefinition delete(UUID workspaceId, UUID definitionId) {
    DeclarativeDefinition current = owned(workspaceId, definitionId);
    definitions.deleteOwned(ActorType.SOURCE, definitionId, workspaceId);
    return current;
  }

  private DeclarativeDefinition owned(UUID workspaceId, UUID definitionId) {
    DeclarativeDefinition current = get(workspaceId, definitionId);
    definitions.ownedBy(ActorType.SOURCE, definitionId, workspaceId);
    return current;
  }

  /** The manifest's documentation link, when the store can keep it (the specification keeps it whole). */
  private static String documentationUrl(JsonNode specification) {
    String url = specification.path("documentationUrl").asText(null);
    return url != null && url.length() <= StoreLimits.TEXT ? url : null;
  }

  private static ActorDefinitionVersion version(DeclarativeManifest manifest) {
    String tag = String.valueOf(manifest.version());
    JsonNode specification = DeclarativeManifests.specification(manifest.manifest());
    return new ActorDefinitionVersion(DefinitionService.versionId(manifest.actorDefinitionId(), tag),
        manifest.actorDefinitionId(), DeclarativeManifests.DOCKER_REPOSITORY, tag,
        documentationUrl(specification), specification, "0.2.0", ReleaseStage.CUSTOM, null,
        SupportLevel.NONE, manifest.createdAt());
  }
}
