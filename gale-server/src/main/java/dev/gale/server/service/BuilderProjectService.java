package dev.gale.server.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.ManifestException;
import dev.gale.connectors.declarative.Manifests;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.Json;
import dev.gale.server.api.model.BuilderBodies.BaseActorDefinitionVersionInfo;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectDetails;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectDetailsRead;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectRead;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectStreamRead;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectStreamReadRequestBody;
import dev.gale.server.api.model.BuilderBodies.ContributionInfo;
import dev.gale.server.api.model.BuilderBodies.DeclarativeManifestRead;
import dev.gale.server.api.model.DeclarativeBodies.DeclarativeSourceManifest;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.domain.BuilderProject;
import dev.gale.server.domain.BuilderProject.TestingValues;
import dev.gale.server.domain.DeclarativeDefinition;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.secrets.ConfigSecrets;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.store.BuilderProjectRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Airbyte's connector builder projects: drafts of declarative sources, their testing values, test reads of a draft,
 * and publishing a project as a definition (then versioned by {@link DeclarativeSourceService}). Testing values are
 * a configuration like any source's: stored with their secrets encrypted and answered masked.
 */
public final class BuilderProjectService {
  private static final Logger LOG = LoggerFactory.getLogger(BuilderProjectService.class);
  private static final String KIND = "connector builder project";
  /** Airbyte's bounds and defaults of a test read. */
  private static final int DEFAULT_RECORD_LIMIT = 1000;
  private static final int MAX_RECORD_LIMIT = 10_000;
  private static final int DEFAULT_PAGE_LIMIT = 5;
  private static final int DEFAULT_SLICE_LIMIT = 5;
  private static final int MAX_PAGE_OR_SLICE_LIMIT = 20;
  /** How much of each response body a test read shows. */
  private static final int MAX_BODY_CHARS = 100_000;
  private static final int MAX_TESTING_VALUES_CHARS = 1024 * 1024;

  private final BuilderProjectRepository projects;
  private final DeclarativeSourceService declaratives;
  private final DefinitionService definitions;
  private final WorkspaceService workspaces;
  private final ConfigSecrets secrets;
  private final ManifestLoader manifests;
  private final Clock clock;
  private final Duration testReadTimeout;

  public BuilderProjectService(BuilderProjectRepository projects, DeclarativeSourceService declaratives,
                               DefinitionService definitions, WorkspaceService workspaces, ConfigSecrets secrets,
                               ManifestLoader manifests, Clock clock, Duration testReadTimeout) {
    this.projects = requireNonNull(projects, "projects is null");
    this.declaratives = requireNonNull(declaratives, "declaratives is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.secrets = requireNonNull(secrets, "secrets is null");
    this.manifests = requireNonNull(manifests, "manifests is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.testReadTimeout = requireNonNull(testReadTimeout, "testReadTimeout is null");
  }

  public UUID create(UUID workspaceId, ConnectorBuilderProjectDetails details) {
    UUID workspace = workspaces.live(workspaceId).id();
    Instant now = clock.instant();
    BuilderProject project = new BuilderProject(UUID.randomUUID(), workspace, name(details), null,
        draft(details), null, details.baseActorDefinitionVersionId(), details.contributionPullRequestUrl(),
        details.contributionActorDefinitionId(), false, now, now);
    projects.insert(project);
    return project.id();
  }

  public List<ConnectorBuilderProjectDetailsRead> list(UUID workspaceId) {
    return projects.listForWorkspace(workspaces.live(workspaceId).id()).stream().map(this::details).toList();
  }

  /**
   * A project with its manifest: the draft when there is one, else the active published version, or the published
   * {@code version} asked for; its testing values masked.
   */
  public ConnectorBuilderProjectRead get(UUID workspaceId, UUID projectId, Long version) {
    BuilderProject project = project(workspaceId, projectId);
    DeclarativeManifestRead manifest;
    if (version != null) {
      if (project.actorDefinitionId() == null) {
        throw new NotFoundException("manifest version", version, "project " + projectId + " is not published");
      }
      manifest = published(declaratives.manifestVersion(project.actorDefinitionId(), version));
    } else if (project.hasDraft()) {
      manifest = new DeclarativeManifestRead(project.manifestDraft(), true, null, null);
    } else {
      manifest = active(project).map(definition -> published(definition.manifest())).orElse(null);
    }
    return new ConnectorBuilderProjectRead(details(project), manifest, maskedTestingValues(project));
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
  public void update(UUID workspaceId, UUID projectId, ConnectorBuilderProjectDetails details) {
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
  public UUID publish(UUID workspaceId, UUID projectId, String name, DeclarativeSourceManifest manifest,
                      String componentsFileContent) {
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
    return declaratives.publish(published, name, manifest.manifest(), manifest.version(), manifest.description(),
        "initialDeclarativeManifest.manifest").definition().id();
  }

  /**
   * Replaces a project's testing values, their secrets encrypted; a secret sent back masked keeps its stored value.
   *
   * @param spec the connection specification saying which values are secret (see
   *     {@link dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectTestingValuesUpdate})
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
    JsonNode previous = project.testingValues() == null ? null
        : secrets.reveal(project.testingValues().connectionSpecification(), project.testingValues().stored());
    JsonNode stored = secrets.protectForStorage(specification, values, previous, "testingValues");
    if (!projects.saveTestingValues(projectId, new TestingValues(stored, specification.deepCopy()), clock.instant())) {
      throw new NotFoundException(KIND, projectId);
    }
    return (ObjectNode) secrets.mask(specification, stored);
  }

  /**
   * Reads the first pages of one stream of the manifest sent (the draft being edited) with the project's testing
   * values, as Airbyte's builder shows them. A manifest that cannot run, a stream it lacks or testing values it
   * refuses are 422s; a read that fails on the way answers what it read, with the failure as an ERROR log line.
   */
  public ConnectorBuilderProjectStreamRead readStream(ConnectorBuilderProjectStreamReadRequestBody request) {
    BuilderProject project = project(request.workspaceId(), request.builderProjectId());
    requireNoComponents(request.customComponentsCode(), "customComponentsCode");
    TestReadLimits limits = new TestReadLimits(
        limit(request.recordLimit(), DEFAULT_RECORD_LIMIT, MAX_RECORD_LIMIT, "recordLimit"),
        limit(request.pageLimit(), DEFAULT_PAGE_LIMIT, MAX_PAGE_OR_SLICE_LIMIT, "pageLimit"),
        limit(request.sliceLimit(), DEFAULT_SLICE_LIMIT, MAX_PAGE_OR_SLICE_LIMIT, "sliceLimit"), MAX_BODY_CHARS);
    List<AirbyteStateMessage> state = state(request.state());
    DeclarativeSource source = DeclarativeManifests.requireRunnable(manifests, request.manifest(), "manifest");
    JsonNode config = project.testingValues() == null ? Json.object()
        : secrets.reveal(project.testingValues().connectionSpecification(), project.testingValues().stored());
    SecretMasker masker = masker(project, source, config);
    BoundedCall.Result<TestRead> result = BoundedCall.run(
        () -> source.testRead(config, request.streamName(), state, limits), testReadTimeout, "test read");
    if (result.succeeded()) {
      return TestReadAnswers.of(result.value(), request.streamName(), masker);
    }
    if (result.cause() instanceof ConnectorException refused) {
      String message = masker.mask(refused.getMessage());
      // The interpreter refuses a stream it lacks or testing values its specification refuses, before any request.
      throw message.startsWith("This source has no stream")
          ? new InvalidInputException("streamName", request.streamName(), message)
          : new InvalidInputException("testingValues", null, "The project's testing values do not fit the manifest: "
              + message);
    }
    LOG.warn("Test read of project {} failed: {}", project.id(), masker.mask(result.failure()));
    return TestReadAnswers.failed(masker.mask(result.failure()));
  }

  /** The values of every secret in the testing values, as the stored and the manifest's specifications say. */
  private SecretMasker masker(BuilderProject project, DeclarativeSource source, JsonNode config) {
    List<String> values = new ArrayList<>(SecretPaths.of(source.spec().connectionSpecification()).secretValues(config));
    if (project.testingValues() != null) {
      values.addAll(SecretPaths.of(project.testingValues().connectionSpecification()).secretValues(config));
    }
    return SecretMasker.of(values);
  }

  /** Every project's secret testing values, to mask them out of the server's own log. */
  public List<String> storedSecretValues() {
    List<String> values = new ArrayList<>();
    for (TestingValues testing : projects.listTestingValues()) {
      try {
        JsonNode revealed = secrets.reveal(testing.connectionSpecification(), testing.stored());
        values.addAll(SecretPaths.of(testing.connectionSpecification()).secretValues(revealed));
      } catch (RuntimeException undecryptable) {
        // Encrypted with another key: nothing of it can have reached this server's log in the clear.
      }
    }
    return values;
  }

  private ConnectorBuilderProjectDetailsRead details(BuilderProject project) {
    Long active = active(project).map(definition -> definition.manifest().version()).orElse(null);
    BaseActorDefinitionVersionInfo base = project.baseActorDefinitionVersionId() == null ? null
        : definitions.withVersion(project.baseActorDefinitionVersionId()).map(d -> new BaseActorDefinitionVersionInfo(
            d.definition().name(), d.version().dockerRepository(), d.version().dockerImageTag(), d.definition().id(),
            d.definition().icon() == null ? "" : d.definition().icon(), d.version().documentationUrl())).orElse(null);
    ContributionInfo contribution = project.contributionPullRequestUrl() == null || project.contributionActorDefinitionId() == null
        ? null : new ContributionInfo(project.contributionPullRequestUrl(), project.contributionActorDefinitionId());
    return new ConnectorBuilderProjectDetailsRead(project.name(), project.id(), project.actorDefinitionId(), active,
        project.hasDraft(), project.updatedAt().getEpochSecond(), base, contribution);
  }

  private Optional<DeclarativeDefinition> active(BuilderProject project) {
    return project.actorDefinitionId() == null ? Optional.empty() : declaratives.find(project.actorDefinitionId());
  }

  private static DeclarativeManifestRead published(DeclarativeManifest manifest) {
    return new DeclarativeManifestRead(manifest.manifest(), false, manifest.version(),
        manifest.description() == null ? "" : manifest.description());
  }

  private ObjectNode maskedTestingValues(BuilderProject project) {
    TestingValues values = project.testingValues();
    return values == null ? null : (ObjectNode) secrets.mask(values.connectionSpecification(), values.stored());
  }

  /** A live project of the workspace; 404 for another workspace's, as Airbyte answers. */
  private BuilderProject project(UUID workspaceId, UUID projectId) {
    UUID workspace = workspaces.live(workspaceId).id();
    return projects.find(requireNonNull(projectId, "projectId is null"))
        .filter(project -> project.workspaceId().equals(workspace))
        .orElseThrow(() -> new NotFoundException(KIND, projectId));
  }

  private static String name(ConnectorBuilderProjectDetails details) {
    requireNoComponents(details.componentsFileContent(), "builderProject.componentsFileContent");
    return DefinitionService.requireText(details.name(), "builderProject.name");
  }

  /** The draft a client sent, as an object or as YAML text; null for none. */
  private static JsonNode draft(ConnectorBuilderProjectDetails details) {
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

  private static void requireNoComponents(String code, String property) {
    if (code != null && !code.isBlank()) {
      throw new InvalidInputException(property, null, "Gale runs declarative manifests without Python: '%s' (custom components) cannot run here"
          .formatted(property));
    }
  }

  private static int limit(Integer value, int absent, int max, String property) {
    if (value == null) {
      return absent;
    }
    if (value < 1 || value > max) {
      throw new InvalidInputException(property, value, "'%s' must be 1 to %d, not %d".formatted(property, max, value));
    }
    return value;
  }

  private static List<AirbyteStateMessage> state(List<JsonNode> messages) {
    if (messages == null) {
      return List.of();
    }
    List<AirbyteStateMessage> state = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      try {
        AirbyteStateMessage message = Json.convert(messages.get(i), AirbyteStateMessage.class);
        boolean whole = message != null && message.type() != null && switch (message.type()) {
          case STREAM -> message.stream() != null && message.stream().streamDescriptor() != null;
          case GLOBAL -> message.global() != null && message.global().streamStates() != null;
          case LEGACY -> message.data() != null;
        };
        if (!whole) {
          throw new IllegalArgumentException("not a whole state message");
        }
        state.add(message);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("state[" + i + "]", null,
            "'state[%d]' must be an Airbyte state message ({\"type\": \"STREAM\", \"stream\": {...}})".formatted(i));
      }
    }
    return state;
  }

  private static <T> T orElse(T value, T stored) {
    return value != null ? value : stored;
  }
}
