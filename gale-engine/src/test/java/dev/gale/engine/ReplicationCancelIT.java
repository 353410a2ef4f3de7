package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.engine.ReplicationResult.Status;
import dev.gale.engine.ScriptedSource.Script;
import dev.gale.protocol.StreamDescriptor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ReplicationCancelIT {

  @Test
  void cancellingALargeSampleReadEndsCancelledWithinTwoSeconds() throws Exception {
    RecordingListener listener = new RecordingListener();
    RunningReplication run = new ReplicationEngine(EngineOptions.defaults().withProgressInterval(Duration.ZERO))
        .start(Syncs.sample("{\"count\":100000000,\"seed\":1}", new DevNullDestination()), listener);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
        .until(() -> listener.progress() != null && listener.progress().total().recordsEmitted() > 10_000);

    run.cancel();
    Optional<ReplicationResult> result = run.await(Duration.ofSeconds(2));

    assertThat(result).as("a result within 2 s of the cancel").isPresent();
    assertThat(result.get().status()).isEqualTo(Status.CANCELLED);
    assertThat(result.get().failure().orElseThrow().type()).isEqualTo(Failure.Type.MANUAL_CANCELLATION);
    assertThat(result.get().totals().total().recordsEmitted()).isLessThan(100_000_000L);
    assertThat(listener.logs()).anyMatch(line -> line.contains("the sync did not complete"));
  }

  @Test
  void cancellingWhileTheDestinationWritesClosesItWithoutCompleting() throws Exception {
    InMemoryDestination destination = new InMemoryDestination().blockWritesUntil(new CountDownLatch(1));
    RunningReplication run = new ReplicationEngine().start(Syncs.scripted(
        new ScriptedSource(Script.of(100, 10, 1, "a")), destination, StreamMapping.identity()),
        new RecordingListener());
    await().atMost(Duration.ofSeconds(10)).until(() -> destination.events().contains("write a 10"));

    run.cancel();

    ReplicationResult result = run.await(Duration.ofSeconds(2)).orElseThrow();
    assertThat(result.status()).isEqualTo(Status.CANCELLED);
    assertThat(destination.events()).containsExactly("open", "write a 10", "close");
  }

  @Test
  void theQueueHoldsNoMoreThanItsBoundWhileTheDestinationIsStalled() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    InMemoryDestination destination = new InMemoryDestination().blockWritesUntil(gate);
    ReplicationRun run = (ReplicationRun) new ReplicationEngine(EngineOptions.defaults().withQueue(4, 1 << 20))
        .start(Syncs.scripted(new ScriptedSource(Script.of(500, 100, 10, "items")), destination,
            StreamMapping.identity()), new RecordingListener());

    // The source is stuck behind a full queue for as long as the destination is: it does not read ahead.
    await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(300)).until(() -> run.queue().size() == 4);
    assertThat(destination.events()).containsExactly("open", "write items 100");
    gate.countDown();

    ReplicationResult result = run.await(Duration.ofSeconds(30)).orElseThrow();
    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(result.totals().streams().get(StreamDescriptor.of("items")).recordsCommitted()).isEqualTo(50_000);
    assertThat(run.queue().mostItems()).isEqualTo(4);
    assertThat(run.queue().mostBytes()).isPositive().isLessThanOrEqualTo(1 << 20);
  }
}
