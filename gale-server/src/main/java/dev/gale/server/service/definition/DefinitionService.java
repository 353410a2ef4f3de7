package dev.gale.server.service.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connectors.external.ExternalCommand;
import dev.gale.connectors.external.ExternalLaunches;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.service.BoundedCall;
import dev.gale.server.store.DefinitionRepository;
import dev.gale.server.store.StoreLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connector definitions: the ones Gale ships (registered at start from its {@link ConnectorCatalog}: the built-ins and
 * the connector catalog's manifest-only sources) and custom ones a workspace adds. Which connector runs a definition
 * is the catalog's to say ({@link ConnectorCatalog#resolve}).
 *
 * <p>A custom definition of an image Gale does not ship gets its specification from the program that runs it: its
 * {@code spec} runs, bounded in time, when the definition or a new version of it is created, and the answer is stored
 * with the version (versions are immutable, so a version, once read, keeps its specification).
 */
public final class DefinitionService {
  private static final Logger LOG = LoggerFactory.getLogger(DefinitionService.class);

  private final DefinitionRepository definitions;
  private final ConnectorCatalog catalog;
  private final Clock clock;
  private final Duration specTimeout;

  /**
   * @param specTimeout how long an external program's {@code spec} may take (a Docker image may be pulled first)
   */
  public DefinitionService(DefinitionRepository definitions, ConnectorCatalog catalog, Clock clock,
                           Duration specTimeout) {
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.specTimeout = requireNonNull(specTimeout, "specTimeout is null");
  }

  /**
   * Brings the shipped definitions in the store up to the shipped connectors (the class path's and the connector
   * catalog's): new ones are inserted as public definitions, a new version becomes the default, and names and icons
   * follow the connector. Idempotent; run at every start. A catalog connector whose id the store has as a custom
   * definition is not registered: the store's definition stays as it is.
   */
  public void registerBuiltIns() {
    for (Connector connector : catalog.shipped()) {
      ConnectorDescriptor d = connector.descriptor();
      Instant now = clock.instant();
      ActorDefinitionVersion version = new ActorDefinitionVersion(versionId(d.definitionId(), d.dockerImageTag()),
          d.definitionId(), d.dockerRepository(), d.dockerImageTag(), d.documentationUrl(), Json.tree(connector.spec()),
          protocolVersion(connector.spec()), ReleaseStage.valueOf(d.releaseStage().name()), null,
          SupportLevel.valueOf(d.supportLevel().name()), now);
      var existing = definitions.find(d.definitionId());
      if (existing.isEmpty()) {
        definitions.insert(new ActorDefinition(d.definitionId(), actorType(d.kind()), d.name(), d.icon(), sourceType(d),
            false, true, false, version.id(), null, now, now), version);
        continue;
      }
      ActorDefinition current = existing.get();
      if (current.custom() || current.actorType() != actorType(d.kind())) {
        LOG.warn("{} is not registered: the store has {} under its definition id {}", d.name(), current.name(), d.definitionId());
        continue;
      }
      if (definitions.findVersion(version.id()).isEmpty()) {
        definitions.insertVersion(version);
      }
      ActorDefinition shipped = new ActorDefinition(current.id(), current.actorType(), d.name(), d.icon(), sourceType(d),
          false, true, current.tombstone(), version.id(), current.resourceRequirements(), current.createdAt(),
          current.updatedAt());
      // A restart of the same build changes nothing: no write, and the definition keeps its updatedAt.
      if (!shipped.equals(current)) {
        definitions.update(shipped.withUpdatedAt(now));
      }
    }
  }

  /** Every live definition of a type. */
  public List<DefinitionWithVersion> list(ActorType type) {
    return definitions.list(type);
  }

  /** The live definitions of a type that every workspace may use. */
  public List<DefinitionWithVersion> listPublic(ActorType type) {
    return definitions.list(type).stream().filter(d -> d.definition().isPublic()).toList();
  }

  /** The definitions this Gale ships, as they are in the store. */
  public List<DefinitionWithVersion> listBuiltIn(ActorType type) {
    return catalog.shipped().stream()
        .filter(c -> actorType(c.descriptor().kind()) == type)
        .map(c -> live(type, c.descriptor().definitionId()))
        .toList();
  }

  public List<DefinitionWithVersion> listForWorkspace(ActorType type, UUID workspaceId) {
    return definitions.listVisibleTo(workspaceId, type);
  }

  /** The private definitions of a type, each with whether the workspace was granted it. */
  public List<Grant> listPrivate(ActorType type, UUID workspaceId) {
    var granted = definitions.listVisibleTo(workspaceId, type).stream().map(d -> d.definition().id()).collect(Collectors.toSet());
    return definitions.list(type).stream()
        .filter(d -> !d.definition().isPublic())
        .map(d -> new Grant(d, granted.contains(d.definition().id())))
        .toList();
  }

  /** A definition and whether a workspace may use it. */
  public record Grant(DefinitionWithVersion definition, boolean granted) {}

  /**
   * How many live definitions of a type run another version than the one this Gale ships for them, as Airbyte's
   * {@code check_updates} compares its definitions with its connector registry by definition id. Built-ins move to
   * the shipped version at every start, and custom definitions are in no registry, so this is 0 unless the store was
   * changed behind Gale's back.
   */
  public int countUpdatable(ActorType type) {
    return (int) list(type).stream()
        .filter(d -> catalog.shipped(d.definition().id())
            .map(shipped -> !shipped.descriptor().dockerImageTag().equals(d.version().dockerImageTag()))
            .orElse(false))
        .count();
  }

  /** A definition (deleted or not) with one of its versions, by the version's id; empty when there is none. */
  public Optional<DefinitionWithVersion> withVersion(UUID versionId) {
    return definitions.findVersion(requireNonNull(versionId, "versionId is null"))
        .flatMap(version -> definitions.find(version.actorDefinitionId())
            .map(definition -> new DefinitionWithVersion(definition, version)));
  }

  /** A live definition of the given type with its default version; 404 otherwise. */
  public DefinitionWithVersion live(ActorType type, UUID definitionId) {
    return definitions.findWithDefaultVersion(requireNonNull(definitionId, "definitionId is null"))
        .filter(d -> d.definition().actorType() == type && !d.definition().tombstone())
        .orElseThrow(() -> new NotFoundException(label(type), definitionId));
  }

  /** A definition of the given type, deleted or not (actors keep resolving theirs); 404 when it never existed. */
  public DefinitionWithVersion resolve(ActorType type, UUID definitionId) {
    return definitions.findWithDefaultVersion(requireNonNull(definitionId, "definitionId is null"))
        .filter(d -> d.definition().actorType() == type)
        .orElseThrow(() -> new NotFoundException(label(type), definitionId));
  }

  /** A live definition a workspace may use; 404 when it is not visible there. */
  public DefinitionWithVersion liveForWorkspace(ActorType type, UUID definitionId, UUID workspaceId) {
    DefinitionWithVersion definition = live(type, definitionId);
    if (!definitions.isVisibleTo(definitionId, workspaceId)) {
      throw new NotFoundException(label(type) + " in workspace " + workspaceId, definitionId);
    }
    return definition;
  }

  /**
   * Airbyte's short name for a definition's connector, as the Public API spells {@code sourceType} and
   * {@code destinationType}: the image name without its owner and its kind ({@code airbyte/source-faker} is
   * {@code faker}, {@code airbyte/destination-dev-null} is {@code dev-null}).
   */
  public static String connectorType(DefinitionWithVersion definition) {
    String repository = definition.version().dockerRepository();
    String image = repository.substring(repository.lastIndexOf('/') + 1);
    String kind = definition.definition().actorType() == ActorType.SOURCE ? "source-" : "destination-";
    return image.startsWith(kind) ? image.substring(kind.length()) : image;
  }

  /**
   * The definition a workspace means by a connector type (see {@link #connectorType}): a built-in one before a
   * custom one that runs the same connector.
   *
   * @param property where the type is in the request, for the error
   * @throws InvalidInputException when no definition the workspace may use has that type
   */
  public DefinitionWithVersion forConnectorType(ActorType type, String connectorType, UUID workspaceId, String property) {
    List<DefinitionWithVersion> visible = definitions.listVisibleTo(workspaceId, type);
    return visible.stream()
        .filter(d -> connectorType(d).equals(connectorType))
        .min(Comparator.comparing((DefinitionWithVersion d) -> d.definition().custom())
            .thenComparing(d -> d.definition().createdAt()))
        .orElseThrow(() -> new InvalidInputException(property, connectorType,
            "No %s of type '%s' in this workspace; the types here are %s".formatted(label(type), connectorType,
                visible.stream().map(DefinitionService::connectorType).distinct().sorted().toList())));
  }

  /**
   * The connector that runs a definition, for a job or a check that runs one.
   *
   * @throws UnrunnableDefinitionException when none does, saying why (for the user)
   */
  public Connector implementation(DefinitionWithVersion definition) {
    ConnectorCatalog.Resolution resolution = catalog.resolve(definition);
    return resolution.found().orElseThrow(() -> new UnrunnableDefinitionException(resolution.problem()));
  }

  /**
   * The connector that runs a definition, for a request that needs one; 422 when none does (a stored manifest that
   * no longer loads says where it fails).
   *
   * @param property the request's property naming the definition, for the error
   */
  public Connector runnableImplementation(DefinitionWithVersion definition, String property) {
    ConnectorCatalog.Resolution resolution = catalog.resolve(definition);
    return resolution.found().orElseThrow(() -> new InvalidInputException(property, definition.definition().id(),
        resolution.problem()));
  }

  /** Whether a definition is a declarative (low-code manifest) one. */
  static boolean isDeclarative(DefinitionWithVersion definition) {
    return definition.version().dockerRepository().equals(DeclarativeManifests.DOCKER_REPOSITORY);
  }

  /** The specification of a definition's default version. */
  public ConnectorSpecification spec(DefinitionWithVersion definition) {
    return Json.convert(definition.version().spec(), ConnectorSpecification.class);
  }

  /**
   * Adds a custom definition granted to one workspace. Its docker repository is that of a connector Gale ships (to pin
   * a name, icon or documentation link), or an image Gale runs as an external program (see {@link ExternalLaunches}),
   * whose {@code spec} is run now and stored; 422 when nothing runs it or its {@code spec} fails or hangs.
   *
   * @param property where the definition is in the request ({@code sourceDefinition}), or "" when its fields are the
   *     request's own, for the paths of input errors
   */
  public DefinitionWithVersion createCustom(ActorType type, UUID workspaceId, CustomDefinition request, String property) {
    String repositoryProperty = join(property, "dockerRepository");
    String repository = requireText(request.dockerRepository(), repositoryProperty);
    String tag = requireText(request.dockerImageTag(), join(property, "dockerImageTag"));
    String documentationUrl = requireFits(request.documentationUrl(), join(property, "documentationUrl"));
    ConnectorSpecification spec = specOf(type, repository, tag, repositoryProperty);
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    ActorDefinitionVersion version = customVersion(id, repository, tag, documentationUrl, spec, now);
    ActorDefinition definition = new ActorDefinition(id, type, requireText(request.name(), join(property, "name")),
        request.icon(), type == ActorType.SOURCE ? SourceType.CUSTOM : null, true, false, false, version.id(),
        request.resourceRequirements(), now, now);
    definitions.insert(definition, version);
    definitions.grant(id, workspaceId);
    return live(type, id);
  }

  /**
   * Changes the version tag and resource requirements. A custom definition gets a new default version (an external
   * program's {@code spec} is run for a tag it has no version of yet); a built-in one runs the version this Gale
   * ships, so only that tag is accepted for it.
   */
  public DefinitionWithVersion update(ActorType type, UUID definitionId, String dockerImageTag, JsonNode resourceRequirements) {
    return update(live(type, definitionId), null, dockerImageTag, resourceRequirements);
  }

  /**
   * A custom definition a workspace owns (granted to it and not public), the only kind a workspace may change
   * through the Public API: 404 when the workspace cannot see it, 403 for a definition built into Gale.
   */
  DefinitionWithVersion ownedBy(ActorType type, UUID definitionId, UUID workspaceId) {
    DefinitionWithVersion definition = liveForWorkspace(type, definitionId, workspaceId);
    if (!definition.definition().custom() || definition.definition().isPublic()) {
      throw new BadRequestException(403, "%s is built into Gale and shared by every workspace; a workspace may change or delete only its custom definitions"
          .formatted(definition.definition().name()));
    }
    return definition;
  }

  /**
   * Renames a workspace's custom definition and moves it to another version tag (see {@link #ownedBy}). A
   * declarative definition changes through its manifest instead: 403.
   */
  public DefinitionWithVersion updateOwned(ActorType type, UUID definitionId, UUID workspaceId, String name, String dockerImageTag) {
    DefinitionWithVersion current = ownedBy(type, definitionId, workspaceId);
    if (isDeclarative(current)) {
      throw new BadRequestException(403, "%s is a declarative source definition: its versions are its manifest's; update it at /workspaces/%s/definitions/declarative_sources/%s"
          .formatted(current.definition().name(), workspaceId, definitionId));
    }
    return update(current, requireText(name, "name"), requireText(dockerImageTag, "dockerImageTag"), null);
  }

  /**
   * Renames a custom definition a workspace owns, as a builder project's published definition follows the project's
   * name; a definition shared by every workspace keeps its name, and a deleted one is left alone.
   */
  public void renameOwned(UUID definitionId, UUID workspaceId, String name) {
    definitions.findWithDefaultVersion(definitionId)
        .filter(current -> !current.definition().tombstone() && current.definition().custom()
            && !current.definition().isPublic() && !current.definition().name().equals(name)
            && definitions.isVisibleTo(definitionId, workspaceId))
        .ifPresent(current -> update(current, requireText(name, "name"), null, null));
  }

  /** Deletes a workspace's custom definition (see {@link #ownedBy}); answers it as it was. */
  public DefinitionWithVersion deleteOwned(ActorType type, UUID definitionId, UUID workspaceId) {
    DefinitionWithVersion current = ownedBy(type, definitionId, workspaceId);
    definitions.tombstone(definitionId);
    return current;
  }

  private DefinitionWithVersion update(DefinitionWithVersion current, String name, String dockerImageTag, JsonNode resourceRequirements) {
    ActorType type = current.definition().actorType();
    UUID definitionId = current.definition().id();
    ActorDefinition d = current.definition();
    UUID versionId = d.defaultVersionId();
    if (dockerImageTag != null && !dockerImageTag.equals(current.version().dockerImageTag())) {
      if (isDeclarative(current)) {
        throw new InvalidInputException("dockerImageTag", dockerImageTag, "%s is a declarative source definition: its versions are its manifest's; choose one with declarative_source_definitions/update_active_manifest"
            .formatted(d.name()));
      }
      if (!d.custom()) {
        throw new InvalidInputException("dockerImageTag", dockerImageTag, "%s is built into Gale at version %s; it cannot run another version"
            .formatted(d.name(), current.version().dockerImageTag()));
      }
      String repository = current.version().dockerRepository();
      ActorDefinitionVersion version = definitions.findVersion(definitionId, dockerImageTag).orElseGet(() -> {
        ActorDefinitionVersion created = customVersion(definitionId, repository, dockerImageTag,
            current.version().documentationUrl(), specOf(type, repository, dockerImageTag, "dockerImageTag"),
            clock.instant());
        definitions.insertVersion(created);
        return created;
      });
      versionId = version.id();
    }
    definitions.update(new ActorDefinition(d.id(), d.actorType(), name == null ? d.name() : name, d.icon(), d.sourceType(), d.custom(), d.isPublic(),
        false, versionId, resourceRequirements == null ? d.resourceRequirements() : resourceRequirements, d.createdAt(),
        clock.instant()));
    return live(type, definitionId);
  }

  public void delete(ActorType type, UUID definitionId) {
    live(type, definitionId);
    definitions.tombstone(definitionId);
  }

  public void grant(ActorType type, UUID definitionId, UUID workspaceId) {
    live(type, definitionId);
    definitions.grant(definitionId, workspaceId);
  }

  public void revoke(ActorType type, UUID definitionId, UUID workspaceId) {
    live(type, definitionId);
    definitions.revoke(definitionId, workspaceId);
  }

  /**
   * The specification of {@code repository:tag}: the shipped connector's, or what the external program that runs the
   * image answers to {@code spec} within the time limit. 422 on {@code property} when the repository is a shipped
   * connector of the other type, when nothing runs the image, and when its {@code spec} fails or does not answer.
   */
  private ConnectorSpecification specOf(ActorType type, String repository, String tag, String property) {
    Optional<Connector> shipped = catalog.shippedByDockerRepository(repository);
    if (shipped.isPresent()) {
      if (actorType(shipped.get().descriptor().kind()) != type) {
        throw new InvalidInputException(property, repository, "%s is a connector this Gale ships, but not a %s"
            .formatted(repository, label(type)));
      }
      return shipped.get().spec();
    }
    ExternalLaunches.Search search = catalog.findLaunch(type, repository, tag);
    ExternalCommand command = search.command().orElseThrow(() -> new InvalidInputException(property, repository,
        catalog.unrunnable(type, repository, tag, search)));
    BoundedCall.Result<ConnectorSpecification> result = BoundedCall.run(
        () -> ExternalConnectors.readSpec(type, repository, tag, command), specTimeout, "spec of " + repository + ":" + tag);
    if (!result.succeeded()) {
      LOG.warn("Reading the spec of {}:{} ({}) failed: {}", repository, tag, command.launch().display(),
          result.failure(), result.cause());
      throw new InvalidInputException(property, repository, result.failure());
    }
    return result.value();
  }

  private static ActorDefinitionVersion customVersion(UUID definitionId, String repository, String tag, String documentationUrl,
                                                      ConnectorSpecification spec, Instant now) {
    return new ActorDefinitionVersion(versionId(definitionId, requireText(tag, "dockerImageTag")), definitionId, repository, tag,
        documentationUrl, Json.tree(spec), protocolVersion(spec), ReleaseStage.CUSTOM, null, SupportLevel.NONE, now);
  }

  /** Version ids are derived from definition and tag, so every Gale process registers the same rows. */
  static UUID versionId(UUID definitionId, String dockerImageTag) {
    return UUID.nameUUIDFromBytes((definitionId + "@" + dockerImageTag).getBytes(StandardCharsets.UTF_8));
  }

  private static String protocolVersion(ConnectorSpecification spec) {
    return spec.protocolVersion() == null ? "0.2.0" : spec.protocolVersion();
  }

  private static ActorType actorType(ConnectorDescriptor.Kind kind) {
    return kind == ConnectorDescriptor.Kind.SOURCE ? ActorType.SOURCE : ActorType.DESTINATION;
  }

  private static SourceType sourceType(ConnectorDescriptor d) {
    return d.sourceType() == null ? null : SourceType.valueOf(d.sourceType().name());
  }

  private static String label(ActorType type) {
    return type == ActorType.SOURCE ? "source definition" : "destination definition";
  }

  private static String join(String property, String field) {
    return property.isEmpty() ? field : property + "." + field;
  }

  /** A text for one of the definition tables' columns: not blank, and short enough for them. */
  public static String requireText(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(property, value, "'" + property + "' must not be blank");
    }
    return requireFits(value, property);
  }

  private static String requireFits(String value, String property) {
    if (value != null && value.length() > StoreLimits.TEXT) {
      throw new InvalidInputException(property, value.substring(0, 40) + "...",
          "'%s' must be at most %d characters, not %d".formatted(property, StoreLimits.TEXT, value.length()));
    }
    return value;
  }
}
