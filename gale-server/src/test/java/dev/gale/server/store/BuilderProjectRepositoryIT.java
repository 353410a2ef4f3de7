package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.BuilderProject;
import dev.gale.server.domain.BuilderProject.TestingValues;
import dev.gale.server.domain.DeclarativeManifest;
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
class BuilderProjectRepositoryIT {
  private static final JsonNode DRAFT = StoreSamples.json("{\"version\":\"6.33.0\",\"type\":\"DeclarativeSource\"}");

  @Parameter
  TestDatabase db;

  TestingStore store;
  BuilderProjectRepository projects;
  DeclarativeSourceRepository declaratives;
  Workspace workspace;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    projects = new BuilderProjectRepository(db.database());
    declaratives = new DeclarativeSourceRepository(db.database());
    workspace = store.newWorkspace("builder " + UUID.randomUUID());
  }

  @Test
  void aProjectIsStoredUpdatedAndTombstoned() {
    BuilderProject project = project("Beta", DRAFT);
    projects.insert(project);
    projects.insert(project("alpha", null));
    BuilderProject elsewhere = new BuilderProject(UUID.randomUUID(), store.newWorkspace("other").id(), "Elsewhere",
        null, null, null, null, null, null, false, now(), now());
    projects.insert(elsewhere);

    assertThat(projects.find(project.id())).contains(project);
    assertThat(projects.listForWorkspace(workspace.id())).extracting(BuilderProject::name).containsExactly("alpha", "Beta");

    UUID base = UUID.randomUUID();
    BuilderProject renamed = new BuilderProject(project.id(), project.workspaceId(), "Gamma", null, null, null, base,
        "https://github.com/pr/1", UUID.randomUUID(), false, project.createdAt(), now());
    assertThat(projects.update(renamed)).isTrue();
    assertThat(projects.find(project.id())).contains(renamed);

    assertThat(projects.tombstone(project.id(), now())).isTrue();
    assertThat(projects.find(project.id())).isEmpty();
    assertThat(projects.tombstone(project.id(), now())).isFalse();
    assertThat(projects.update(renamed)).isFalse();
    assertThat(projects.listForWorkspace(workspace.id())).extracting(BuilderProject::name).containsExactly("alpha");
  }

  @Test
  void testingValuesAreReplacedWithTheSpecificationTheyWereStoredBy() {
    BuilderProject project = project("Testing", null);
    projects.insert(project);
    TestingValues values = new TestingValues(StoreSamples.json("{\"api_key\":\"v1:envelope\",\"n\":1}"),
        StoreSamples.json("{\"type\":\"object\",\"properties\":{\"api_key\":{\"airbyte_secret\":true}}}"));

    assertThat(projects.saveTestingValues(project.id(), values, now())).isTrue();

    assertThat(projects.find(project.id()).orElseThrow().testingValues()).isEqualTo(values);
    assertThat(projects.listTestingValues()).contains(values);
    assertThat(projects.saveTestingValues(UUID.randomUUID(), values, now())).isFalse();
  }

  @Test
  void publishingLinksTheProjectToItsDefinitionAndDropsTheDraftInOneTransaction() {
    BuilderProject project = project("Published", DRAFT);
    projects.insert(project);
    ActorDefinition definition = definition();
    BuilderProject published = new BuilderProject(project.id(), project.workspaceId(), "Published v1", definition.id(),
        null, null, null, null, null, false, project.createdAt(), now());

    declaratives.insert(definition, version(definition), manifest(definition), workspace.id(), published);

    BuilderProject stored = projects.find(project.id()).orElseThrow();
    assertThat(stored.actorDefinitionId()).isEqualTo(definition.id());
    assertThat(stored.hasDraft()).isFalse();
    assertThat(stored.name()).isEqualTo("Published v1");
    assertThat(projects.findForDefinition(definition.id())).contains(stored);

    // Published already: a second definition is refused, and nothing of it is written.
    ActorDefinition second = definition();
    BuilderProject again = new BuilderProject(project.id(), project.workspaceId(), "Again", second.id(), null, null,
        null, null, null, false, project.createdAt(), now());
    assertThatThrownBy(() -> declaratives.insert(second, version(second), manifest(second), workspace.id(), again))
        .hasMessageContaining("published already");
    assertThat(store.definitions.find(second.id())).isEmpty();

    projects.update(new BuilderProject(stored.id(), stored.workspaceId(), stored.name(), stored.actorDefinitionId(), DRAFT,
        null, null, null, null, false, stored.createdAt(), now()));
    projects.clearDraft(definition.id(), workspace.id(), now());
    assertThat(projects.find(project.id()).orElseThrow().hasDraft()).isFalse();
    projects.tombstoneForDefinition(definition.id(), now());
    assertThat(projects.findForDefinition(definition.id())).isEmpty();
  }

  @Test
  void aDefinitionPublishedWithoutAStoredProjectGetsOne() {
    ActorDefinition definition = definition();
    BuilderProject project = new BuilderProject(UUID.randomUUID(), workspace.id(), "From the Public API",
        definition.id(), null, null, null, null, null, false, now(), now());

    declaratives.insert(definition, version(definition), manifest(definition), workspace.id(), project);

    assertThat(projects.findForDefinition(definition.id())).contains(project);
  }

  private BuilderProject project(String name, JsonNode draft) {
    return new BuilderProject(UUID.randomUUID(), workspace.id(), name, null, draft, null, null, null, null, false,
        now(), now());
  }

  private ActorDefinition definition() {
    return new ActorDefinition(UUID.randomUUID(), ActorType.SOURCE, "Declarative", null, SourceType.CUSTOM, true,
        false, false, null, null, now(), now());
  }

  private DeclarativeManifest manifest(ActorDefinition definition) {
    return new DeclarativeManifest(definition.id(), 1, DRAFT, "first", now());
  }

  private ActorDefinitionVersion version(ActorDefinition definition) {
    return new ActorDefinitionVersion(UUID.randomUUID(), definition.id(), "airbyte/source-declarative-manifest", "1",
        null, StoreSamples.json("{\"connectionSpecification\":{\"type\":\"object\"}}"), "0.2.0", ReleaseStage.CUSTOM,
        null, SupportLevel.NONE, now());
  }

  private Instant now() {
    return db.database().now();
  }
}
