package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gale.engine.QueueItem.End;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BatchQueueIT {

  @Test
  void aPutWaitsForRoomByItemsAndByBytes() throws Exception {
    BatchQueue queue = new BatchQueue(2, 1_000_000);
    queue.put(BatchQueueTest.records(1));
    queue.put(BatchQueueTest.records(1));
    Thread producer = Thread.ofVirtual().start(() -> put(queue, BatchQueueTest.records(1)));

    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> queue.size() == 2);
    queue.take();

    await().atMost(Duration.ofSeconds(2)).until(() -> !producer.isAlive());
    assertThat(queue.size()).isEqualTo(2);

    QueueItem.Records one = BatchQueueTest.records(5);
    BatchQueue byBytes = new BatchQueue(100, one.bytes() * 2);
    byBytes.put(one);
    byBytes.put(BatchQueueTest.records(5));
    Thread blocked = Thread.ofVirtual().start(() -> put(byBytes, BatchQueueTest.records(5)));
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> byBytes.size() == 2);
    byBytes.take();
    await().atMost(Duration.ofSeconds(2)).until(() -> !blocked.isAlive());
    assertThat(byBytes.mostBytes()).isLessThanOrEqualTo(one.bytes() * 2);
  }

  @Test
  void closingWakesAWaitingProducerWithAnInterrupt() throws Exception {
    BatchQueue queue = new BatchQueue(1, 1_000_000);
    queue.put(new End());
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread producer = Thread.ofVirtual().start(() -> {
      try {
        queue.put(new End());
      } catch (Throwable e) {
        outcome.set(e);
      }
    });
    await().atMost(Duration.ofSeconds(2)).until(() -> producer.getState() == Thread.State.WAITING);

    queue.close();

    await().atMost(Duration.ofSeconds(2)).until(() -> !producer.isAlive());
    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
  }

  private static void put(BatchQueue queue, QueueItem item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
