package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DeclarativeDefinition;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.domain.Workspace;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class DeclarativeSourceRepositoryIT {
  @Parameter
  TestDatabase db;

  TestingStore store;
  DeclarativeSourceRepository declaratives;
  Workspace workspace;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    declaratives = new DeclarativeSourceRepository(db.database());
    workspace = store.newWorkspace("declarative " + UUID.randomUUID());
  }

  @Test
  void insertStoresDefinitionFirstVersionManifestAndGrant() {
    ActorDefinition definition = definition("PokeAPI");
    DeclarativeManifest manifest = manifest(definition, 1, "pokemon");
    ActorDefinitionVersion version = version(manifest);

    declaratives.insert(definition, version, manifest, workspace.id());

    DeclarativeDefinition stored = declaratives.find(definition.id()).orElseThrow();
    assertThat(stored.definition()).isEqualTo(withDefault(definition, version.id()));
    assertThat(stored.manifest()).isEqualTo(manifest);
    assertThat(store.definitions.findWithDefaultVersion(definition.id()))
        .contains(new DefinitionWithVersion(withDefault(definition, version.id()), version));
    assertThat(store.definitions.isVisibleTo(definition.id(), workspace.id())).isTrue();
    assertThat(store.definitions.isVisibleTo(definition.id(), store.newWorkspace("other").id())).isFalse();
  }

  @Test
  void addVersionKeepsHistoryAndMakesTheNewestTheDefault() {
    ActorDefinition definition = definition("Versions");
    DeclarativeManifest first = manifest(definition, 1, "one");
    declaratives.insert(definition, version(first), first, workspace.id());
    DeclarativeManifest second = manifest(definition, 2, "two");
    ActorDefinitionVersion secondVersion = version(second);

    assertThat(declaratives.addVersion(secondVersion, second)).isTrue();

    assertThat(declaratives.find(definition.id()).orElseThrow().manifest()).isEqualTo(second);
    assertThat(declaratives.listVersions(definition.id())).containsExactly(first, second);
    assertThat(store.definitions.findWithDefaultVersion(definition.id()).orElseThrow().version()).isEqualTo(secondVersion);
    assertThat(store.definitions.listVersions(definition.id())).extracting(ActorDefinitionVersion::dockerImageTag)
        .containsExactly("1", "2");
  }

  @Test
  void theActiveManifestIsTheOneTheDefaultVersionNamesNotTheNewest() {
    ActorDefinition definition = definition("Active");
    DeclarativeManifest first = manifest(definition, 1, "one");
    declaratives.insert(definition, version(first), first, workspace.id());
    DeclarativeManifest second = new DeclarativeManifest(definition.id(), 2, manifest(definition, 2, "two").manifest(),
        "adds two", now());

    assertThat(declaratives.addVersion(version(second), second, false)).isTrue();
    assertThat(declaratives.find(definition.id()).orElseThrow().manifest()).isEqualTo(first);
    assertThat(declaratives.findVersion(definition.id(), 2)).contains(second);
    assertThat(declaratives.findVersion(definition.id(), 3)).isEmpty();

    assertThat(declaratives.activate(definition.id(), 2)).isTrue();
    assertThat(declaratives.find(definition.id()).orElseThrow().manifest()).isEqualTo(second);
    assertThat(store.definitions.findWithDefaultVersion(definition.id()).orElseThrow().version().dockerImageTag())
        .isEqualTo("2");
    assertThat(declaratives.listGrantedTo(workspace.id())).extracting(d -> d.manifest().version()).containsExactly(2L);

    assertThat(declaratives.activate(definition.id(), 1)).isTrue();
    assertThat(declaratives.find(definition.id()).orElseThrow().manifest()).isEqualTo(first);
    assertThat(declaratives.activate(definition.id(), 3)).as("no such version").isFalse();
    assertThat(declaratives.activate(UUID.randomUUID(), 1)).as("no such definition").isFalse();
    assertThat(declaratives.find(definition.id()).orElseThrow().manifest()).isEqualTo(first);
  }

  @Test
  void aTakenVersionNumberIsRefusedAndNothingIsWritten() {
    ActorDefinition definition = definition("Race");
    DeclarativeManifest first = manifest(definition, 1, "one");
    declaratives.insert(definition, version(first), first, workspace.id());
    DeclarativeManifest rival = manifest(definition, 1, "rival");
    ActorDefinitionVersion rivalVersion = new ActorDefinitionVersion(UUID.randomUUID(), definition.id(),
        "airbyte/source-declarative-manifest", "1-rival", null, StoreSamples.json("{\"connectionSpecification\":{}}"),
        null, ReleaseStage.CUSTOM, null, SupportLevel.NONE, now());

    assertThat(declaratives.addVersion(rivalVersion, rival)).isFalse();

    assertThat(declaratives.listVersions(definition.id())).containsExactly(first);
    assertThat(store.definitions.findVersion(rivalVersion.id())).isEmpty();
  }

  @Test
  void listHasTheLiveDefinitionsGrantedToTheWorkspaceWithTheirNewestManifests() {
    ActorDefinition beta = definition("beta");
    ActorDefinition alpha = definition("Alpha");
    ActorDefinition deleted = definition("Deleted");
    ActorDefinition elsewhere = definition("Elsewhere");
    for (ActorDefinition definition : new ActorDefinition[] {beta, alpha, deleted}) {
      DeclarativeManifest manifest = manifest(definition, 1, "s");
      declaratives.insert(definition, version(manifest), manifest, workspace.id());
    }
    DeclarativeManifest other = manifest(elsewhere, 1, "s");
    declaratives.insert(elsewhere, version(other), other, store.newWorkspace("elsewhere").id());
    DeclarativeManifest betaTwo = manifest(beta, 2, "s2");
    declaratives.addVersion(version(betaTwo), betaTwo);
    store.definitions.tombstone(deleted.id());
    store.newDefinition(ActorType.SOURCE, "Not declarative");

    var listed = declaratives.listGrantedTo(workspace.id());

    assertThat(listed).extracting(d -> d.definition().name()).containsExactly("Alpha", "beta");
    assertThat(listed.get(1).manifest()).isEqualTo(betaTwo);
    assertThat(declaratives.find(deleted.id())).isPresent(); // a deleted definition still resolves, as actors need
  }

  @Test
  void aDefinitionWithoutManifestIsNotDeclarative() {
    ActorDefinition plain = store.newDefinition(ActorType.SOURCE, "Plain");

    assertThat(declaratives.find(plain.id())).isEmpty();
    assertThat(declaratives.listVersions(plain.id())).isEmpty();
  }

  @Test
  void largeManifestsReadBackWhole() {
    ActorDefinition definition = definition("Large");
    StringBuilder streams = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      streams.append(i == 0 ? "" : ",").append("{\"type\":\"DeclarativeStream\",\"name\":\"stream_").append(i).append("\"}");
    }
    DeclarativeManifest manifest = new DeclarativeManifest(definition.id(), 1,
        StoreSamples.json("{\"version\":\"6.33.0\",\"streams\":[" + streams + "]}"), now());

    declaratives.insert(definition, version(manifest), manifest, workspace.id());

    assertThat(declaratives.find(definition.id()).orElseThrow().manifest().manifest().path("streams").size()).isEqualTo(2000);
  }

  @Test
  void mismatchedPartsAreRefused() {
    ActorDefinition definition = definition("Mismatch");
    DeclarativeManifest foreign = manifest(definition("Other"), 1, "s");

    assertThatThrownBy(() -> declaratives.insert(definition, version(manifest(definition, 1, "s")), foreign, workspace.id()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.definitions.find(definition.id())).isEmpty();
  }

  private ActorDefinition definition(String name) {
    return new ActorDefinition(UUID.randomUUID(), ActorType.SOURCE, name, null, SourceType.CUSTOM, true, false, false,
        null, null, now(), now());
  }

  private DeclarativeManifest manifest(ActorDefinition definition, long version, String stream) {
    return new DeclarativeManifest(definition.id(), version, StoreSamples.json("{\"version\":\"6.33.0\",\"type\":"
        + "\"DeclarativeSource\",\"check\":{\"type\":\"CheckStream\",\"stream_names\":[\"" + stream + "\"]},"
        + "\"streams\":[{\"type\":\"DeclarativeStream\",\"name\":\"" + stream + "\"}],\"n\":1.5}"), now());
  }

  private ActorDefinitionVersion version(DeclarativeManifest manifest) {
    return new ActorDefinitionVersion(UUID.randomUUID(), manifest.actorDefinitionId(), "airbyte/source-declarative-manifest",
        String.valueOf(manifest.version()), null,
        StoreSamples.json("{\"connectionSpecification\":{\"type\":\"object\"}}"), "0.2.0", ReleaseStage.CUSTOM, null,
        SupportLevel.NONE, now());
  }

  private static ActorDefinition withDefault(ActorDefinition d, UUID versionId) {
    return new ActorDefinition(d.id(), d.actorType(), d.name(), d.icon(), d.sourceType(), d.custom(), d.isPublic(),
        d.tombstone(), versionId, d.resourceRequirements(), d.createdAt(), d.updatedAt());
  }

  private Instant now() {
    return db.database().now();
  }
}
