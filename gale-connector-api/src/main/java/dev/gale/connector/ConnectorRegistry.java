package dev.gale.connector;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * The connectors a Gale process knows, looked up by definition id or by Airbyte docker repository. Immutable and
 * safe to share between threads.
 */
public final class ConnectorRegistry {
  private final List<Connector> connectors;
  private final Map<UUID, Connector> byDefinitionId = new HashMap<>();
  private final Map<String, Connector> byDockerRepository = new HashMap<>();

  private ConnectorRegistry(Collection<? extends Connector> connectors) {
    this.connectors = List.copyOf(connectors);
    for (Connector connector : this.connectors) {
      ConnectorDescriptor descriptor = requireNonNull(connector.descriptor(),
          () -> connector.getClass().getName() + " has no descriptor");
      checkKindMatchesType(connector, descriptor);
      Connector sameId = byDefinitionId.putIfAbsent(descriptor.definitionId(), connector);
      if (sameId != null) {
        throw new IllegalStateException("connectors " + describe(sameId) + " and " + describe(connector)
            + " share definition id " + descriptor.definitionId());
      }
      Connector sameRepository = byDockerRepository.putIfAbsent(descriptor.dockerRepository(), connector);
      if (sameRepository != null) {
        throw new IllegalStateException("connectors " + describe(sameRepository) + " and " + describe(connector)
            + " share docker repository " + descriptor.dockerRepository());
      }
    }
  }

  /** The connectors on Gale's own class path, registered in {@code META-INF/services/dev.gale.connector.Connector}. */
  public static ConnectorRegistry builtIns() {
    return load(Connector.class.getClassLoader());
  }

  /**
   * The connectors registered in {@code META-INF/services/dev.gale.connector.Connector} as seen by
   * {@code classLoader}.
   *
   * @throws IllegalStateException when two share a definition id or docker repository, or a kind does not match
   * @throws java.util.ServiceConfigurationError when a listed class cannot be instantiated
   */
  public static ConnectorRegistry load(ClassLoader classLoader) {
    return of(ServiceLoader.load(Connector.class, classLoader).stream().map(ServiceLoader.Provider::get).toList());
  }

  /**
   * A registry of exactly these connectors.
   *
   * @throws IllegalStateException when two share a definition id or docker repository, or a kind does not match
   */
  public static ConnectorRegistry of(Collection<? extends Connector> connectors) {
    return new ConnectorRegistry(requireNonNull(connectors, "connectors is null"));
  }

  /** All connectors, in the order they were registered. */
  public List<Connector> connectors() {
    return connectors;
  }

  public List<Source> sources() {
    return connectors.stream().filter(c -> c.descriptor().kind() == ConnectorDescriptor.Kind.SOURCE)
        .map(Source.class::cast).toList();
  }

  public List<Destination> destinations() {
    return connectors.stream().filter(c -> c.descriptor().kind() == ConnectorDescriptor.Kind.DESTINATION)
        .map(Destination.class::cast).toList();
  }

  public Optional<Connector> find(UUID definitionId) {
    return Optional.ofNullable(byDefinitionId.get(requireNonNull(definitionId, "definitionId is null")));
  }

  public Optional<Source> findSource(UUID definitionId) {
    return find(definitionId).filter(c -> c.descriptor().kind() == ConnectorDescriptor.Kind.SOURCE)
        .map(Source.class::cast);
  }

  public Optional<Destination> findDestination(UUID definitionId) {
    return find(definitionId).filter(c -> c.descriptor().kind() == ConnectorDescriptor.Kind.DESTINATION)
        .map(Destination.class::cast);
  }

  /** Finds a connector by its Airbyte image name without tag, for example {@code airbyte/source-faker}. */
  public Optional<Connector> findByDockerRepository(String dockerRepository) {
    return Optional.ofNullable(byDockerRepository.get(requireNonNull(dockerRepository, "dockerRepository is null")));
  }

  // The kind in the descriptor is what callers switch on; it must agree with the interface the class implements so
  // that the casts above cannot fail.
  private static void checkKindMatchesType(Connector connector, ConnectorDescriptor descriptor) {
    boolean matches = switch (descriptor.kind()) {
      case SOURCE -> connector instanceof Source && !(connector instanceof Destination);
      case DESTINATION -> connector instanceof Destination && !(connector instanceof Source);
    };
    if (!matches) {
      throw new IllegalStateException(describe(connector) + " declares kind " + descriptor.kind()
          + " but does not implement exactly the matching interface");
    }
  }

  private static String describe(Connector connector) {
    return connector.getClass().getName() + " (" + connector.descriptor().name() + ")";
  }
}
