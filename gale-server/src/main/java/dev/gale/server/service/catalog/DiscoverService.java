package dev.gale.server.service.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Source;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorCatalog;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.domain.SyncCatalog;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.service.BoundedCall;
import dev.gale.server.service.actor.ActorService.Candidate;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.definition.UnrunnableDefinitionException;
import dev.gale.server.store.CatalogRepository;
import dev.gale.server.store.ConnectionRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers what streams a source offers, and caches the answer per source, stored configuration and connector
 * version, as Airbyte does: asking again with the same configuration answers from the cache unless the caller
 * disables it.
 */
public final class DiscoverService {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoverService.class);

  private final ActorService actors;
  private final DefinitionService definitions;
  private final ConnectionRepository connections;
  private final CatalogRepository catalogs;
  private final Clock clock;
  private final Duration timeout;

  public DiscoverService(ActorService actors, DefinitionService definitions, ConnectionRepository connections,
                         CatalogRepository catalogs, Clock clock, Duration timeout) {
    this.actors = requireNonNull(actors, "actors is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.catalogs = requireNonNull(catalogs, "catalogs is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
  }

  /**
   * What a discovery produced.
   *
   * @param catalog empty when the connector failed; {@code failure} says why
   * @param diff against the connection's catalog, when a connection was named
   */
  public record Discovery(Optional<AirbyteCatalog> catalog, Optional<UUID> catalogId, Optional<List<StreamChange>> diff,
                          boolean breakingChange, String failure, long startedAtMillis, long endedAtMillis) {}

  /** Discovers a saved source; a cached catalog for its current configuration answers unless {@code disableCache}. */
  public Discovery discover(UUID sourceId, boolean disableCache, UUID connectionId) {
    Actor source = actors.live(ActorType.SOURCE, sourceId);
    DefinitionWithVersion definition = actors.definitionOf(source);
    String configHash = CatalogRepository.contentHash(source.configuration());
    String version = definition.version().dockerImageTag();
    long started = clock.millis();
    Optional<ActorCatalog> cached = disableCache ? Optional.empty() : catalogs.findLatest(sourceId, configHash, version);
    Discovery discovery = cached
        .map(c -> new Discovery(Optional.of(Json.convert(c.catalog(), AirbyteCatalog.class)), Optional.of(c.id()),
            Optional.empty(), false, null, started, clock.millis()))
        .orElseGet(() -> run(definition, actors.revealedConfiguration(source), started, catalog -> {
          ActorCatalog stored = catalogs.store(Json.tree(catalog));
          catalogs.recordFetch(sourceId, stored.id(), configHash, version);
          return stored.id();
        }));
    return connectionId == null || discovery.catalog().isEmpty() ? discovery : withDiff(discovery, connectionId);
  }

  /**
   * The streams a saved source offers, from the cache when its configuration has not changed: for completing a
   * connection's streams that name only their name and namespace.
   *
   * @throws InvalidInputException when the source cannot be discovered
   */
  AirbyteCatalog catalogOf(UUID sourceId) {
    return succeeded(sourceId, false).catalog().orElseThrow();
  }

  /**
   * A discovery of a saved source that found its streams (from the cache unless {@code disableCache}).
   *
   * @throws InvalidInputException when the source cannot be discovered
   */
  public Discovery succeeded(UUID sourceId, boolean disableCache) {
    Discovery discovery = discover(sourceId, disableCache, null);
    if (discovery.catalog().isEmpty()) {
      throw new InvalidInputException("sourceId", sourceId, "The source's streams could not be discovered: " + discovery.failure());
    }
    return discovery;
  }

  /**
   * The streams a saved source has, as a connection's catalog is checked against them: its latest discovered
   * catalog, whatever configuration found it; a source never discovered is discovered once, and that catalog kept.
   *
   * @throws InvalidInputException when the source has no catalog yet and cannot be discovered
   */
  AirbyteCatalog latestCatalog(UUID sourceId) {
    return catalogs.findLatest(sourceId)
        .map(stored -> Json.convert(stored.catalog(), AirbyteCatalog.class))
        .orElseGet(() -> catalogOf(sourceId));
  }

  /** Discovers a configuration that is not saved; nothing is cached. */
  public Discovery discoverUnsaved(UUID workspaceId, UUID definitionId, JsonNode configuration) {
    Candidate candidate = actors.candidateForCreate(ActorType.SOURCE, workspaceId, definitionId, configuration);
    return run(candidate.definition(), candidate.revealedConfiguration(), clock.millis(), catalog -> null);
  }

  /** The catalog last discovered for a source, with when. */
  public Optional<ActorCatalog> mostRecent(UUID sourceId) {
    actors.resolve(ActorType.SOURCE, sourceId);
    return catalogs.findLatest(sourceId);
  }

  /**
   * A stored discovered catalog in the Config API's shape, each stream with its default configuration; empty when
   * {@code catalogId} is null or names none.
   */
  public Optional<SyncCatalog.AirbyteCatalog> discovered(UUID catalogId) {
    return catalogId == null ? Optional.empty() : catalogs.find(catalogId)
        .map(c -> Catalogs.toApi(Json.convert(c.catalog(), AirbyteCatalog.class)));
  }

  /** Stores a catalog discovered elsewhere (by a worker) for a source, as the cache for that configuration. */
  public UUID write(SyncCatalog.AirbyteCatalog catalog, UUID sourceId, String connectorVersion, String configurationHash) {
    ActorCatalog stored = catalogs.store(Json.tree(Catalogs.toProtocol(Catalogs.requireDiscovered(catalog, "catalog"))));
    if (sourceId != null) {
      Actor source = actors.resolve(ActorType.SOURCE, sourceId);
      catalogs.recordFetch(source.id(), stored.id(),
          configurationHash != null ? configurationHash : CatalogRepository.contentHash(source.configuration()),
          connectorVersion != null ? connectorVersion : actors.definitionOf(source).version().dockerImageTag());
    } else if (configurationHash != null || connectorVersion != null) {
      throw new InvalidInputException("sourceId", null, "'sourceId' is required to record a configuration hash or version");
    }
    return stored.id();
  }

  private Discovery run(DefinitionWithVersion definition, JsonNode configuration, long started,
                        java.util.function.Function<AirbyteCatalog, UUID> keep) {
    Source source;
    try {
      source = (Source) definitions.implementation(definition);
    } catch (UnrunnableDefinitionException e) {
      return new Discovery(Optional.empty(), Optional.empty(), Optional.empty(), false, e.getMessage(), started, clock.millis());
    }
    BoundedCall.Result<AirbyteCatalog> result = BoundedCall.run(() -> source.discover(configuration), timeout, "discovery");
    if (!result.succeeded()) {
      LOG.warn("Discovery with {} failed: {}", source.descriptor().name(), result.failure(), result.cause());
      return new Discovery(Optional.empty(), Optional.empty(), Optional.empty(), false, result.failure(), started, clock.millis());
    }
    UUID catalogId = keep.apply(result.value());
    return new Discovery(Optional.of(result.value()), Optional.ofNullable(catalogId), Optional.empty(), false, null,
        started, clock.millis());
  }

  /**
   * The diff against what the connection was made from, as Airbyte diffs it: its streams, and the streams of the
   * discovered catalog it was made from that it does not sync (so they do not count as new).
   */
  private Discovery withDiff(Discovery discovery, UUID connectionId) {
    Connection connection = connections.find(connectionId).orElseThrow(() -> new NotFoundException("connection", connectionId));
    SyncCatalog.AirbyteCatalog configured = Json.convert(connection.syncCatalog(), SyncCatalog.AirbyteCatalog.class);
    SyncCatalog.AirbyteCatalog current = discovered(connection.sourceCatalogId())
        .map(original -> ConnectionCatalogs.withUnselectedStreams(configured, original))
        .orElse(configured);
    List<StreamChange> diff = CatalogDiffs.between(current, discovery.catalog().orElseThrow());
    return new Discovery(discovery.catalog(), discovery.catalogId(), Optional.of(diff), CatalogDiffs.isBreaking(diff, current),
        null, discovery.startedAtMillis(), discovery.endedAtMillis());
  }
}
