package dev.gale.server.service.definition;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connectors.declarative.ManifestException;
import dev.gale.connectors.external.ExternalLaunches;
import dev.gale.server.catalog.CatalogEntry;
import dev.gale.server.catalog.CatalogSelection;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.store.DeclarativeSourceRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which connector runs a definition, decided in one place for every caller (checks, discovery, syncs, the APIs):
 * <ol>
 *   <li>the connectors this Gale ships, by definition id: the built-ins on its class path, then the manifest-only
 *       sources of its connector catalog ({@code GALE_CONNECTORS}), which run in process as built-ins do;</li>
 *   <li>a declarative definition (Airbyte's manifest runner image) runs its active manifest from the store;</li>
 *   <li>a custom definition runs the shipped connector of its docker repository;</li>
 *   <li>a custom definition whose repository no shipped connector has runs as an external program, found by
 *       {@link ExternalLaunches} (a configured command, {@code source-xyz} on the PATH, Docker), with the
 *       specification stored when the definition version was created (see {@link ExternalConnectors}).</li>
 * </ol>
 * A built-in keeps its id and repository when a catalog folder claims them too. Stored manifests are loaded once per
 * definition and manifest version, so a sync does not parse its manifest again, and a new active version is loaded
 * for the next call that needs it. Thread-safe.
 */
public final class ConnectorCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorCatalog.class);

  private final List<Connector> shipped;
  private final Map<UUID, Connector> shippedById = new HashMap<>();
  private final Map<String, Connector> shippedByRepository = new HashMap<>();
  private final DeclarativeSourceRepository declaratives;
  private final ManifestLoader manifests;
  private final ExternalConnectors external;
  private final Path catalogFolder;
  /** The loaded active manifest of each declarative definition that ran, with the version it is. */
  private final ConcurrentMap<UUID, StoredSource> stored = new ConcurrentHashMap<>();

  /**
   * @param catalog the sources of the connector catalog's folders that loaded; a folder claiming a shipped
   *     connector's definition id or docker repository is left out, and the log says so
   * @param launches how the operator lets images Gale does not ship run
   * @param catalogFolder where the connector catalog is, for the message of a definition nothing runs
   */
  public ConnectorCatalog(ConnectorRegistry builtIns, List<CatalogEntry.Loaded> catalog,
                          DeclarativeSourceRepository declaratives, ManifestLoader manifests,
                          ExternalLaunches launches, Path catalogFolder) {
    requireNonNull(builtIns, "builtIns is null");
    requireNonNull(catalog, "catalog is null");
    this.declaratives = requireNonNull(declaratives, "declaratives is null");
    this.manifests = requireNonNull(manifests, "manifests is null");
    this.external = new ExternalConnectors(launches);
    this.catalogFolder = requireNonNull(catalogFolder, "catalogFolder is null");
    List<Connector> all = new ArrayList<>(builtIns.connectors());
    CatalogSelection selection = CatalogSelection.of(builtIns.connectors(), catalog);
    for (CatalogEntry.Refused skipped : selection.skipped()) {
      LOG.warn("Connector catalog folder {} is skipped: {}", skipped.folder(), skipped.reason());
    }
    for (CatalogEntry.Loaded entry : selection.kept()) {
      ConnectorDescriptor descriptor = entry.source().descriptor();
      all.add(entry.source());
      LOG.info("Connector catalog: {} {} ({}, definition {}) from {}", descriptor.dockerRepository(),
          descriptor.dockerImageTag(), descriptor.name(), descriptor.definitionId(), entry.folder());
    }
    all.forEach(connector -> {
      shippedById.put(connector.descriptor().definitionId(), connector);
      shippedByRepository.put(connector.descriptor().dockerRepository(), connector);
    });
    this.shipped = List.copyOf(all);
  }

  /** The connectors this Gale ships: the built-ins, then the catalog's sources. */
  List<Connector> shipped() {
    return shipped;
  }

  /** A shipped connector by its definition id. */
  Optional<Connector> shipped(UUID definitionId) {
    return Optional.ofNullable(shippedById.get(requireNonNull(definitionId, "definitionId is null")));
  }

  /** A shipped connector by its Airbyte docker repository ({@code airbyte/source-pokeapi}). */
  Optional<Connector> shippedByDockerRepository(String dockerRepository) {
    return Optional.ofNullable(shippedByRepository.get(requireNonNull(dockerRepository, "dockerRepository is null")));
  }

  /**
   * What runs a definition at its default version.
   *
   * @return the connector, or why none does (for the user: which definition, which manifest place)
   */
  public Resolution resolve(DefinitionWithVersion definition) {
    requireNonNull(definition, "definition is null");
    Connector byId = shippedById.get(definition.definition().id());
    if (byId != null) {
      return Resolution.of(byId);
    }
    String repository = definition.version().dockerRepository();
    if (repository.equals(DeclarativeManifests.DOCKER_REPOSITORY)) {
      return storedManifest(definition);
    }
    Connector byRepository = shippedByRepository.get(repository);
    if (byRepository != null) {
      return Resolution.of(byRepository);
    }
    if (!definition.definition().custom()) {
      return Resolution.none("No connector of this Gale runs %s (%s)".formatted(definition.definition().name(), repository));
    }
    ExternalConnectors.Found found = external.resolve(definition);
    return found.connector().map(Resolution::of).orElseGet(() -> Resolution.none(unrunnable(
        definition.definition().actorType(), repository, definition.version().dockerImageTag(), found.search())));
  }

  /** How to run an image this Gale does not ship, or what was tried in vain. */
  ExternalLaunches.Search findLaunch(ActorType type, String repository, String tag) {
    return external.find(type, repository, tag);
  }

  /**
   * Why nothing runs {@code repository:tag}, for the user: what was tried, and every way a connector can run here.
   */
  String unrunnable(ActorType type, String repository, String tag, ExternalLaunches.Search search) {
    ConnectorDescriptor.Kind kind = ExternalConnectors.kind(type);
    String label = kind == ConnectorDescriptor.Kind.SOURCE ? "source" : "destination";
    List<String> builtIns = shipped.stream().filter(c -> c.descriptor().kind() == kind)
        .map(c -> c.descriptor().dockerRepository()).sorted().toList();
    List<String> options = new ArrayList<>();
    options.add("a connector this Gale ships, by its repository " + builtIns);
    if (kind == ConnectorDescriptor.Kind.SOURCE) {
      options.add("a manifest-only source in the connector catalog folder " + catalogFolder);
    }
    options.add("a command configured for its repository in the file " + ExternalLaunches.COMMANDS_VARIABLE + " names");
    options.add("an executable named %s-xyz on the PATH for an image like owner/%s-xyz".formatted(label, label));
    options.add("its image, where a Docker engine answers");
    return "Gale cannot pull or run %s:%s: %s. A %s runs here as one of: %s".formatted(repository, tag,
        String.join("; ", search.tried()), label, String.join("; ", options));
  }

  private Resolution storedManifest(DefinitionWithVersion definition) {
    UUID id = definition.definition().id();
    long version;
    try {
      version = Long.parseLong(definition.version().dockerImageTag());
    } catch (NumberFormatException e) {
      return Resolution.none("%s names no manifest version: its version is '%s'"
          .formatted(definition.definition().name(), definition.version().dockerImageTag()));
    }
    return stored.compute(id, (key, cached) -> cached != null && cached.version() == version ? cached
        : load(definition, version)).resolution();
  }

  private StoredSource load(DefinitionWithVersion definition, long version) {
    String name = definition.definition().name();
    Optional<DeclarativeManifest> manifest = declaratives.findVersion(definition.definition().id(), version);
    if (manifest.isEmpty()) {
      return new StoredSource(version, Resolution.none("%s has no manifest version %d".formatted(name, version)));
    }
    ConnectorDescriptor descriptor = new ConnectorDescriptor(definition.definition().id(),
        ConnectorDescriptor.Kind.SOURCE, name, DeclarativeManifests.DOCKER_REPOSITORY, String.valueOf(version),
        definition.version().documentationUrl() == null ? "" : definition.version().documentationUrl(), null,
        ConnectorDescriptor.ReleaseStage.CUSTOM, ConnectorDescriptor.SupportLevel.NONE,
        ConnectorDescriptor.SourceType.CUSTOM);
    try {
      return new StoredSource(version, Resolution.of(manifests.load(descriptor, manifest.get().manifest())));
    } catch (ManifestException e) {
      // Stored before Gale checked manifests whole, or refused by a stricter interpreter since.
      return new StoredSource(version, Resolution.none("The manifest of %s (version %d) cannot run: %s"
          .formatted(name, version, e.getMessage())));
    }
  }

  /**
   * The connector of a definition, or the reason there is none.
   *
   * @param connector null when there is none
   * @param problem null when there is a connector
   */
  public record Resolution(Connector connector, String problem) {
    static Resolution of(Connector connector) {
      return new Resolution(requireNonNull(connector, "connector is null"), null);
    }

    static Resolution none(String problem) {
      return new Resolution(null, requireNonNull(problem, "problem is null"));
    }

    public Optional<Connector> found() {
      return Optional.ofNullable(connector);
    }
  }

  private record StoredSource(long version, Resolution resolution) {}
}
