package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.BuilderProject;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.domain.Workspace;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestingStore;
import dev.gale.server.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Migration 8 gives every declarative definition stored before builder projects existed the project Airbyte gives a
 * published one, in the workspace that owns it. Its last statement is run here on a definition stored without one.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class BuilderProjectMigrationIT {
  @Parameter
  TestDatabase db;

  @Test
  void aDeclarativeDefinitionFromBeforeProjectsGetsOneInItsWorkspace() throws IOException {
    TestingStore store = new TestingStore(db.database());
    Workspace owner = store.newWorkspace("owner " + UUID.randomUUID());
    ActorDefinition definition = new ActorDefinition(UUID.randomUUID(), ActorType.SOURCE, "Old declarative", null,
        SourceType.CUSTOM, true, false, false, null, null, db.database().now(), db.database().now());
    DeclarativeManifest manifest = new DeclarativeManifest(definition.id(), 1,
        StoreSamples.json("{\"version\":\"6.33.0\",\"type\":\"DeclarativeSource\"}"), db.database().now());
    new DeclarativeSourceRepository(db.database()).insert(definition, new ActorDefinitionVersion(UUID.randomUUID(),
        definition.id(), "airbyte/source-declarative-manifest", "1", null, StoreSamples.json("{}"), "0.2.0",
        ReleaseStage.CUSTOM, null, SupportLevel.NONE, db.database().now()), manifest, owner.id());
    store.newDefinition(ActorType.SOURCE, "Not declarative");
    BuilderProjectRepository projects = new BuilderProjectRepository(db.database());
    assertThat(projects.findForDefinition(definition.id())).isEmpty();

    db.database().jdbi().useHandle(handle -> handle.execute(backfill()));

    BuilderProject project = projects.findForDefinition(definition.id()).orElseThrow();
    assertThat(project.workspaceId()).isEqualTo(owner.id());
    assertThat(project.name()).isEqualTo("Old declarative");
    assertThat(project.hasDraft()).isFalse();
    assertThat(projects.listForWorkspace(owner.id())).containsExactly(project);
  }

  /** The migration's last statement, for this database's vendor. */
  private String backfill() throws IOException {
    String vendor = db.kind() == TestDatabase.Kind.H2 ? "h2" : "postgresql";
    String sql;
    try (InputStream in = getClass().getResourceAsStream(
        "/db/migration/" + vendor + "/V8__connector_builder_projects.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String code = sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
    List<String> statements = Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    String last = statements.getLast();
    assertThat(last.toUpperCase(Locale.ROOT)).startsWith("INSERT INTO CONNECTOR_BUILDER_PROJECT");
    return last;
  }
}
