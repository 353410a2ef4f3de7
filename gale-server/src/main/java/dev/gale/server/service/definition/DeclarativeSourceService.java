package dev.gale.server.service.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.BuilderProject;
import dev.gale.server.domain.DeclarativeDefinition;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.store.BuilderProjectRepository;
import dev.gale.server.store.DeclarativeSourceRepository;
import dev.gale.server.store.StoreLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Declarative (low-code) source definitions of a workspace, with every version of their manifest. A manifest is
 * loaded whole before it is stored ({@link DeclarativeManifests#requireRunnable}): one that cannot run is refused with
 * a 422 naming its place, and sources of the definition run the active version (see {@link ConnectorCatalog}).
 *
 * <p>Each is a custom source definition granted to its workspace, so the definition APIs list it with the others.
 * Its versions are its manifest's: version {@code n} of the manifest comes with a definition version tagged
 * {@code n}, which names Airbyte's manifest runner image and carries the specification the manifest declares; the
 * definition's default version is the active manifest. As in Airbyte, every definition comes from a connector builder
 * project, created with it when the definition is published another way (the Public API).
 */
public final class DeclarativeSourceService {
  private static final String KIND = "declarative source definition";

  private final DeclarativeSourceRepository declaratives;
  private final BuilderProjectRepository projects;
  private final DefinitionService definitions;
  private final WorkspaceService workspaces;
  private final ManifestLoader manifests;
  private final Clock clock;

  public DeclarativeSourceService(DeclarativeSourceRepository declaratives, BuilderProjectRepository projects,
                                  DefinitionService definitions, WorkspaceService workspaces, ManifestLoader manifests,
                                  Clock clock) {
    this.declaratives = requireNonNull(declaratives, "declaratives is null");
    this.projects = requireNonNull(projects, "projects is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.manifests = requireNonNull(manifests, "manifests is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public List<DeclarativeDefinition> list(UUID workspaceId) {
    return declaratives.listGrantedTo(workspaces.live(workspaceId).id());
  }

  /** Stores a definition at manifest version 1, granted to the workspace, with a builder project of its own. */
  public DeclarativeDefinition create(UUID workspaceId, String name, JsonNode manifest) {
    UUID workspace = workspaces.live(workspaceId).id();
    Instant now = clock.instant();
    UUID definitionId = UUID.randomUUID();
    BuilderProject project = new BuilderProject(UUID.randomUUID(), workspace, DefinitionService.requireText(name, "name"),
        definitionId, null, null, null, null, null, false, now, now);
    return publish(project, name, manifest, 1, null, "manifest");
  }

  /**
   * Publishes a builder project as a new definition of its workspace, whose active manifest is {@code manifest} at
   * {@code version}.
   *
   * @param project the project, already naming the new definition's id
   * @param property where the manifest is in the request, for the paths of input errors
   */
  public DeclarativeDefinition publish(BuilderProject project, String name, JsonNode manifest, long version, String description,
                                String property) {
    DefinitionService.requireText(name, "name");
    DeclarativeManifests.requireRunnable(manifests, manifest, property);
    requireVersion(version);
    Instant now = clock.instant();
    UUID id = project.actorDefinitionId();
    DeclarativeManifest first = new DeclarativeManifest(id, version, manifest, description, now);
    ActorDefinitionVersion definitionVersion = version(first);
    declaratives.insert(new ActorDefinition(id, ActorType.SOURCE, name, null, SourceType.CUSTOM, true, false, false,
        definitionVersion.id(), null, now, now), definitionVersion, first, project.workspaceId(), project);
    return get(project.workspaceId(), id);
  }

  /** A live declarative definition the workspace may use; 404 otherwise, also for a definition of another kind. */
  public DeclarativeDefinition get(UUID workspaceId, UUID definitionId) {
    UUID workspace = workspaces.live(workspaceId).id();
    definitions.liveForWorkspace(ActorType.SOURCE, definitionId, workspace);
    return declaratives.find(definitionId).orElseThrow(() -> new NotFoundException(KIND, definitionId,
        "it is a source definition without a manifest; /workspaces/" + workspace + "/definitions/sources has it"));
  }

  /** Stores the manifest as the version after the highest, which the definition runs from now on. */
  public DeclarativeDefinition update(UUID workspaceId, UUID definitionId, JsonNode manifest) {
    owned(workspaceId, definitionId);
    DeclarativeManifests.requireRunnable(manifests, manifest, "manifest");
    long next = declaratives.listVersions(definitionId).getLast().version() + 1;
    addVersion(workspaceId, definitionId, new DeclarativeManifest(definitionId, next, manifest, null, clock.instant()),
        true, () -> new ConflictException("The manifest of definition %s changed while this update was made; read it again and retry"
            .formatted(definitionId)));
    return get(workspaceId, definitionId);
  }

  /**
   * Adds a manifest version a client numbered (Airbyte's {@code create_manifest}), active at once when
   * {@code activate}; 409 when the definition has that version.
   */
  public void createManifest(UUID workspaceId, UUID definitionId, long version, JsonNode manifest, String description,
                             boolean activate) {
    declarativeForConfigApi(workspaceId, definitionId);
    DeclarativeManifests.requireRunnable(manifests, manifest, "declarativeManifest.manifest");
    requireVersion(version);
    addVersion(workspaceId, definitionId, new DeclarativeManifest(definitionId, version, manifest, description,
        clock.instant()), activate, () -> new ConflictException("Version %d of definition %s exists already"
        .formatted(version, definitionId)));
  }

  /** Makes a stored version the active one: the next check, discovery or sync runs it. 404 for a version not stored. */
  public void activate(UUID workspaceId, UUID definitionId, long version) {
    declarativeForConfigApi(workspaceId, definitionId);
    if (!declaratives.activate(definitionId, version)) {
      throw new NotFoundException("manifest version", version, "definition " + definitionId + " has versions "
          + declaratives.listVersions(definitionId).stream().map(DeclarativeManifest::version).toList());
    }
  }

  /** Every manifest version of a definition, oldest first, with whether it is the active one. */
  public List<ManifestVersion> listManifests(UUID workspaceId, UUID definitionId) {
    long active = declarativeForConfigApi(workspaceId, definitionId).manifest().version();
    return declaratives.listVersions(definitionId).stream()
        .map(manifest -> new ManifestVersion(manifest, manifest.version() == active))
        .toList();
  }

  /** One stored manifest version and whether the definition runs it. */
  public record ManifestVersion(DeclarativeManifest manifest, boolean active) {}

  /** One stored version of a definition's manifest; 404 when there is none. */
  public DeclarativeManifest manifestVersion(UUID definitionId, long version) {
    return declaratives.findVersion(definitionId, version)
        .orElseThrow(() -> new NotFoundException("manifest version", version, "of definition " + definitionId));
  }

  /** The definition with its active manifest, tombstoned or not; empty for a definition of another kind. */
  public Optional<DeclarativeDefinition> find(UUID definitionId) {
    return declaratives.find(definitionId);
  }

  /** Deletes the definition and its builder projects (its manifest history stays); answers it as it was. */
  public DeclarativeDefinition delete(UUID workspaceId, UUID definitionId) {
    DeclarativeDefinition current = owned(workspaceId, definitionId);
    definitions.deleteOwned(ActorType.SOURCE, definitionId, workspaceId);
    projects.tombstoneForDefinition(definitionId, clock.instant());
    return current;
  }

  private void addVersion(UUID workspaceId, UUID definitionId, DeclarativeManifest manifest, boolean activate,
                          Supplier<ConflictException> taken) {
    if (!declaratives.addVersion(version(manifest), manifest, activate)) {
      throw taken.get();
    }
    // As Airbyte does: a version published another way ends the draft the workspace's builder project held.
    projects.clearDraft(definitionId, workspaceId, clock.instant());
  }

  private DeclarativeDefinition owned(UUID workspaceId, UUID definitionId) {
    DeclarativeDefinition current = get(workspaceId, definitionId);
    definitions.ownedBy(ActorType.SOURCE, definitionId, workspaceId);
    return current;
  }

  /**
   * A declarative definition the workspace may use, as the Config API's declarative endpoints ask for it: 404 when
   * the workspace cannot see it, 400 when it is no declarative definition.
   */
  private DeclarativeDefinition declarativeForConfigApi(UUID workspaceId, UUID definitionId) {
    UUID workspace = workspaces.live(workspaceId).id();
    var definition = definitions.liveForWorkspace(ActorType.SOURCE, definitionId, workspace);
    return declaratives.find(definitionId).orElseThrow(() -> new BadRequestException(
        "%s is not a declarative source definition: it has no manifest".formatted(definition.definition().name())));
  }

  private static void requireVersion(long version) {
    if (version < 1) {
      throw new InvalidInputException("version", version, "A manifest version must be 1 or more, not " + version);
    }
  }

  /** The manifest's documentation link, when the store can keep it (the specification keeps it whole). */
  private static String documentationUrl(JsonNode specification) {
    String url = specification.path("documentationUrl").asText(null);
    return url != null && url.length() <= StoreLimits.TEXT ? url : null;
  }

  private static ActorDefinitionVersion version(DeclarativeManifest manifest) {
    JsonNode specification = DeclarativeManifests.specification(manifest.manifest());
    return new ActorDefinitionVersion(DefinitionService.versionId(manifest.actorDefinitionId(), manifest.tag()),
        manifest.actorDefinitionId(), DeclarativeManifests.DOCKER_REPOSITORY, manifest.tag(),
        documentationUrl(specification), specification, "0.2.0", ReleaseStage.CUSTOM, null,
        SupportLevel.NONE, manifest.createdAt());
  }
}
