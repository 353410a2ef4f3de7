package dev.gale.server.service.definition;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connectors.external.CustomDescriptors;
import dev.gale.connectors.external.ExternalCommand;
import dev.gale.connectors.external.ExternalDestination;
import dev.gale.connectors.external.ExternalLaunches;
import dev.gale.connectors.external.ExternalSource;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DefinitionWithVersion;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Custom definitions whose image Gale does not ship, run as external programs (see {@link ExternalLaunches} for how a
 * program is found). The specification is read once, when the definition version is created, and stored with it;
 * running a definition builds its connector from that stored specification, once per definition version, so a check
 * or a sync does not run {@code spec} again. Thread-safe.
 */
final class ExternalConnectors {
  private final ExternalLaunches launches;
  /** The connector of each external definition that ran, with the version it is; only found ones are kept. */
  private final ConcurrentMap<UUID, Built> built = new ConcurrentHashMap<>();

  ExternalConnectors(ExternalLaunches launches) {
    this.launches = requireNonNull(launches, "launches is null");
  }

  /** How to run the image, or what was tried in vain. */
  ExternalLaunches.Search find(ActorType type, String repository, String tag) {
    return launches.find(kind(type), repository, tag);
  }

  /**
   * Runs the program's {@code spec}; call it bounded in time ({@link BoundedCall}), as a program may hang.
   *
   * @throws dev.gale.connector.ConnectorException when the program fails or gives no specification
   */
  static ConnectorSpecification readSpec(ActorType type, String repository, String tag, ExternalCommand command) {
    // Only the program's answer is kept; the descriptor names it in its log lines and failures.
    ConnectorDescriptor descriptor = CustomDescriptors.of(UUID.randomUUID(), kind(type), repository, repository, tag,
        null, null);
    return type == ActorType.SOURCE ? ExternalSource.load(descriptor, command).spec()
        : ExternalDestination.load(descriptor, command).spec();
  }

  /**
   * The connector of a custom definition at its default version, from the version's stored specification; empty
   * with what was tried when no program or engine runs it (now: it may have been uninstalled since).
   */
  Found resolve(DefinitionWithVersion definition) {
    UUID id = definition.definition().id();
    UUID versionId = definition.version().id();
    Built cached = built.get(id);
    if (cached != null && cached.versionId().equals(versionId)) {
      return new Found(Optional.of(cached.connector()), null);
    }
    ExternalLaunches.Search search = find(definition.definition().actorType(), definition.version().dockerRepository(),
        definition.version().dockerImageTag());
    if (search.command().isEmpty()) {
      return new Found(Optional.empty(), search);
    }
    Connector connector = connector(definition, search.command().get());
    built.put(id, new Built(versionId, connector));
    return new Found(Optional.of(connector), null);
  }

  private static Connector connector(DefinitionWithVersion definition, ExternalCommand command) {
    var d = definition.definition();
    var version = definition.version();
    ConnectorDescriptor descriptor = CustomDescriptors.of(d.id(), kind(d.actorType()), d.name(),
        version.dockerRepository(), version.dockerImageTag(), version.documentationUrl(), d.icon());
    ConnectorSpecification spec = Json.convert(version.spec(), ConnectorSpecification.class);
    return d.actorType() == ActorType.SOURCE ? new ExternalSource(descriptor, command, spec)
        : new ExternalDestination(descriptor, command, spec);
  }

  static ConnectorDescriptor.Kind kind(ActorType type) {
    return type == ActorType.SOURCE ? ConnectorDescriptor.Kind.SOURCE : ConnectorDescriptor.Kind.DESTINATION;
  }

  /**
   * A resolved connector, or the search that found no launch.
   *
   * @param search null when a connector was found
   */
  record Found(Optional<Connector> connector, ExternalLaunches.Search search) {}

  private record Built(UUID versionId, Connector connector) {}
}
