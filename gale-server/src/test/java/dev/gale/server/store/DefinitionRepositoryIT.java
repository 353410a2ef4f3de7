package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.domain.Workspace;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class DefinitionRepositoryIT {
  @Parameter
  TestDatabase db;

  TestingStore store;
  DefinitionRepository definitions;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    definitions = store.definitions;
  }

  @Test
  void insertStoresDefinitionWithItsDefaultVersion() {
    ActorDefinition definition = StoreSamples.definition(ActorType.SOURCE, "Postgres", true, now());
    ActorDefinitionVersion version = StoreSamples.version(definition, "3.6.28", now());

    definitions.insert(definition, version);

    ActorDefinition expected = withDefaultVersion(definition, version.id());
    assertThat(definitions.find(definition.id())).contains(expected);
    assertThat(definitions.findVersion(version.id())).contains(version);
    assertThat(definitions.findVersion(definition.id(), "3.6.28")).contains(version);
    assertThat(definitions.findVersion(definition.id(), "9.9.9")).isEmpty();
    assertThat(definitions.findWithDefaultVersion(definition.id()))
        .contains(new DefinitionWithVersion(expected, version));
  }

  @Test
  void insertRejectsAVersionOfAnotherDefinition() {
    ActorDefinition definition = StoreSamples.definition(ActorType.SOURCE, "Mismatch", true, now());
    ActorDefinition other = StoreSamples.definition(ActorType.SOURCE, "Other", true, now());

    assertThatThrownBy(() -> definitions.insert(definition, StoreSamples.version(other, "1.0.0", now())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(definitions.find(definition.id())).isEmpty();
  }

  @Test
  void definitionWithoutOptionalFieldsReadsBackWithNulls() {
    ActorDefinition sparse = new ActorDefinition(UUID.randomUUID(), ActorType.DESTINATION, "Sparse", null, null,
        false, true, false, null, null, now(), now());
    ActorDefinitionVersion version = new ActorDefinitionVersion(UUID.randomUUID(), sparse.id(), "gale/sparse", "0.1",
        null, StoreSamples.json("{}"), null, null, null, SupportLevel.NONE, now());

    definitions.insert(sparse, version);

    assertThat(definitions.find(sparse.id())).contains(withDefaultVersion(sparse, version.id()));
    assertThat(definitions.findVersion(version.id())).contains(version);
  }

  @Test
  void versionsAreAddedListedAndOneIsTheDefault() {
    ActorDefinition definition = store.newDefinition(ActorType.DESTINATION, "Versioned");
    ActorDefinitionVersion first = definitions.findVersion(definition.defaultVersionId()).orElseThrow();
    ActorDefinitionVersion second = StoreSamples.version(definition, "2.0.0", now());

    definitions.insertVersion(second);
    assertThat(definitions.listVersions(definition.id())).containsExactly(first, second);
    assertThat(definitions.setDefaultVersion(definition.id(), second.id())).isTrue();

    ActorDefinition updated = definitions.find(definition.id()).orElseThrow();
    assertThat(updated.defaultVersionId()).isEqualTo(second.id());
    assertThat(updated.updatedAt()).isAfter(definition.updatedAt());
    assertThat(definitions.findWithDefaultVersion(definition.id()).orElseThrow().version()).isEqualTo(second);
  }

  @Test
  void aVersionTagIsUniquePerDefinition() {
    ActorDefinition definition = store.newDefinition(ActorType.SOURCE, "Tagged");

    assertThatThrownBy(() -> definitions.insertVersion(StoreSamples.version(definition, "1.0.0", now())))
        .isInstanceOf(UnableToExecuteStatementException.class);
  }

  @Test
  void setDefaultVersionRefusesAVersionOfAnotherDefinition() {
    ActorDefinition one = store.newDefinition(ActorType.SOURCE, "One");
    ActorDefinition two = store.newDefinition(ActorType.SOURCE, "Two");

    assertThat(definitions.setDefaultVersion(one.id(), two.defaultVersionId())).isFalse();
    assertThat(definitions.setDefaultVersion(UUID.randomUUID(), one.defaultVersionId())).isFalse();
    assertThat(definitions.find(one.id()).orElseThrow().defaultVersionId()).isEqualTo(one.defaultVersionId());
  }

  @Test
  void updateWritesTheMutableFields() {
    ActorDefinition definition = store.newDefinition(ActorType.SOURCE, "Mutable");
    ActorDefinition changed = new ActorDefinition(definition.id(), definition.actorType(), "Renamed", null,
        SourceType.API, true, false, false, definition.defaultVersionId(), StoreSamples.json("{\"jobSpecific\":[]}"),
        definition.createdAt(), definition.updatedAt().plusSeconds(10));

    assertThat(definitions.update(changed)).isTrue();

    assertThat(definitions.find(definition.id())).contains(changed);
    ActorDefinition neverStored = StoreSamples.definition(ActorType.SOURCE, "Never stored", true, now());
    assertThat(definitions.update(withDefaultVersion(neverStored, definition.defaultVersionId()))).isFalse();
  }

  @Test
  void listReturnsLiveDefinitionsOfOneTypeByName() {
    ActorDefinition zeta = store.newDefinition(ActorType.DESTINATION, "zz-list-zeta");
    ActorDefinition alpha = store.newDefinition(ActorType.DESTINATION, "zz-list-alpha");
    ActorDefinition source = store.newDefinition(ActorType.SOURCE, "zz-list-source");
    ActorDefinition gone = store.newDefinition(ActorType.DESTINATION, "zz-list-gone");
    definitions.tombstone(gone.id());

    assertThat(definitions.list(ActorType.DESTINATION))
        .extracting(d -> d.definition().id())
        .containsSubsequence(alpha.id(), zeta.id())
        .doesNotContain(source.id(), gone.id());
    assertThat(definitions.list(ActorType.DESTINATION))
        .filteredOn(d -> d.definition().id().equals(alpha.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.version().id()).isEqualTo(alpha.defaultVersionId()));
  }

  @Test
  void aWorkspaceSeesPublicDefinitionsAndThoseGrantedToIt() {
    Workspace workspace = store.newWorkspace("Granted");
    Workspace other = store.newWorkspace("Not granted");
    ActorDefinition shared = store.newDefinition(ActorType.SOURCE, "vis-public");
    ActorDefinition custom = privateDefinition("vis-custom");

    assertThat(definitions.isVisibleTo(custom.id(), workspace.id())).isFalse();
    definitions.grant(custom.id(), workspace.id());
    definitions.grant(custom.id(), workspace.id());

    assertThat(definitions.listGrantedWorkspaces(custom.id())).containsExactly(workspace.id());
    assertThat(definitions.isVisibleTo(custom.id(), workspace.id())).isTrue();
    assertThat(definitions.isVisibleTo(custom.id(), other.id())).isFalse();
    assertThat(definitions.isVisibleTo(shared.id(), other.id())).isTrue();
    assertThat(idsVisibleTo(workspace)).contains(shared.id(), custom.id());
    assertThat(idsVisibleTo(other)).contains(shared.id()).doesNotContain(custom.id());
    assertThat(definitions.listVisibleTo(workspace.id(), ActorType.DESTINATION))
        .extracting(d -> d.definition().id()).doesNotContain(shared.id(), custom.id());
  }

  @Test
  void revokingAGrantHidesThePrivateDefinitionAgain() {
    Workspace workspace = store.newWorkspace("Revoked");
    ActorDefinition custom = privateDefinition("revoked-custom");
    definitions.grant(custom.id(), workspace.id());

    assertThat(definitions.revoke(custom.id(), workspace.id())).isTrue();
    assertThat(definitions.revoke(custom.id(), workspace.id())).isFalse();

    assertThat(definitions.isVisibleTo(custom.id(), workspace.id())).isFalse();
    assertThat(definitions.listGrantedWorkspaces(custom.id())).isEmpty();
    assertThat(idsVisibleTo(workspace)).doesNotContain(custom.id());
  }

  @Test
  void tombstonedDefinitionIsHiddenEvenWhereGrantedButStillFoundById() {
    Workspace workspace = store.newWorkspace("Tombstones");
    ActorDefinition custom = privateDefinition("tomb-custom");
    ActorDefinition shared = store.newDefinition(ActorType.SOURCE, "tomb-public");
    definitions.grant(custom.id(), workspace.id());

    assertThat(definitions.tombstone(custom.id())).isTrue();
    assertThat(definitions.tombstone(shared.id())).isTrue();
    assertThat(definitions.tombstone(UUID.randomUUID())).isFalse();

    assertThat(idsVisibleTo(workspace)).doesNotContain(custom.id(), shared.id());
    assertThat(definitions.isVisibleTo(shared.id(), workspace.id())).isFalse();
    assertThat(definitions.find(custom.id())).hasValueSatisfying(d -> assertThat(d.tombstone()).isTrue());
    assertThat(definitions.findWithDefaultVersion(shared.id()))
        .hasValueSatisfying(d -> assertThat(d.definition().tombstone()).isTrue());
  }

  private ActorDefinition privateDefinition(String name) {
    ActorDefinition definition = StoreSamples.definition(ActorType.SOURCE, name, false, now());
    ActorDefinitionVersion version = StoreSamples.version(definition, "0.0.1", now());
    definitions.insert(definition, version);
    return withDefaultVersion(definition, version.id());
  }

  private List<UUID> idsVisibleTo(Workspace workspace) {
    return definitions.listVisibleTo(workspace.id(), ActorType.SOURCE).stream().map(d -> d.definition().id()).toList();
  }

  private static ActorDefinition withDefaultVersion(ActorDefinition d, UUID versionId) {
    return new ActorDefinition(d.id(), d.actorType(), d.name(), d.icon(), d.sourceType(), d.custom(), d.isPublic(),
        d.tombstone(), versionId, d.resourceRequirements(), d.createdAt(), d.updatedAt());
  }

  private Instant now() {
    return db.database().now();
  }
}
