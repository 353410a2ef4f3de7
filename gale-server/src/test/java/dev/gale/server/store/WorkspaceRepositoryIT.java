package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.Geography;
import dev.gale.server.domain.Workspace;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class WorkspaceRepositoryIT {
  @Parameter
  TestDatabase db;

  TestingStore store;
  WorkspaceRepository workspaces;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    workspaces = store.workspaces;
  }

  @Test
  void insertedWorkspaceReadsBackWithEveryField() {
    Workspace workspace = StoreSamples.workspace("Round Trip", db.database().now());

    workspaces.insert(workspace);

    assertThat(workspaces.find(workspace.id())).contains(workspace);
  }

  @Test
  void workspaceWithoutOptionalFieldsReadsBackWithNulls() {
    Workspace sample = StoreSamples.workspace("Sparse", db.database().now());
    Workspace sparse = new Workspace(sample.id(), sample.organizationId(), sample.name(), sample.slug(), null,
        false, false, false, false, false, null, null, null, false, false, Geography.AUTO, false,
        sample.createdAt(), sample.updatedAt());

    workspaces.insert(sparse);

    assertThat(workspaces.find(sparse.id())).contains(sparse);
  }

  @Test
  void updateWritesEveryFieldButCreation() {
    Workspace original = store.newWorkspace("Before");
    Workspace changed = new Workspace(original.id(), UUID.randomUUID(), "After", "after", "after@example.com",
        false, true, false, false, true, StoreSamples.json("[]"), StoreSamples.json("{\"a\":1}"),
        StoreSamples.json("[{\"name\":\"other\"}]"), false, true, Geography.US, false,
        original.createdAt(), original.updatedAt().plusSeconds(60));

    assertThat(workspaces.update(changed)).isTrue();

    assertThat(workspaces.find(original.id())).contains(changed);
  }

  @Test
  void updateOfUnknownWorkspaceReportsFalse() {
    Workspace never = StoreSamples.workspace("Never stored", db.database().now());

    assertThat(workspaces.update(never)).isFalse();
    assertThat(workspaces.find(never.id())).isEmpty();
  }

  @Test
  void tombstonedWorkspaceIsFoundByIdButLeavesListings() {
    UUID organization = UUID.randomUUID();
    Workspace kept = withOrganization(store.newWorkspace("Kept"), organization);
    Workspace deleted = withOrganization(store.newWorkspace("Deleted"), organization);

    assertThat(workspaces.tombstone(deleted.id())).isTrue();

    Workspace found = workspaces.find(deleted.id()).orElseThrow();
    assertThat(found.tombstone()).isTrue();
    assertThat(found.updatedAt()).isAfter(deleted.updatedAt());
    assertThat(workspaces.listByOrganization(organization)).containsExactly(kept);
    assertThat(workspaces.list()).contains(kept).doesNotContain(deleted, found);
    assertThat(workspaces.findBySlug(deleted.slug())).isEmpty();
    assertThat(workspaces.tombstone(UUID.randomUUID())).isFalse();
  }

  @Test
  void listsAreOrderedByName() {
    UUID organization = UUID.randomUUID();
    Workspace b = withOrganization(store.newWorkspace("b-second"), organization);
    Workspace a = withOrganization(store.newWorkspace("a-first"), organization);
    Workspace c = withOrganization(store.newWorkspace("c-third"), organization);

    assertThat(workspaces.listByOrganization(organization)).containsExactly(a, b, c);
    assertThat(workspaces.list()).containsSubsequence(a, b, c);
  }

  @Test
  void searchSelectsIdsOrganizationNameAndDeletedOnesAndWindows() {
    UUID organization = UUID.randomUUID();
    Workspace b = withOrganization(store.newWorkspace("Window b"), organization);
    Workspace a = withOrganization(store.newWorkspace("window a"), organization);
    Workspace c = withOrganization(store.newWorkspace("Window c"), organization);
    Workspace other = store.newWorkspace("Window elsewhere");
    workspaces.tombstone(c.id());
    Workspace deletedC = workspaces.find(c.id()).orElseThrow();
    WorkspaceSearch selected = WorkspaceSearch.LIVE.withIds(Set.of(a.id(), b.id(), c.id(), other.id()));

    assertThat(workspaces.search(selected, 10, 0)).containsExactly(a, b, other);
    assertThat(workspaces.search(selected.includingTombstoned(true), 10, 0)).containsExactly(a, b, deletedC, other);
    assertThat(workspaces.search(selected.includingTombstoned(true), 2, 1)).containsExactly(b, deletedC);
    assertThat(workspaces.search(selected.includingTombstoned(true), 2, 4)).isEmpty();
    assertThat(workspaces.search(WorkspaceSearch.LIVE.inOrganization(organization), 10, 0)).containsExactly(a, b);
    assertThat(workspaces.search(WorkspaceSearch.LIVE.inOrganization(organization).nameContaining("DOW B"), 10, 0))
        .containsExactly(b);
    assertThat(workspaces.search(WorkspaceSearch.LIVE.inOrganization(organization).nameContaining("elsewhere"), 10, 0))
        .isEmpty();
    assertThat(workspaces.search(WorkspaceSearch.LIVE.withIds(Set.of(UUID.randomUUID())), 10, 0)).isEmpty();
  }

  @Test
  void findsLiveWorkspaceBySlug() {
    Workspace workspace = store.newWorkspace("Slug Lookup");

    assertThat(workspaces.findBySlug("slug-lookup")).contains(workspace);
    assertThat(workspaces.findBySlug("no-such-slug")).isEmpty();
  }

  private Workspace withOrganization(Workspace workspace, UUID organizationId) {
    Workspace moved = new Workspace(workspace.id(), organizationId, workspace.name(), workspace.slug(),
        workspace.email(), workspace.initialSetupComplete(), workspace.displaySetupWizard(),
        workspace.anonymousDataCollection(), workspace.news(), workspace.securityUpdates(), workspace.notifications(),
        workspace.notificationSettings(), workspace.webhookOperationConfigs(), workspace.firstCompletedSync(),
        workspace.feedbackDone(), workspace.defaultGeography(), workspace.tombstone(), workspace.createdAt(),
        workspace.updatedAt());
    workspaces.update(moved);
    return moved;
  }
}
