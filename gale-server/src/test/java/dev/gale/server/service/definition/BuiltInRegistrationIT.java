package dev.gale.server.service.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.ConnectorRegistry;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.store.DeclarativeSourceRepository;
import dev.gale.server.store.DefinitionRepository;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestPrograms;
import dev.gale.server.testing.TestingStore;
import dev.gale.server.testing.TickingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** Every start registers the shipped connectors: what changed is written, what did not is left as it is. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class BuiltInRegistrationIT {
  @Parameter
  TestDatabase db;

  DefinitionRepository stored;
  DefinitionService definitions;
  UUID shippedId;

  @BeforeEach
  void setUp() {
    stored = new TestingStore(db.database()).definitions;
    definitions = new DefinitionService(stored, new ConnectorCatalog(ConnectorRegistry.builtIns(), List.of(),
        new DeclarativeSourceRepository(db.database()), new ManifestLoader(), TestPrograms.none(), Path.of("connectors")),
        TickingClock.startingAt2025(), Duration.ofSeconds(5));
    definitions.registerBuiltIns();
    shippedId = ConnectorRegistry.builtIns().connectors().getFirst().descriptor().definitionId();
  }

  @Test
  void aRestartOfTheSameBuildWritesNothing() {
    ActorDefinition before = stored.find(shippedId).orElseThrow();

    definitions.registerBuiltIns();

    assertThat(stored.find(shippedId)).contains(before);
  }

  @Test
  void aDefinitionThatDriftedFromWhatShipsIsWrittenAgain() {
    ActorDefinition before = stored.find(shippedId).orElseThrow();
    stored.update(new ActorDefinition(before.id(), before.actorType(), "renamed by hand", before.icon(),
        before.sourceType(), before.custom(), false, before.tombstone(), before.defaultVersionId(),
        before.resourceRequirements(), before.createdAt(), before.updatedAt()));

    definitions.registerBuiltIns();

    ActorDefinition after = stored.find(shippedId).orElseThrow();
    assertThat(after.name()).isEqualTo(before.name());
    assertThat(after.isPublic()).isTrue();
    assertThat(after.updatedAt()).isAfter(before.updatedAt());
  }
}
