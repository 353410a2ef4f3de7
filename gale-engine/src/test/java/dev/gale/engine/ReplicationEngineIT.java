package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.ValueType;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.engine.ReplicationResult.Status;
import dev.gale.engine.ScriptedSource.Script;
import dev.gale.engine.StreamMapping.NamespaceDefinition;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.StreamDescriptor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReplicationEngineIT {
  private static final StreamDescriptor A = StreamDescriptor.of("a");
  private static final StreamDescriptor B = StreamDescriptor.of("b");
  private static final EngineOptions FLUSH_AT_EVERY_CHECKPOINT =
      EngineOptions.defaults().withFlushInterval(Duration.ZERO).withProgressInterval(Duration.ZERO);

  @Test
  void sampleDataToDevNullMovesEveryRecordAndCommitsTheLastStateOfEachStream() throws Exception {
    RecordingListener listener = new RecordingListener();

    ReplicationResult result = new ReplicationEngine()
        .start(Syncs.sample("{\"count\":5000,\"seed\":1,\"records_per_slice\":1000}", new DevNullDestination()),
            listener)
        .await(Duration.ofSeconds(60)).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(result.failure()).isEmpty();
    StreamTotals users = result.totals().streams().get(StreamDescriptor.of("users"));
    assertThat(users.recordsEmitted()).isEqualTo(5000);
    assertThat(users.recordsCommitted()).isEqualTo(5000);
    assertThat(users.bytesCommitted()).isEqualTo(users.bytesEmitted()).isPositive();
    assertThat(users.stateMessagesEmitted()).isEqualTo(5);
    assertThat(result.totals().streams().get(StreamDescriptor.of("products")).recordsCommitted()).isEqualTo(100);
    assertThat(result.totals().total().recordsCommitted()).isEqualTo(10_100);
    assertThat(listener.committed()).extracting(state -> state.stream().streamDescriptor().name())
        .containsExactly("users", "products", "purchases");
    assertThat(listener.logs()).anyMatch(line -> line.contains("destination: Dev Null discarded 10100 records"));
  }

  @Test
  void namespacePrefixAndFieldSelectionReachTheDestinationWhileStatesKeepSourceNames() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(3, 10, 1, "items").inNamespace("shop"));
    InMemoryDestination destination = new InMemoryDestination();
    StreamMapping mapping = new StreamMapping(NamespaceDefinition.CUSTOMFORMAT, "raw_${SOURCE_NAMESPACE}", "gale_",
        Map.of("shop.items", List.of("id", "price")));
    RecordingListener listener = new RecordingListener();

    ReplicationResult result = new ReplicationEngine().start(Syncs.scripted(source, destination, mapping), listener)
        .await(Duration.ofSeconds(30)).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    StreamDescriptor target = new StreamDescriptor("gale_items", "raw_shop");
    ConfiguredAirbyteStream opened = destination.openedCatalog().streams().getFirst();
    assertThat(opened.descriptor()).isEqualTo(target);
    assertThat(opened.stream().jsonSchema().get("properties").properties()).extracting(Map.Entry::getKey)
        .containsExactly("id", "price");
    assertThat(destination.schema(target).columns())
        .containsExactly(new Column("id", ValueType.INTEGER), new Column("price", ValueType.NUMBER));
    assertThat(destination.durableRows(target)).hasSize(30)
        .allSatisfy(row -> assertThat(row[1]).isEqualTo(BigDecimal.valueOf((Long) row[0], 2)));
    assertThat(listener.committed()).extracting(state -> state.stream().streamDescriptor())
        .containsOnly(new StreamDescriptor("items", "shop"));
    assertThat(result.totals().streams()).containsOnlyKeys(new StreamDescriptor("items", "shop"));
  }

  @Test
  void everyStateIsCommittedInEmissionOrderAndOnlyOnceAFlushMadeItsRecordsDurable() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(10, 50, 2, "a", "b"));
    InMemoryDestination destination = new InMemoryDestination();
    List<String> uncovered = new ArrayList<>();
    RecordingListener listener = new RecordingListener(state -> {
      StreamDescriptor stream = state.stream().streamDescriptor();
      long lastId = state.stream().streamState().get("last_id").asLong();
      if (destination.durableRows(stream).size() < lastId) {
        uncovered.add(stream + "@" + lastId);
      }
    });

    ReplicationResult result = new ReplicationEngine(FLUSH_AT_EVERY_CHECKPOINT)
        .start(Syncs.scripted(source, destination, StreamMapping.identity()), listener)
        .await(Duration.ofSeconds(30)).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(uncovered).as("states committed before their records were durable").isEmpty();
    List<AirbyteStateMessage> emitted = new ArrayList<>();
    for (long round = 2; round <= 10; round += 2) {
      emitted.add(ScriptedSource.state(A, round * 50));
      emitted.add(ScriptedSource.state(B, round * 50));
    }
    assertThat(listener.committed()).isEqualTo(emitted);
    assertThat(destination.durableRows(A)).extracting(row -> row[0])
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 500).boxed().toList());
    assertThat(destination.events()).endsWith("flush", "complete", "close");
  }

  @Test
  void aDestinationThatAcknowledgesOnlyAtTheEndHasEveryStateCommittedThenInOrder() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(4, 10, 1, "a"));
    InMemoryDestination destination = new InMemoryDestination()
        .acknowledging(InMemoryDestination.Acknowledgement.ONLY_WHEN_COMPLETE);
    List<String> early = new ArrayList<>();
    RecordingListener listener = new RecordingListener(state -> {
      if (!destination.events().contains("complete")) {
        early.add(state.stream().streamState().toString());
      }
    });

    ReplicationResult result = new ReplicationEngine(FLUSH_AT_EVERY_CHECKPOINT)
        .start(Syncs.scripted(source, destination, StreamMapping.identity()), listener)
        .await(Duration.ofSeconds(30)).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    // Four flushes went by unacknowledged, and the sync neither waited on them nor committed early.
    assertThat(destination.events()).filteredOn("flush"::equals).hasSizeGreaterThanOrEqualTo(4);
    assertThat(early).as("states committed before the destination acknowledged them").isEmpty();
    assertThat(listener.committed()).containsExactly(ScriptedSource.state(A, 10), ScriptedSource.state(A, 20),
        ScriptedSource.state(A, 30), ScriptedSource.state(A, 40));
    assertThat(result.totals().streams().get(A).recordsCommitted()).isEqualTo(40);
  }

  @Test
  void statesADestinationNeverAcknowledgesAreNotCommittedAndTheLogSaysSo() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(3, 10, 1, "a"));
    InMemoryDestination destination = new InMemoryDestination()
        .acknowledging(InMemoryDestination.Acknowledgement.NEVER);
    RecordingListener listener = new RecordingListener();

    ReplicationResult result = new ReplicationEngine(FLUSH_AT_EVERY_CHECKPOINT)
        .start(Syncs.scripted(source, destination, StreamMapping.identity()), listener)
        .await(Duration.ofSeconds(30)).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(listener.committed()).isEmpty();
    assertThat(listener.logs()).contains("WARN the destination ended without acknowledging 3 state(s); they are not "
        + "committed, and the next sync reads their records again");
  }

  @Test
  void statsCountRecordsBytesAndStatesPerSourceStream() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(10, 100, 3, "a", "b"));
    InMemoryDestination destination = new InMemoryDestination();
    RecordingListener listener = new RecordingListener();

    ReplicationResult result = new ReplicationEngine(FLUSH_AT_EVERY_CHECKPOINT)
        .start(Syncs.scripted(source, destination, StreamMapping.identity()), listener)
        .await(Duration.ofSeconds(30)).orElseThrow();

    for (StreamDescriptor stream : List.of(A, B)) {
      assertThat(result.totals().streams().get(stream))
          .isEqualTo(new StreamTotals(1000, destination.bytes(stream), 1000, destination.bytes(stream), 4, 1000, 0));
    }
    assertThat(result.totals().total().recordsEmitted()).isEqualTo(2000);
    assertThat(result.totals().total().estimatedRecords()).isEqualTo(2000);
    assertThat(listener.progress()).isNotNull();
    assertThat(listener.progress().total().recordsEmitted()).isBetween(1L, 2000L);
  }

  @Test
  void theListenerHearsTheStreamStatusesOfBothSides() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(2, 10, 1, "a"));
    StreamMapping mapping = new StreamMapping(NamespaceDefinition.CUSTOMFORMAT, "raw", "gale_", Map.of());
    RecordingListener listener = new RecordingListener();

    ReplicationResult result = new ReplicationEngine()
        .start(Syncs.scripted(source, new InMemoryDestination(), mapping), listener)
        .await(Duration.ofSeconds(30)).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(listener.events()).containsExactly("DESTINATION raw.gale_a STARTED", "SOURCE a STARTED",
        "SOURCE a COMPLETE");
  }

  @Test
  void withoutADueFlushOnlyTheLatestStateOfEachStreamIsCommittedAtTheEnd() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(6, 20, 1, "a", "b"));
    RecordingListener listener = new RecordingListener();

    ReplicationResult result = new ReplicationEngine()
        .start(Syncs.scripted(source, new InMemoryDestination(), StreamMapping.identity()), listener)
        .await(Duration.ofSeconds(30)).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(listener.committed()).containsExactly(ScriptedSource.state(A, 120), ScriptedSource.state(B, 120));
    assertThat(result.totals().streams().get(A).stateMessagesEmitted()).isEqualTo(6);
    assertThat(result.totals().streams().get(A).recordsCommitted()).isEqualTo(120);
  }
}
