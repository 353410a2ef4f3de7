package dev.gale.server.store;

import static dev.gale.server.testing.StoreSamples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.POJONode;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionState;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamState;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class StateRepositoryIT {
  static final StreamDescriptor USERS = new StreamDescriptor("users", "public");
  static final StreamDescriptor ORDERS = StreamDescriptor.of("orders");
  static final StreamDescriptor ORDERS_EMPTY_NAMESPACE = new StreamDescriptor("orders", "");

  @Parameter
  TestDatabase db;

  StateRepository states;
  UUID connectionId;

  @BeforeEach
  void setUp() {
    TestingStore store = new TestingStore(db.database());
    states = store.states;
    connectionId = store.newConnection("state " + UUID.randomUUID()).id();
  }

  @Test
  void aConnectionWithoutStateHasNone() {
    assertThat(states.get(connectionId)).isEmpty();
    assertThat(states.get(UUID.randomUUID())).isEmpty();
  }

  @Test
  void legacyStateRoundTrips() {
    ConnectionState legacy = ConnectionState.legacy(json("{\"cursor\":\"2024-01-01\",\"nested\":{\"n\":[1,2]}}"));

    states.replace(connectionId, legacy);

    assertThat(states.get(connectionId)).contains(legacy);
  }

  @Test
  void streamStateRoundTripsWithNullAndEmptyNamespacesAndNullBlobs() {
    ConnectionState stream = ConnectionState.stream(List.of(
        new StreamState(ORDERS, json("{\"cursor\":1}")),
        new StreamState(ORDERS_EMPTY_NAMESPACE, json("{\"cursor\":2}")),
        new StreamState(USERS, null)));

    states.replace(connectionId, stream);

    assertThat(states.get(connectionId)).hasValueSatisfying(found -> {
      assertThat(found.type()).isEqualTo(stream.type());
      assertThat(found.legacyState()).isNull();
      assertThat(found.sharedState()).isNull();
      assertThat(found.streamStates()).containsExactlyInAnyOrderElementsOf(stream.streamStates());
    });
  }

  @Test
  void globalStateRoundTripsWithSharedAndPerStreamStates() {
    ConnectionState global = ConnectionState.global(json("{\"lsn\":12345}"), List.of(
        new StreamState(USERS, json("{\"snapshot\":\"done\"}")), new StreamState(ORDERS, json("{}"))));

    states.replace(connectionId, global);

    assertThat(states.get(connectionId)).hasValueSatisfying(found -> {
      assertThat(found.type()).isEqualTo(global.type());
      assertThat(found.sharedState()).isEqualTo(json("{\"lsn\":12345}"));
      assertThat(found.streamStates()).containsExactlyInAnyOrderElementsOf(global.streamStates());
    });
  }

  @Test
  void globalStateWithoutSharedPartRoundTrips() {
    ConnectionState global = ConnectionState.global(null, List.of(new StreamState(USERS, json("{\"a\":1}"))));

    states.replace(connectionId, global);

    assertThat(states.get(connectionId)).contains(global);
  }

  @Test
  void replaceDropsEverythingStoredBeforeEvenOfAnotherShape() {
    states.replace(connectionId, ConnectionState.global(json("{\"lsn\":1}"), List.of(
        new StreamState(USERS, json("{}")), new StreamState(ORDERS, json("{}")))));
    ConnectionState stream = ConnectionState.stream(List.of(new StreamState(ORDERS_EMPTY_NAMESPACE, json("{\"c\":9}"))));

    states.replace(connectionId, stream);
    assertThat(states.get(connectionId)).contains(stream);

    ConnectionState legacy = ConnectionState.legacy(json("{\"whole\":true}"));
    states.replace(connectionId, legacy);
    assertThat(states.get(connectionId)).contains(legacy);
  }

  @Test
  void aReplaceThatFailsHalfwayLeavesThePreviousStateWhole() {
    ConnectionState before = ConnectionState.stream(List.of(new StreamState(USERS, json("{\"cursor\":\"old\"}"))));
    states.replace(connectionId, before);
    // Serializing this blob throws, after the old rows have been deleted inside the transaction.
    ConnectionState unwritable = ConnectionState.stream(List.of(
        new StreamState(ORDERS, json("{}")), new StreamState(USERS, new POJONode(new Unserializable()))));

    assertThatThrownBy(() -> states.replace(connectionId, unwritable)).isInstanceOf(RuntimeException.class);

    assertThat(states.get(connectionId)).contains(before);
  }

  @Test
  void replaceOfAnUnknownConnectionIsRefused() {
    assertThatThrownBy(() -> states.replace(UUID.randomUUID(), ConnectionState.legacy(json("{}"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readersNeverSeeHalfAReplaceAndConcurrentWritersTakeTurns() throws Exception {
    List<StreamDescriptor> streams = List.of(USERS, ORDERS, ORDERS_EMPTY_NAMESPACE);
    states.replace(connectionId, versioned(streams, 0));
    ExecutorService threads = Executors.newFixedThreadPool(3);
    // The writers wait for the reader's first read: on a busy machine they could otherwise be done before it starts.
    CountDownLatch reading = new CountDownLatch(1);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int writer = 1; writer <= 2; writer++) {
        int base = writer * 1000;
        writers.add(threads.submit(() -> {
          reading.await();
          for (int i = 1; i <= 25; i++) {
            states.replace(connectionId, versioned(streams, base + i));
          }
          return null;
        }));
      }
      Future<Integer> reader = threads.submit(() -> {
        int reads = 0;
        do {
          ConnectionState seen = states.get(connectionId).orElseThrow();
          assertThat(seen.streamStates()).hasSize(3);
          assertThat(seen.streamStates()).extracting(s -> s.state().get("version").asInt()).containsOnly(
              seen.streamStates().getFirst().state().get("version").asInt());
          reads++;
          reading.countDown();
        } while (!writers.stream().allMatch(Future::isDone));
        return reads;
      });
      for (Future<?> writer : writers) {
        writer.get();
      }
      assertThat(reader.get()).isPositive();
    } finally {
      threads.shutdownNow();
    }
    List<Integer> finalVersions = states.get(connectionId).orElseThrow().streamStates().stream()
        .map(s -> s.state().get("version").asInt())
        .toList();
    assertThat(finalVersions).isIn(List.of(1025, 1025, 1025), List.of(2025, 2025, 2025));
  }

  @Test
  void mergeReplacesTheStreamsItNamesAndKeepsTheOthers() {
    states.replace(connectionId, ConnectionState.stream(List.of(
        new StreamState(USERS, json("{\"v\":1}")), new StreamState(ORDERS, json("{\"v\":1}")))));

    states.merge(connectionId, ConnectionState.stream(List.of(
        new StreamState(ORDERS, json("{\"v\":2}")), new StreamState(ORDERS_EMPTY_NAMESPACE, json("{\"v\":2}")))));

    assertThat(states.get(connectionId).orElseThrow().streamStates()).containsExactlyInAnyOrder(
        new StreamState(USERS, json("{\"v\":1}")), new StreamState(ORDERS, json("{\"v\":2}")),
        new StreamState(ORDERS_EMPTY_NAMESPACE, json("{\"v\":2}")));
  }

  @Test
  void mergeOfAGlobalStateReplacesTheSharedPartWhenGiven() {
    states.replace(connectionId, ConnectionState.global(json("{\"lsn\":1}"), List.of(
        new StreamState(USERS, json("{\"v\":1}")), new StreamState(ORDERS, json("{\"v\":1}")))));

    states.merge(connectionId, ConnectionState.global(null, List.of(new StreamState(USERS, json("{\"v\":2}")))));
    assertThat(states.get(connectionId).orElseThrow().sharedState()).isEqualTo(json("{\"lsn\":1}"));

    states.merge(connectionId, ConnectionState.global(json("{\"lsn\":2}"), List.of()));
    ConnectionState merged = states.get(connectionId).orElseThrow();
    assertThat(merged.sharedState()).isEqualTo(json("{\"lsn\":2}"));
    assertThat(merged.streamStates()).containsExactlyInAnyOrder(
        new StreamState(USERS, json("{\"v\":2}")), new StreamState(ORDERS, json("{\"v\":1}")));
  }

  @Test
  void mergeOfAnotherShapeOrIntoNothingReplacesEverything() {
    ConnectionState first = ConnectionState.stream(List.of(new StreamState(USERS, json("{\"v\":1}"))));
    states.merge(connectionId, first);
    assertThat(states.get(connectionId)).contains(first);

    ConnectionState global = ConnectionState.global(json("{\"lsn\":3}"), List.of(new StreamState(ORDERS, json("{}"))));
    states.merge(connectionId, global);
    assertThat(states.get(connectionId)).contains(global);

    ConnectionState legacy = ConnectionState.legacy(json("{\"all\":1}"));
    states.merge(connectionId, legacy);
    ConnectionState otherLegacy = ConnectionState.legacy(json("{\"all\":2}"));
    states.merge(connectionId, otherLegacy);
    assertThat(states.get(connectionId)).contains(otherLegacy);
  }

  @Test
  void clearRemovesTheWholeState() {
    states.replace(connectionId, ConnectionState.global(json("{\"lsn\":1}"), List.of(new StreamState(USERS, json("{}")))));

    states.clear(connectionId);

    assertThat(states.get(connectionId)).isEmpty();
  }

  @Test
  void clearStreamsRemovesOnlyTheChosenStreamsMatchingNamespacesExactly() {
    states.replace(connectionId, ConnectionState.global(json("{\"lsn\":7}"), List.of(
        new StreamState(USERS, json("{\"u\":1}")), new StreamState(ORDERS, json("{\"o\":1}")),
        new StreamState(ORDERS_EMPTY_NAMESPACE, json("{\"o\":2}")))));

    states.clearStreams(connectionId, List.of(ORDERS, new StreamDescriptor("users", "other"),
        StreamDescriptor.of("never-synced")));

    ConnectionState left = states.get(connectionId).orElseThrow();
    assertThat(left.sharedState()).isEqualTo(json("{\"lsn\":7}"));
    assertThat(left.streamStates()).containsExactlyInAnyOrder(
        new StreamState(USERS, json("{\"u\":1}")), new StreamState(ORDERS_EMPTY_NAMESPACE, json("{\"o\":2}")));

    states.clearStreams(connectionId, List.of(USERS, ORDERS_EMPTY_NAMESPACE));
    assertThat(states.get(connectionId)).contains(ConnectionState.global(json("{\"lsn\":7}"), List.of()));
  }

  @Test
  void clearingAnyStreamOfALegacyStateClearsAllOfIt() {
    ConnectionState legacy = ConnectionState.legacy(json("{\"all\":1}"));
    states.replace(connectionId, legacy);

    states.clearStreams(connectionId, List.of());
    assertThat(states.get(connectionId)).contains(legacy);

    states.clearStreams(connectionId, List.of(USERS));
    assertThat(states.get(connectionId)).isEmpty();
  }

  private static ConnectionState versioned(List<StreamDescriptor> streams, int version) {
    return ConnectionState.stream(streams.stream()
        .map(stream -> new StreamState(stream, json("{\"version\":" + version + "}")))
        .toList());
  }

  /** A value Jackson cannot write: its only property throws. */
  static final class Unserializable {
    public String getValue() {
      throw new IllegalStateException("cannot be written");
    }
  }
}
