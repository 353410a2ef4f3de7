package dev.gale.server.testing;

import static java.util.Objects.requireNonNull;

import dev.gale.server.GaleServer;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.Workspace;
import dev.gale.server.secrets.ConfigurationSeals;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.store.ActorRepository;
import dev.gale.server.store.CatalogRepository;
import dev.gale.server.store.ConfigurationSeal;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.Database;
import dev.gale.server.store.DefinitionRepository;
import dev.gale.server.store.JobRepository;
import dev.gale.server.store.OperationRepository;
import dev.gale.server.store.StateRepository;
import dev.gale.server.store.WorkspaceRepository;
import java.util.List;
import java.util.UUID;

/** Every repository over one database, plus shortcuts that store the rows most tests need as a starting point. */
public final class TestingStore {
  private static final String TEST_KEY = SecretCipher.generateBase64Key();

  public final Database database;
  public final WorkspaceRepository workspaces;
  public final DefinitionRepository definitions;
  public final ActorRepository actors;
  public final OperationRepository operations;
  public final ConnectionRepository connections;
  public final StateRepository states;
  public final CatalogRepository catalogs;
  public final JobRepository jobs;

  /** A store that only this class writes actors to: sealed with a key of its own. */
  public TestingStore(Database database) {
    this(database, ConfigurationSeals.of(SecretCipher.fromBase64Key(TEST_KEY)));
  }

  /** A running server's store: actors are sealed as that server seals them, so it accepts them. */
  public TestingStore(GaleServer server) {
    this(server.database(), GaleServer.configurationSeal(server.config()));
  }

  private TestingStore(Database database, ConfigurationSeal seal) {
    this.database = requireNonNull(database, "database is null");
    workspaces = new WorkspaceRepository(database);
    definitions = new DefinitionRepository(database);
    actors = new ActorRepository(database, seal);
    operations = new OperationRepository(database);
    connections = new ConnectionRepository(database);
    states = new StateRepository(database);
    catalogs = new CatalogRepository(database);
    jobs = new JobRepository(database);
  }

  public Workspace newWorkspace(String name) {
    Workspace workspace = StoreSamples.workspace(name, database.now());
    workspaces.insert(workspace);
    return workspace;
  }

  /** A public definition with one version, its default. */
  public ActorDefinition newDefinition(ActorType type, String name) {
    ActorDefinition definition = StoreSamples.definition(type, name, true, database.now());
    var version = StoreSamples.version(definition, "1.0.0", database.now());
    definitions.insert(definition, version);
    return definitions.find(definition.id()).orElseThrow();
  }

  public Actor newActor(UUID workspaceId, ActorDefinition definition, String name) {
    Actor actor = StoreSamples.actor(workspaceId, definition, name, database.now());
    actors.insert(actor);
    return actor;
  }

  /** A workspace with a source and a destination and a connection between them. */
  public Connection newConnection(String name) {
    Workspace workspace = newWorkspace("ws " + name);
    Actor source = newActor(workspace.id(), newDefinition(ActorType.SOURCE, "src-" + name), "source " + name);
    Actor destination = newActor(workspace.id(), newDefinition(ActorType.DESTINATION, "dst-" + name), "dest " + name);
    Connection connection = StoreSamples.connection(source.id(), destination.id(), name, List.of(), database.now());
    connections.insert(connection);
    return connection;
  }
}
