package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.Connection;
import dev.gale.server.domain.Operation;
import dev.gale.server.domain.OperatorType;
import dev.gale.server.domain.Workspace;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class OperationRepositoryIT {
  @Parameter
  TestDatabase db;

  TestingStore store;
  OperationRepository operations;
  Workspace workspace;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    operations = store.operations;
    workspace = store.newWorkspace("Operations");
  }

  @Test
  void insertedOperationReadsBackWithEveryField() {
    Operation operation = StoreSamples.operation(workspace.id(), "notify", db.database().now());

    operations.insert(operation);

    assertThat(operations.find(operation.id())).contains(operation);
    assertThat(operations.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void updateWritesNameTypeConfigurationAndUpdatedAt() {
    Operation operation = insert("before");
    Operation changed = new Operation(operation.id(), operation.workspaceId(), "after", OperatorType.DBT,
        StoreSamples.json("{\"operatorType\":\"dbt\",\"dbt\":{\"gitRepoUrl\":\"https://example.com/repo.git\"}}"),
        false, operation.createdAt(), operation.updatedAt().plusSeconds(5));

    assertThat(operations.update(changed)).isTrue();

    assertThat(operations.find(operation.id())).contains(changed);
    assertThat(operations.update(StoreSamples.operation(workspace.id(), "ghost", db.database().now()))).isFalse();
  }

  @Test
  void listByWorkspaceReturnsLiveOperationsByName() {
    Operation b = insert("b");
    Operation a = insert("a");
    Operation deleted = insert("deleted");
    Operation elsewhere = StoreSamples.operation(store.newWorkspace("Other ops").id(), "elsewhere", db.database().now());
    operations.insert(elsewhere);

    assertThat(operations.tombstone(deleted.id())).isTrue();
    assertThat(operations.tombstone(UUID.randomUUID())).isFalse();

    assertThat(operations.listByWorkspace(workspace.id())).containsExactly(a, b);
    assertThat(operations.find(deleted.id())).hasValueSatisfying(o -> assertThat(o.tombstone()).isTrue());
  }

  @Test
  void listByConnectionFollowsTheConnectionsOrder() {
    Connection connection = store.newConnection("with operations");
    UUID connectionWorkspace = store.actors.find(connection.sourceId()).orElseThrow().workspaceId();
    Operation first = StoreSamples.operation(connectionWorkspace, "z runs first", db.database().now());
    Operation second = StoreSamples.operation(connectionWorkspace, "a runs second", db.database().now());
    operations.insert(first);
    operations.insert(second);

    store.connections.update(connection.withOperationIds(List.of(first.id(), second.id())));

    assertThat(operations.listByConnection(connection.id())).containsExactly(first, second);
    assertThat(operations.listByConnection(UUID.randomUUID())).isEmpty();
  }

  private Operation insert(String name) {
    Operation operation = StoreSamples.operation(workspace.id(), name, db.database().now());
    operations.insert(operation);
    return operation;
  }
}
