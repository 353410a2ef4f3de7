package dev.gale.server.service.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.protocol.Json;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.secrets.ConfigSecrets;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.service.definition.ConnectorCatalog;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.store.DeclarativeSourceRepository;
import dev.gale.server.testing.SecretApiSource;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestPrograms;
import dev.gale.server.testing.TestingStore;
import dev.gale.server.testing.TickingClock;
import dev.gale.server.validation.ConfigValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * What {@link ActorService} offers the services that run actors (connections, jobs) and no API exposes: the live
 * actor by id and type, its definition, and its configuration with secrets revealed for the connector.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class ActorServiceIT {
  static final String API_KEY = "sk-service-test-key";

  @Parameter
  TestDatabase db;

  DefinitionService definitions;
  ActorService actors;
  UUID workspaceId;

  @BeforeEach
  void setUp() {
    TestingStore store = new TestingStore(db.database());
    TickingClock clock = TickingClock.startingAt2025();
    SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key());
    definitions = new DefinitionService(store.definitions, new ConnectorCatalog(ConnectorRegistry.builtIns(), List.of(),
        new DeclarativeSourceRepository(db.database()), new ManifestLoader(), TestPrograms.none(), Path.of("connectors")),
        clock, Duration.ofSeconds(5));
    definitions.registerBuiltIns();
    WorkspaceService workspaces = new WorkspaceService(store.workspaces, store.connections, store.actors, cipher, clock);
    actors = new ActorService(store.actors, store.connections, store.definitions, definitions, workspaces,
        new ConfigSecrets(cipher), new ConfigValidator(), clock);
    workspaceId = store.newWorkspace("service " + UUID.randomUUID()).id();
  }

  @Test
  void theRevealedConfigurationIsWhatTheConnectorNeeds() {
    ObjectNode config = config();
    ActorView created = actors.create(ActorType.SOURCE, workspaceId, SecretApiSource.DEFINITION_ID, "Revealed", config);

    Actor actor = actors.live(ActorType.SOURCE, created.id());
    JsonNode revealed = actors.revealedConfiguration(actor);

    assertThat(created.maskedConfiguration().path("api_key").asText()).isEqualTo("**********");
    assertThat(actor.configuration().toString()).doesNotContain(API_KEY);
    assertThat(revealed).isEqualTo(config);
    assertThat(definitions.implementation(actors.definitionOf(actor)).check(revealed).isSucceeded()).isTrue();
  }

  @Test
  void anUpdateWithTheMaskedConfigurationKeepsTheSecret() {
    ActorView created = actors.create(ActorType.SOURCE, workspaceId, SecretApiSource.DEFINITION_ID, "Kept", config());
    ObjectNode changed = created.maskedConfiguration().deepCopy();
    changed.put("page_size", 10);

    actors.update(ActorType.SOURCE, created.id(), "Kept", changed);

    JsonNode revealed = actors.revealedConfiguration(actors.live(ActorType.SOURCE, created.id()));
    assertThat(revealed.path("api_key").asText()).isEqualTo(API_KEY);
    assertThat(revealed.path("page_size").asInt()).isEqualTo(10);
  }

  @Test
  void liveFindsOnlyLiveActorsOfTheTypeAsked() {
    ActorView created = actors.create(ActorType.SOURCE, workspaceId, SecretApiSource.DEFINITION_ID, "Live", config());
    UUID unknown = UUID.randomUUID();

    assertThat(actors.live(ActorType.SOURCE, created.id()).name()).isEqualTo("Live");
    assertThat(actors.definitionOf(actors.live(ActorType.SOURCE, created.id())).definition().name())
        .isEqualTo(SecretApiSource.NAME);
    assertThatThrownBy(() -> actors.live(ActorType.DESTINATION, created.id())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("it is a source");
    assertThatThrownBy(() -> actors.live(ActorType.SOURCE, unknown)).isInstanceOf(NotFoundException.class)
        .hasMessage("Could not find source with id: " + unknown);

    actors.delete(ActorType.SOURCE, created.id());

    assertThatThrownBy(() -> actors.live(ActorType.SOURCE, created.id())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("it was deleted");
    assertThat(actors.get(ActorType.SOURCE, created.id()).name()).isEqualTo("Live");
  }

  private static ObjectNode config() {
    return (ObjectNode) Json.parse("{\"api_key\":\"" + API_KEY + "\",\"endpoint\":\"https://api.example.com\"}");
  }
}
