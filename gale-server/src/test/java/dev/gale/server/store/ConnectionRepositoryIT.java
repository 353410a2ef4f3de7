package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.BackfillPreference;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.NamespaceDefinitionType;
import dev.gale.server.domain.NonBreakingChangesPreference;
import dev.gale.server.domain.Operation;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.domain.Tag;
import dev.gale.server.domain.Workspace;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class ConnectionRepositoryIT {
  @Parameter
  TestDatabase db;

  TestingStore store;
  ConnectionRepository connections;
  Workspace workspace;
  Actor source;
  Actor destination;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    connections = store.connections;
    workspace = store.newWorkspace("Connections");
    source = store.newActor(workspace.id(), store.newDefinition(ActorType.SOURCE, "src"), "source");
    destination = store.newActor(workspace.id(), store.newDefinition(ActorType.DESTINATION, "dst"), "destination");
  }

  @Test
  void insertedConnectionReadsBackWithEveryFieldAndItsOperationsInOrder() {
    Operation first = operation("z first");
    Operation second = operation("a second");
    UUID catalogId = store.catalogs.store(StoreSamples.json("{\"streams\":[{\"name\":\"conn-cat\"}]}")).id();
    Connection sample = StoreSamples.connection(source.id(), destination.id(), "full", List.of(first.id(), second.id()),
        db.database().now());
    Connection connection = new Connection(sample.id(), sample.name(), sample.sourceId(), sample.destinationId(),
        sample.namespaceDefinition(), sample.namespaceFormat(), sample.prefix(), sample.syncCatalog(),
        sample.scheduleType(), sample.scheduleData(), sample.status(), sample.resourceRequirements(), catalogId,
        sample.geography(), sample.breakingChange(), sample.nonBreakingChangesPreference(),
        sample.notifySchemaChanges(), sample.notifySchemaChangesByEmail(), sample.backfillPreference(),
        sample.operationIds(), sample.createdAt(), sample.updatedAt());

    connections.insert(connection);

    assertThat(connections.find(connection.id())).contains(connection);
    assertThat(connections.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void connectionWithoutOptionalFieldsReadsBackWithNulls() {
    Connection sparse = new Connection(UUID.randomUUID(), "sparse", source.id(), destination.id(),
        NamespaceDefinitionType.SOURCE, null, null, StoreSamples.json("{\"streams\":[]}"), ScheduleType.MANUAL, null,
        ConnectionStatus.INACTIVE, null, null, Geography.AUTO, false, NonBreakingChangesPreference.IGNORE, true, false,
        BackfillPreference.DISABLED, List.of(), db.database().now(), db.database().now());

    connections.insert(sparse);

    assertThat(connections.find(sparse.id())).contains(sparse);
  }

  @Test
  void updateWritesEveryMutableFieldAndReplacesTheOperations() {
    Operation kept = operation("kept");
    Operation dropped = operation("dropped");
    Operation added = operation("added");
    Connection original = insert("original", List.of(dropped.id(), kept.id()));
    Connection changed = new Connection(original.id(), "changed", original.sourceId(), original.destinationId(),
        NamespaceDefinitionType.DESTINATION, null, "new_", StoreSamples.json("{\"streams\":[{\"name\":\"b\"}]}"),
        ScheduleType.CRON, StoreSamples.json("{\"cron\":{\"cronExpression\":\"0 0 * * * ?\",\"cronTimeZone\":\"UTC\"}}"),
        ConnectionStatus.INACTIVE, null, null, Geography.EU, false, NonBreakingChangesPreference.DISABLE, true, false,
        BackfillPreference.DISABLED, List.of(added.id(), kept.id()), original.createdAt(),
        original.updatedAt().plusSeconds(9));

    assertThat(connections.update(changed)).isTrue();

    assertThat(connections.find(original.id())).contains(changed);
    assertThat(connections.listByOperation(dropped.id(), true)).isEmpty();
  }

  @Test
  void updateOfUnknownConnectionReportsFalseAndWritesNoOperations() {
    Operation operation = operation("orphan");
    Connection never = StoreSamples.connection(source.id(), destination.id(), "never", List.of(operation.id()),
        db.database().now());

    assertThat(connections.update(never)).isFalse();
    assertThat(connections.listByOperation(operation.id(), true)).isEmpty();
  }

  @Test
  void anOperationListedTwiceIsRejectedAndNothingIsStored() {
    Operation operation = operation("twice");
    Connection connection = StoreSamples.connection(source.id(), destination.id(), "twice",
        List.of(operation.id(), operation.id()), db.database().now());

    assertThatThrownBy(() -> connections.insert(connection)).isInstanceOf(IllegalArgumentException.class);
    assertThat(connections.find(connection.id())).isEmpty();
  }

  @Test
  void updateStatusDeprecatesAConnection() {
    Connection connection = insert("to deprecate", List.of());

    assertThat(connections.updateStatus(connection.id(), ConnectionStatus.DEPRECATED)).isTrue();
    assertThat(connections.updateStatus(UUID.randomUUID(), ConnectionStatus.DEPRECATED)).isFalse();

    Connection found = connections.find(connection.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(ConnectionStatus.DEPRECATED);
    assertThat(found.updatedAt()).isAfter(connection.updatedAt());
  }

  @Test
  void listByWorkspaceFollowsTheSourcesWorkspaceAndHidesDeprecatedOnRequest() {
    Connection b = insert("B sync", List.of());
    Connection a = insert("a sync", List.of());
    Connection deprecated = insert("deprecated sync", List.of());
    connections.updateStatus(deprecated.id(), ConnectionStatus.DEPRECATED);
    Connection elsewhere = store.newConnection("elsewhere");

    assertThat(connections.listByWorkspace(workspace.id(), false)).containsExactly(a, b);
    assertThat(connections.listByWorkspace(workspace.id(), true)).extracting(Connection::id)
        .containsExactly(a.id(), b.id(), deprecated.id());
    assertThat(connections.listByWorkspace(UUID.randomUUID(), true)).isEmpty();
    assertThat(connections.listByWorkspace(workspace.id(), true)).extracting(Connection::id)
        .doesNotContain(elsewhere.id());
  }

  @Test
  void listsBySourceDestinationAndOperationCarryTheOperationIds() {
    Operation operation = operation("shared op");
    Operation other = operation("other op");
    Connection withBoth = insert("both", List.of(other.id(), operation.id()));
    Connection withOne = insert("one", List.of(operation.id()));
    Connection without = insert("none", List.of());
    Actor otherDestination = store.newActor(workspace.id(), store.newDefinition(ActorType.DESTINATION, "dst2"), "d2");
    Connection toOther = StoreSamples.connection(source.id(), otherDestination.id(), "to other", List.of(),
        db.database().now());
    connections.insert(toOther);

    assertThat(connections.listBySource(source.id(), false)).containsExactly(withBoth, without, withOne, toOther);
    assertThat(connections.listByDestination(destination.id(), false)).containsExactly(withBoth, without, withOne);
    assertThat(connections.listByDestination(otherDestination.id(), false)).containsExactly(toOther);
    assertThat(connections.listByOperation(operation.id(), false)).containsExactly(withBoth, withOne);
    assertThat(connections.listByOperation(other.id(), false)).containsExactly(withBoth);

    connections.updateStatus(withOne.id(), ConnectionStatus.DEPRECATED);
    assertThat(connections.listByOperation(operation.id(), false)).containsExactly(withBoth);
    assertThat(connections.listByOperation(operation.id(), true)).extracting(Connection::id)
        .containsExactly(withBoth.id(), withOne.id());
    assertThat(connections.listBySource(source.id(), true)).hasSize(4);
    assertThat(connections.listByDestination(destination.id(), true)).hasSize(3);
  }

  @Test
  void detachOperationTakesItOffEveryConnectionAndKeepsTheOthersInOrder() {
    Operation detached = operation("detached op");
    Operation kept = operation("kept op");
    Connection withBoth = insert("detach both", List.of(detached.id(), kept.id()));
    Connection withOne = insert("detach one", List.of(detached.id()));

    assertThat(connections.detachOperation(detached.id())).isEqualTo(2);

    assertThat(connections.find(withBoth.id()).orElseThrow().operationIds()).containsExactly(kept.id());
    assertThat(connections.find(withOne.id()).orElseThrow().operationIds()).isEmpty();
    assertThat(connections.listByOperation(detached.id(), true)).isEmpty();
    assertThat(connections.detachOperation(UUID.randomUUID())).isZero();
  }

  @Test
  void listByStatusSpansWorkspaces() {
    Connection here = insert("status here", List.of());
    Connection there = store.newConnection("status there");
    connections.updateStatus(here.id(), ConnectionStatus.INACTIVE);
    connections.updateStatus(there.id(), ConnectionStatus.INACTIVE);

    assertThat(connections.listByStatus(ConnectionStatus.INACTIVE)).extracting(Connection::id)
        .contains(here.id(), there.id());
    assertThat(connections.listByStatus(ConnectionStatus.ACTIVE)).extracting(Connection::id)
        .doesNotContain(here.id(), there.id());
  }

  @Test
  void connectionsListByWorkspaceAndTagInWindows() {
    TagRepository tags = new TagRepository(db.database());
    Connection a = store.newConnection("a windowed");
    Connection b = store.newConnection("b windowed");
    Connection c = store.newConnection("c windowed");
    List<UUID> workspaces = List.of(workspaceOf(a), workspaceOf(b), workspaceOf(c));
    Instant now = db.database().now();
    Tag tag = new Tag(UUID.randomUUID(), workspaceOf(a), "picked", "00FF00", now, now);
    tags.insert(tag);
    tags.replaceConnectionTags(a.id(), List.of(tag.id()));
    tags.replaceConnectionTags(c.id(), List.of(tag.id()));

    assertThat(ids(connections.listByWorkspaces(workspaces, List.of(), false, 2, 0))).containsExactly(a.id(), b.id());
    assertThat(ids(connections.listByWorkspaces(workspaces, List.of(), false, 2, 2))).containsExactly(c.id());
    assertThat(ids(connections.listByWorkspaces(workspaces, List.of(tag.id()), false, 10, 0))).containsExactly(a.id(), c.id());
    assertThat(ids(connections.listByWorkspaces(List.of(workspaceOf(b)), List.of(), false, 10, 0))).containsExactly(b.id());

    connections.updateStatus(b.id(), ConnectionStatus.DEPRECATED);
    assertThat(ids(connections.listByWorkspaces(workspaces, List.of(), false, 10, 0))).containsExactly(a.id(), c.id());
    assertThat(ids(connections.listByWorkspaces(workspaces, List.of(), true, 10, 0))).containsExactly(a.id(), b.id(), c.id());
  }

  private Connection insert(String name, List<UUID> operationIds) {
    Connection connection = StoreSamples.connection(source.id(), destination.id(), name, operationIds,
        db.database().now());
    connections.insert(connection);
    return connection;
  }

  private Operation operation(String name) {
    Operation operation = StoreSamples.operation(workspace.id(), name, db.database().now());
    store.operations.insert(operation);
    return operation;
  }

  private UUID workspaceOf(Connection connection) {
    return store.actors.find(connection.sourceId()).orElseThrow().workspaceId();
  }

  private static List<UUID> ids(List<Connection> connections) {
    return connections.stream().map(Connection::id).toList();
  }
}
