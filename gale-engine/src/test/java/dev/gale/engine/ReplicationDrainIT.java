package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gale.engine.ReplicationResult.Status;
import dev.gale.engine.ScriptedSource.Script;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.StreamDescriptor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RunningReplication#drain}: a sync asked to stop ends at a committed state, or is cancelled after the grace. */
class ReplicationDrainIT {
  private static final StreamDescriptor ITEMS = StreamDescriptor.of("items");

  @Test
  void aDrainedSyncStopsRightAfterItsNextCheckpointIsCommitted() throws Exception {
    // The default 30 s flush interval: without the drain, nothing would be flushed for a long while.
    InMemoryDestination destination = new InMemoryDestination();
    RecordingListener listener = new RecordingListener();
    RunningReplication run = new ReplicationEngine(EngineOptions.defaults().withProgressInterval(Duration.ZERO))
        .start(Syncs.scripted(new ScriptedSource(Script.of(100_000, 10, 20, "items").pausing(Duration.ofMillis(1))),
            destination, StreamMapping.identity()), listener);
    await().atMost(Duration.ofSeconds(10)).until(() -> destination.writtenRows(ITEMS).size() > 300);
    assertThat(listener.committed()).as("nothing committed before the drain").isEmpty();

    run.drain(Duration.ofSeconds(30));

    ReplicationResult result = run.await(Duration.ofSeconds(5)).orElseThrow();
    assertThat(result.status()).isEqualTo(Status.STOPPED);
    Failure reason = result.failure().orElseThrow();
    assertThat(reason.type()).isEqualTo(Failure.Type.TRANSIENT_ERROR);
    assertThat(reason.retryable()).isTrue();
    long lastCommitted = lastId(listener.committed());
    assertThat(lastCommitted).as("a checkpoint at a multiple of 20 rounds of 10 rows").isPositive().isEqualTo(
        lastCommitted / 200 * 200);
    // Exactly what the committed state covers is in the destination: nothing more was written, nothing is missing.
    assertThat(destination.durableRows(ITEMS)).hasSize((int) lastCommitted);
    assertThat(destination.writtenRows(ITEMS)).hasSize((int) lastCommitted);
    assertThat(result.totals().total().recordsCommitted()).isEqualTo(lastCommitted);
    assertThat(destination.events()).doesNotContain("complete").last().isEqualTo("close");
  }

  @Test
  void aDrainWhileACheckpointWaitsForItsFlushCommitsItAndStopsAtOnce() throws Exception {
    InMemoryDestination destination = new InMemoryDestination();
    RecordingListener listener = new RecordingListener();
    RunningReplication run = new ReplicationEngine().start(Syncs.scripted(
        new ScriptedSource(Script.of(100, 10, 1, "items").stallingAfter(3)), destination, StreamMapping.identity()),
        listener);
    // The source waits after its third checkpoint; the flush interval has not passed, so nothing is committed yet.
    await().atMost(Duration.ofSeconds(10)).until(() -> destination.writtenRows(ITEMS).size() == 30);

    run.drain(Duration.ofSeconds(30));

    ReplicationResult result = run.await(Duration.ofSeconds(2)).orElseThrow();
    assertThat(result.status()).isEqualTo(Status.STOPPED);
    assertThat(lastId(listener.committed())).isEqualTo(30);
    assertThat(destination.durableRows(ITEMS)).hasSize(30);
    assertThat(destination.events()).containsExactly("open", "write items 10", "write items 10", "write items 10",
        "flush", "close");
  }

  @Test
  void aDrainThatReachesNoCheckpointWithinItsGraceIsCancelled() throws Exception {
    InMemoryDestination destination = new InMemoryDestination();
    RecordingListener listener = new RecordingListener();
    // One checkpoint at the very end of a long read: none comes within the grace.
    RunningReplication run = new ReplicationEngine().start(Syncs.scripted(
        new ScriptedSource(Script.of(1_000_000, 10, 1_000_000, "items").pausing(Duration.ofMillis(1))), destination,
        StreamMapping.identity()), listener);
    await().atMost(Duration.ofSeconds(10)).until(() -> destination.writtenRows(ITEMS).size() > 100);

    long asked = System.nanoTime();
    run.drain(Duration.ofMillis(500));

    ReplicationResult result = run.await(Duration.ofSeconds(5)).orElseThrow();
    Duration took = Duration.ofNanos(System.nanoTime() - asked);
    assertThat(result.status()).isEqualTo(Status.CANCELLED);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(3));
    assertThat(listener.committed()).isEmpty();
    assertThat(destination.durableRows(ITEMS)).isEmpty();
    assertThat(listener.logs()).anyMatch(line -> line.contains("no committed state covering what it wrote within 500 ms"));
  }

  @Test
  void aDrainAfterTheSyncEndedChangesNothing() throws Exception {
    InMemoryDestination destination = new InMemoryDestination();
    RunningReplication run = new ReplicationEngine().start(Syncs.scripted(
        new ScriptedSource(Script.of(5, 10, 100, "items")), destination, StreamMapping.identity()),
        new RecordingListener());
    ReplicationResult done = run.await(Duration.ofSeconds(10)).orElseThrow();

    run.drain(Duration.ofSeconds(1));

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(run.await()).isSameAs(done);
  }

  private static long lastId(List<AirbyteStateMessage> committed) {
    return committed.isEmpty() ? 0 : committed.getLast().stream().streamState().path("last_id").asLong();
  }
}
