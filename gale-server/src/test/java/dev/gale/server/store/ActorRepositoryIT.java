package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorType;
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
class ActorRepositoryIT {
  @Parameter
  TestDatabase db;

  TestingStore store;
  ActorRepository actors;
  Workspace workspace;
  ActorDefinition sourceDefinition;
  ActorDefinition destinationDefinition;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    actors = store.actors;
    workspace = store.newWorkspace("Actors");
    sourceDefinition = store.newDefinition(ActorType.SOURCE, "Faker");
    destinationDefinition = store.newDefinition(ActorType.DESTINATION, "DuckDB");
  }

  @Test
  void insertedActorReadsBackWithEveryField() {
    Actor actor = StoreSamples.actor(workspace.id(), sourceDefinition, "My Faker", db.database().now());

    actors.insert(actor);

    assertThat(actors.find(actor.id())).contains(actor);
    assertThat(actors.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void updateChangesNameConfigurationAndUpdatedAt() {
    Actor actor = store.newActor(workspace.id(), sourceDefinition, "Before");
    Actor changed = new Actor(actor.id(), actor.workspaceId(), actor.actorDefinitionId(), actor.actorType(), "After",
        StoreSamples.json("{\"count\":10,\"secret\":{\"_secret\":\"coordinate\"}}"), false, actor.createdAt(),
        actor.updatedAt().plusSeconds(30));

    assertThat(actors.update(changed)).isTrue();

    assertThat(actors.find(actor.id())).contains(changed);
    assertThat(actors.update(StoreSamples.actor(workspace.id(), sourceDefinition, "ghost", db.database().now())))
        .isFalse();
  }

  @Test
  void listByWorkspaceReturnsLiveActorsOfTheTypeByName() {
    Actor b = store.newActor(workspace.id(), sourceDefinition, "b source");
    Actor a = store.newActor(workspace.id(), sourceDefinition, "a source");
    Actor destination = store.newActor(workspace.id(), destinationDefinition, "a destination");
    Actor deleted = store.newActor(workspace.id(), sourceDefinition, "deleted source");
    Actor elsewhere = store.newActor(store.newWorkspace("Elsewhere").id(), sourceDefinition, "elsewhere");
    actors.tombstone(deleted.id());

    assertThat(actors.listByWorkspace(workspace.id(), ActorType.SOURCE)).containsExactly(a, b);
    assertThat(actors.listByWorkspace(workspace.id(), ActorType.DESTINATION)).containsExactly(destination);
    assertThat(actors.listByWorkspace(elsewhere.workspaceId(), ActorType.SOURCE)).containsExactly(elsewhere);
  }

  @Test
  void tombstonedActorIsStillFoundByIdWithTheFlagSet() {
    Actor actor = store.newActor(workspace.id(), destinationDefinition, "to delete");

    assertThat(actors.tombstone(actor.id())).isTrue();

    Actor found = actors.find(actor.id()).orElseThrow();
    assertThat(found.tombstone()).isTrue();
    assertThat(found.updatedAt()).isAfter(actor.updatedAt());
    assertThat(found.configuration()).isEqualTo(actor.configuration());
    assertThat(actors.tombstone(UUID.randomUUID())).isFalse();
  }

  @Test
  void searchNarrowsByEveryCriterionGiven() {
    Workspace other = store.newWorkspace("Search other");
    ActorDefinition otherDefinition = store.newDefinition(ActorType.SOURCE, "Other source");
    Actor salesA = store.newActor(workspace.id(), sourceDefinition, "Sales A");
    Actor salesB = store.newActor(workspace.id(), otherDefinition, "sales b");
    Actor billing = store.newActor(workspace.id(), sourceDefinition, "Billing");
    Actor otherSales = store.newActor(other.id(), sourceDefinition, "Sales elsewhere");
    Actor deletedSales = store.newActor(workspace.id(), sourceDefinition, "Sales deleted");
    actors.tombstone(deletedSales.id());
    ActorSearch inWorkspace = ActorSearch.of(ActorType.SOURCE).inWorkspace(workspace.id());

    assertThat(actors.search(inWorkspace)).containsExactly(billing, salesA, salesB);
    assertThat(actors.search(inWorkspace.nameContaining("SALES"))).containsExactly(salesA, salesB);
    assertThat(actors.search(inWorkspace.ofDefinition(sourceDefinition.id()))).containsExactly(billing, salesA);
    assertThat(actors.search(inWorkspace.nameContaining("sales").includingTombstoned()))
        .extracting(Actor::id).containsExactly(salesA.id(), salesB.id(), deletedSales.id());
    assertThat(actors.search(ActorSearch.of(ActorType.SOURCE).ofDefinition(sourceDefinition.id()).nameContaining("sales")))
        .containsExactly(salesA, otherSales);
    assertThat(actors.search(ActorSearch.of(ActorType.DESTINATION).inWorkspace(workspace.id()))).isEmpty();
  }

  @Test
  void searchSelectsSeveralWorkspacesAndWindows() {
    Workspace second = store.newWorkspace("Window second");
    Workspace third = store.newWorkspace("Window third");
    Actor a = store.newActor(workspace.id(), sourceDefinition, "window a");
    Actor c = store.newActor(second.id(), sourceDefinition, "Window c");
    Actor b = store.newActor(second.id(), sourceDefinition, "Window b");
    store.newActor(third.id(), sourceDefinition, "Window elsewhere");
    actors.tombstone(c.id());
    ActorSearch both = ActorSearch.of(ActorType.SOURCE).inWorkspaces(Set.of(workspace.id(), second.id()));

    assertThat(actors.search(both)).containsExactly(a, b);
    assertThat(actors.search(both.includingTombstoned(true), 2, 1)).extracting(Actor::id).containsExactly(b.id(), c.id());
    assertThat(actors.search(both.includingTombstoned(true), 1, 3)).isEmpty();
    assertThat(actors.search(both, 1, 0)).containsExactly(a);
  }

  @Test
  void nameSearchTreatsLikeWildcardsAsPlainCharacters() {
    Actor percent = store.newActor(workspace.id(), sourceDefinition, "100% done");
    Actor underscore = store.newActor(workspace.id(), sourceDefinition, "snake_case");
    store.newActor(workspace.id(), sourceDefinition, "100 percent");
    store.newActor(workspace.id(), sourceDefinition, "snakeXcase");
    ActorSearch inWorkspace = ActorSearch.of(ActorType.SOURCE).inWorkspace(workspace.id());

    assertThat(actors.search(inWorkspace.nameContaining("0%"))).containsExactly(percent);
    assertThat(actors.search(inWorkspace.nameContaining("e_c"))).containsExactly(underscore);
  }
}
