package dev.gale.server.service.builder;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.ManifestException;
import dev.gale.connectors.declarative.Manifests;
import dev.gale.protocol.Json;
import dev.gale.server.domain.BuilderProject;
import dev.gale.server.domain.BuilderProject.TestingValues;
import dev.gale.server.domain.DeclarativeDefinition;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.secrets.ConfigSecrets;
import dev.gale.server.secrets.SecretEnvelopeException;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.service.definition.DeclarativeManifests;
import dev.gale.server.service.definition.DeclarativeSourceService;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.store.BuilderProjectRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Airbyte's connector builder projects: drafts of declarative sources, their testing values, and publishing a project
 * as a definition (then versioned by {@link DeclarativeSourceService}); test reads are {@link BuilderTestReads}'.
 * Testing values are a configuration like any source's: stored with their secrets encrypted and answered masked.
 */
public final class BuilderProjectService {
  /**
   * What a client writes of a project: its name, its draft (a JSON object, else YAML text; neither for no draft) and
   * references, which keep their stored values in an update when absent.
   */
  public record ProjectDetails(String name, JsonNode draftManifest, String yamlManifest, String componentsFileContent,
                               UUID baseActorDefinitionVersionId, String contributionPullRequestUrl,
                               UUID contributionActorDefinitionId) {}

  /**
   * A project as its answers show it.
   *
   * @param activeVersion nullable: the active version of the definition it was published as
   * @param base nullable: the definition version it builds on, when that still exists
   */
  public record ProjectView(BuilderProject project, Long activeVersion, DefinitionWithVersion base) {}

  /**
   * A project with one manifest: its draft or a published version (or neither), and its testing values.
   *
   * @param draft nullable
   * @param published nullable; absent when there is a draft
   * @param testingValues nullable; every secret masked
   */
  public record ProjectWithManifest(ProjectView view, JsonNode draft, DeclarativeManifest published,
                                    ObjectNode testingValues) {}

  private static final String KIND = "connector builder project";
  private static final int MAX_TESTING_VALUES_CHARS = 1024 * 1024;

  private final BuilderProjectRepository projects;
  private final DeclarativeSourceService declaratives;
  private final DefinitionService definitions;
  private final WorkspaceService workspaces;
  private final ConfigSecrets secrets;
  private final Clock clock;

  public BuilderProjectService(BuilderProjectRepository projects, DeclarativeSourceService declaratives,
                               DefinitionService definitions, WorkspaceService workspaces, ConfigSecrets secrets,
                               Clock clock) {
    this.projects = requireNonNull(projects, "projects is null");
    this.declaratives = requireNonNull(declaratives, "declaratives is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.secrets = requireNonNull(secrets, "secrets is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public UUID create(UUID workspaceId, ProjectDetails details) {
    UUID workspace = workspaces.live(workspaceId).id();
    Instant now = clock.instant();
    BuilderProject project = new BuilderProject(UUID.randomUUID(), workspace, name(details), null,
        draft(details), null, details.baseActorDefinitionVersionId(), details.contributionPullRequestUrl(),
        details.contributionActorDefinitionId(), false, now, now);
    projects.insert(project);
    return project.id();
  }

  public List<ProjectView> list(UUID workspaceId) {
    return projects.listForWorkspace(workspaces.live(workspaceId).id()).stream().map(this::view).toList();
  }

  /**
   * A project with its manifest: the draft when there is one, else the active published version, or the published
   * {@code version} asked for; its testing values masked.
   */
  public ProjectWithManifest get(UUID workspaceId, UUID projectId, Long version) {
    BuilderProject project = project(workspaceId, projectId);
    DeclarativeManifest published = null;
    if (version != null) {
      if (project.actorDefinitionId() == null) {
        throw new NotFoundException("manifest version", version, "project " + projectId + " is not published");
      }
      published = declaratives.manifestVersion(project.actorDefinitionId(), version);
    } else if (!project.hasDraft()) {
      published = active(project).map(DeclarativeDefinition::manifest).orElse(null);
    }
    return new ProjectWithManifest(view(project), published == null ? project.manifestDraft() : null, published,
        maskedTestingValues(project));
  }

  /** The live project a definition was published from, whichever workspace holds it. */
  public Optional<BuilderProject> forDefinition(UUID workspaceId, UUID definitionId) {
    workspaces.live(workspaceId);
    return projects.findForDefinition(requireNonNull(definitionId, "definitionId is null"));
  }

  /**
   * Writes a project's name and draft (no draft when none is sent). References a client leaves out keep their
   * stored values, as Airbyte patches them. A published project's definition takes the new name.
   */
  public void update(UUID workspaceId, UUID projectId, ProjectDetails details) {
    BuilderProject current = project(workspaceId, projectId);
    BuilderProject updated = new BuilderProject(current.id(), current.workspaceId(), name(details),
        current.actorDefinitionId(), draft(details), current.testingValues(),
        orElse(details.baseActorDefinitionVersionId(), current.baseActorDefinitionVersionId()),
        orElse(details.contributionPullRequestUrl(), current.contributionPullRequestUrl()),
        orElse(details.contributionActorDefinitionId(), current.contributionActorDefinitionId()), false,
        current.createdAt(), clock.instant());
    if (!projects.update(updated)) {
      throw new NotFoundException(KIND, projectId);
    }
    if (current.actorDefinitionId() != null) {
      definitions.renameOwned(current.actorDefinitionId(), current.workspaceId(), updated.name());
    }
  }

  /** Deletes a project; its published definition stays. */
  public void delete(UUID workspaceId, UUID projectId) {
    project(workspaceId, projectId);
    if (!projects.tombstone(projectId, clock.instant())) {
      throw new NotFoundException(KIND, projectId);
    }
  }

  /**
   * Publishes a project as a new source definition of its workspace, running {@code manifest}; the project keeps
   * pointing at it, and later versions come through {@code declarative_source_definitions/create_manifest}.
   */
  public UUID publish(UUID workspaceId, UUID projectId, String name, JsonNode manifest, long version,
                      String description, String componentsFileContent) {
    BuilderProject current = project(workspaceId, projectId);
    requireNoComponents(componentsFileContent, "componentsFileContent");
    if (current.actorDefinitionId() != null) {
      throw new ConflictException("Project %s is published already as source definition %s; publish new versions with declarative_source_definitions/create_manifest"
          .formatted(projectId, current.actorDefinitionId()));
    }
    Instant now = clock.instant();
    BuilderProject published = new BuilderProject(current.id(), current.workspaceId(), name, UUID.randomUUID(), null,
        current.testingValues(), current.baseActorDefinitionVersionId(), current.contributionPullRequestUrl(),
        current.contributionActorDefinitionId(), false, current.createdAt(), now);
    return declaratives.publish(published, name, manifest, version, description, "initialDeclarativeManifest.manifest")
        .definition().id();
  }

  /**
   * Replaces a project's testing values, their secrets encrypted; a secret sent back masked keeps its stored value.
   *
   * @param spec the connection specification saying which values are secret (see
   *     Airbyte's {@code ConnectorBuilderProjectTestingValuesUpdate})
   * @return the values saved, every secret masked
   */
  public ObjectNode updateTestingValues(UUID workspaceId, UUID projectId, ObjectNode spec, ObjectNode values) {
    BuilderProject project = project(workspaceId, projectId);
    if (Json.write(values).length() > MAX_TESTING_VALUES_CHARS) {
      throw new InvalidInputException("testingValues", null, "'testingValues' is larger than the %d KiB they may take"
          .formatted(MAX_TESTING_VALUES_CHARS / 1024));
    }
    JsonNode specification = spec.path("connectionSpecification").isObject() ? spec.get("connectionSpecification") : spec;
    // Revealed by the specification they were stored by, so a masked secret finds its value even if that changed.
    JsonNode previous = project.testingValues() == null ? null : revealedTestingValues(project);
    JsonNode stored = secrets.protectForStorage(specification, values, previous, "testingValues");
    if (!projects.saveTestingValues(projectId, new TestingValues(stored, specification.deepCopy()), clock.instant())) {
      throw new NotFoundException(KIND, projectId);
    }
    return (ObjectNode) secrets.mask(specification, stored);
  }

  /** Every project's secret testing values, to mask them out of the server's own log. */
  public List<String> storedSecretValues() {
    List<String> values = new ArrayList<>();
    for (TestingValues testing : projects.listTestingValues()) {
      try {
        JsonNode revealed = secrets.reveal(testing.connectionSpecification(), testing.stored());
        values.addAll(SecretPaths.of(testing.connectionSpecification()).secretValues(revealed));
      } catch (SecretEnvelopeException undecryptable) {
        // Encrypted with another key: nothing of it can have reached this server's log in the clear.
      }
    }
    return values;
  }

  private ProjectView view(BuilderProject project) {
    Long active = active(project).map(definition -> definition.manifest().version()).orElse(null);
    DefinitionWithVersion base = project.baseActorDefinitionVersionId() == null ? null
        : definitions.withVersion(project.baseActorDefinitionVersionId()).orElse(null);
    return new ProjectView(project, active, base);
  }

  private Optional<DeclarativeDefinition> active(BuilderProject project) {
    return project.actorDefinitionId() == null ? Optional.empty() : declaratives.find(project.actorDefinitionId());
  }

  /** A project's testing values as a connector uses them, secrets decrypted; an empty object when none were saved. */
  JsonNode revealedTestingValues(BuilderProject project) {
    TestingValues values = project.testingValues();
    return values == null ? Json.object() : secrets.reveal(values.connectionSpecification(), values.stored());
  }

  private ObjectNode maskedTestingValues(BuilderProject project) {
    TestingValues values = project.testingValues();
    return values == null ? null : (ObjectNode) secrets.mask(values.connectionSpecification(), values.stored());
  }

  /** A live project of the workspace; 404 for another workspace's, as Airbyte answers. */
  BuilderProject project(UUID workspaceId, UUID projectId) {
    UUID workspace = workspaces.live(workspaceId).id();
    return projects.find(requireNonNull(projectId, "projectId is null"))
        .filter(project -> project.workspaceId().equals(workspace))
        .orElseThrow(() -> new NotFoundException(KIND, projectId));
  }

  private static String name(ProjectDetails details) {
    requireNoComponents(details.componentsFileContent(), "builderProject.componentsFileContent");
    return DefinitionService.requireText(details.name(), "builderProject.name");
  }

  /** The draft a client sent, as an object or as YAML text; null for none. */
  private static JsonNode draft(ProjectDetails details) {
    if (details.draftManifest() != null && !details.draftManifest().isNull()) {
      if (!details.draftManifest().isObject()) {
        throw new InvalidInputException("builderProject.draftManifest", null,
            "'builderProject.draftManifest' must be a manifest: a JSON object");
      }
      return details.draftManifest();
    }
    if (details.yamlManifest() == null || details.yamlManifest().isBlank()) {
      return null;
    }
    try {
      return Manifests.parse(details.yamlManifest());
    } catch (ManifestException e) {
      throw DeclarativeManifests.invalid(e, "builderProject.yamlManifest");
    }
  }

  static void requireNoComponents(String code, String property) {
    if (code != null && !code.isBlank()) {
      throw new InvalidInputException(property, null, "Gale runs declarative manifests without Python: '%s' (custom components) cannot run here"
          .formatted(property));
    }
  }

  private static <T> T orElse(T value, T stored) {
    return value != null ? value : stored;
  }
}
