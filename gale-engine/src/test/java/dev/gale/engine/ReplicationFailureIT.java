package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.ConnectorException;
import dev.gale.engine.Failure.Origin;
import dev.gale.engine.Failure.Type;
import dev.gale.engine.ReplicationResult.Status;
import dev.gale.engine.ScriptedSource.Script;
import dev.gale.engine.StreamMapping.NamespaceDefinition;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationFailureIT {
  private static final StreamDescriptor A = StreamDescriptor.of("a");
  private static final EngineOptions FLUSH_AT_EVERY_CHECKPOINT = EngineOptions.defaults().withFlushInterval(Duration.ZERO);

  @Test
  void aFailingSourceFailsAsSourceAfterCommittingOnlyCheckpointsWhoseRecordsWereFlushed() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(10, 100, 2, "a")
        .failingAfter(5, new IllegalStateException("page 6 could not be parsed")));
    InMemoryDestination destination = new InMemoryDestination();
    RecordingListener listener = new RecordingListener();

    ReplicationResult result = run(FLUSH_AT_EVERY_CHECKPOINT, source, destination, listener);

    assertThat(result.status()).isEqualTo(Status.FAILED);
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.origin()).isEqualTo(Origin.SOURCE);
    assertThat(failure.type()).isEqualTo(Type.SYSTEM_ERROR);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.internalMessage()).contains("page 6 could not be parsed");
    assertThat(failure.externalMessage()).doesNotContain("page 6");
    assertThat(listener.committed()).containsExactly(ScriptedSource.state(A, 200), ScriptedSource.state(A, 400));
    assertThat(result.totals().streams().get(A)).extracting(StreamTotals::recordsEmitted,
        StreamTotals::recordsCommitted).containsExactly(500L, 400L);
    assertThat(destination.events()).doesNotContain("complete").last().isEqualTo("close");
  }

  @Test
  void aConnectorExceptionFromTheSourceIsAConfigErrorWithItsOwnMessage() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(3, 10, 1, "a")
        .failingAfter(1, new ConnectorException("table a was dropped")));

    ReplicationResult result = run(EngineOptions.defaults(), source, new InMemoryDestination(),
        new RecordingListener());

    Failure failure = result.failure().orElseThrow();
    assertThat(failure.origin()).isEqualTo(Origin.SOURCE);
    assertThat(failure.type()).isEqualTo(Type.CONFIG_ERROR);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.externalMessage()).isEqualTo("table a was dropped");
  }

  @Test
  void aFailingDestinationFailsAsDestinationAndStopsTheSource() throws Exception {
    InMemoryDestination destination = new InMemoryDestination()
        .failWrite(3, new IllegalStateException("disk full"));
    RecordingListener listener = new RecordingListener();

    ReplicationResult result = new ReplicationEngine()
        .start(Syncs.sample("{\"count\":10000000,\"seed\":1}", destination), listener)
        .await(Duration.ofSeconds(10)).orElseThrow();

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.failure().orElseThrow().origin()).isEqualTo(Origin.DESTINATION);
    assertThat(result.failure().orElseThrow().type()).isEqualTo(Type.SYSTEM_ERROR);
    assertThat(listener.committed()).isEmpty();
    assertThat(listener.logs()).noneMatch(line -> line.contains("did not stop"));
    assertThat(destination.events()).doesNotContain("complete").last().isEqualTo("close");
  }

  @Test
  void aFailingCommitFailsAsPersistence() throws Exception {
    ScriptedSource source = new ScriptedSource(Script.of(4, 10, 1, "a"));
    InMemoryDestination destination = new InMemoryDestination();
    RecordingListener listener = new RecordingListener(state -> {
      throw new IllegalStateException("the state store is read-only");
    });

    ReplicationResult result = run(FLUSH_AT_EVERY_CHECKPOINT, source, destination, listener);

    Failure failure = result.failure().orElseThrow();
    assertThat(failure.origin()).isEqualTo(Origin.PERSISTENCE);
    assertThat(failure.internalMessage()).contains("read-only");
    assertThat(result.totals().streams().get(A).recordsCommitted()).isZero();
    assertThat(destination.events()).doesNotContain("complete").last().isEqualTo("close");
  }

  @Test
  void streamsThatWouldShareADestinationStreamFailBeforeTheDestinationOpens() throws Exception {
    ScriptedSource shop = new ScriptedSource(Script.of(1, 1, 1, "items").inNamespace("shop"));
    ConfiguredAirbyteCatalog twoNamespaces = new ConfiguredAirbyteCatalog(List.of(
        shop.configuredCatalog().streams().getFirst(),
        new ScriptedSource(Script.of(1, 1, 1, "items").inNamespace("outlet")).configuredCatalog().streams().getFirst()));
    InMemoryDestination destination = new InMemoryDestination();
    ReplicationRequest request = new ReplicationRequest(shop, Json.object(), destination, Json.object(), twoNamespaces,
        new StreamMapping(NamespaceDefinition.DESTINATION, null, "", Map.of()), List.of(), 1);

    ReplicationResult result = new ReplicationEngine().start(request, new RecordingListener())
        .await(Duration.ofSeconds(10)).orElseThrow();

    Failure failure = result.failure().orElseThrow();
    assertThat(failure.origin()).isEqualTo(Origin.REPLICATION);
    assertThat(failure.type()).isEqualTo(Type.CONFIG_ERROR);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.externalMessage()).contains("shop.items", "outlet.items");
    assertThat(destination.openedCatalog()).isNull();
  }

  private static ReplicationResult run(EngineOptions options, ScriptedSource source, InMemoryDestination destination,
                                       RecordingListener listener) throws InterruptedException {
    return new ReplicationEngine(options).start(Syncs.scripted(source, destination, StreamMapping.identity()), listener)
        .await(Duration.ofSeconds(30)).orElseThrow();
  }
}
