package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.engine.ReplicationListener.Side;
import dev.gale.protocol.Json;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.domain.ActorType;
import dev.gale.server.secrets.ConfigSecrets;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.actor.ActorView;
import dev.gale.server.service.definition.ConnectorCatalog;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.store.DeclarativeSourceRepository;
import dev.gale.server.testing.SecretApiSource;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import dev.gale.server.testing.TestPrograms;
import dev.gale.server.testing.TickingClock;
import dev.gale.server.validation.ConfigValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A connector's configuration update lands on the actor of its side, and only when it is valid; the attempt's log
 * says so without a value and masks the new secrets from then on.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class ConnectorConfigUpdatesIT {
  private static final String NEW_PASSWORD = "pg-rotated-31f7-never-logged";

  @Parameter
  TestDatabase db;

  @TempDir
  Path dir;

  TestingStore store;
  ActorService actors;
  DefinitionService definitions;
  ActorView source;
  ActorView destination;
  ObjectNode destinationConfig;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    TickingClock clock = TickingClock.startingAt2025();
    SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key());
    definitions = new DefinitionService(store.definitions, new ConnectorCatalog(ConnectorRegistry.builtIns(), List.of(),
        new DeclarativeSourceRepository(db.database()), new ManifestLoader(), TestPrograms.none(), Path.of("connectors")),
        clock, Duration.ofSeconds(5));
    definitions.registerBuiltIns();
    WorkspaceService workspaces = new WorkspaceService(store.workspaces, store.connections, store.actors, cipher, clock);
    actors = new ActorService(store.actors, store.connections, store.definitions, definitions, workspaces,
        new ConfigSecrets(cipher), new ConfigValidator(), clock);
    UUID workspaceId = store.newWorkspace("updates " + UUID.randomUUID()).id();
    source = actors.create(ActorType.SOURCE, workspaceId, SecretApiSource.DEFINITION_ID, "api", Json.object()
        .put("api_key", "sk-before").put("endpoint", "https://api.example.com"));
    destinationConfig = Json.object().put("host", "db.internal").put("port", 5432).put("database", "warehouse")
        .put("username", "loader").put("password", "pg-before").put("schema", "public");
    destinationConfig.putObject("ssl_mode").put("mode", "disable");
    destination = actors.create(ActorType.DESTINATION, workspaceId, PostgresDestination.DEFINITION_ID, "warehouse",
        destinationConfig);
  }

  private ConnectorConfigUpdates updates(AttemptLog log) {
    return new ConnectorConfigUpdates(actors, source.id(), secrets(ActorType.SOURCE, source.id()), destination.id(),
        secrets(ActorType.DESTINATION, destination.id()), log);
  }

  private SecretPaths secrets(ActorType type, UUID id) {
    return SecretPaths.of(definitions.spec(actors.definitionOf(actors.live(type, id))).connectionSpecification());
  }

  private JsonNode revealed(ActorType type, UUID id) {
    return actors.revealedConfiguration(actors.live(type, id));
  }

  @Test
  void aDestinationsUpdateIsSavedOnTheDestinationAndItsNewSecretMaskedInTheLog() throws Exception {
    Path file = dir.resolve("attempt.log");
    JsonNode sourceBefore = revealed(ActorType.SOURCE, source.id());
    try (AttemptLog log = AttemptLog.open(file, SecretMasker.NONE, TickingClock.startingAt2025())) {
      updates(log).save(Side.DESTINATION, destinationConfig.deepCopy().put("password", NEW_PASSWORD));
      log.info("a careless line: " + NEW_PASSWORD);
    }

    assertThat(revealed(ActorType.DESTINATION, destination.id()).path("password").asText()).isEqualTo(NEW_PASSWORD);
    assertThat(store.actors.find(destination.id()).orElseThrow().configuration().toString()).doesNotContain(NEW_PASSWORD);
    assertThat(actors.live(ActorType.DESTINATION, destination.id()).name()).isEqualTo("warehouse");
    assertThat(revealed(ActorType.SOURCE, source.id())).isEqualTo(sourceBefore);
    String text = Files.readString(file);
    assertThat(text).contains("INFO Saved the configuration the destination " + destination.id() + " sent",
        "a careless line: **********").doesNotContain(NEW_PASSWORD);
  }

  @Test
  void anInvalidUpdateIsNotSavedAndTheLogSaysWhyWithoutItsSecret() throws Exception {
    Path file = dir.resolve("attempt.log");
    JsonNode before = store.actors.find(destination.id()).orElseThrow().configuration();
    ObjectNode invalid = destinationConfig.deepCopy().put("password", NEW_PASSWORD).put("port", NEW_PASSWORD);
    try (AttemptLog log = AttemptLog.open(file, SecretMasker.NONE, TickingClock.startingAt2025())) {
      updates(log).save(Side.DESTINATION, invalid);
    }

    assertThat(store.actors.find(destination.id()).orElseThrow().configuration()).isEqualTo(before);
    assertThat(Files.readString(file)).contains("WARN The configuration the destination " + destination.id()
        + " sent is not saved, the previous one is kept:", "port").doesNotContain(NEW_PASSWORD);
  }
}
