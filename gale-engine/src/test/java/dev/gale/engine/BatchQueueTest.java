package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.engine.QueueItem.Checkpoint;
import dev.gale.engine.QueueItem.Drain;
import dev.gale.engine.QueueItem.End;
import dev.gale.engine.QueueItem.Records;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchQueueTest {
  private static final RecordSchema SCHEMA =
      RecordSchema.fromJsonSchema(StreamDescriptor.of("items"), Json.parse(ScriptedSource.SCHEMA));

  @Test
  void keepsOrderAndRemembersTheMostItHeld() throws Exception {
    BatchQueue queue = new BatchQueue(4, 1_000_000);
    Records first = records(10);
    Checkpoint checkpoint = new Checkpoint(ScriptedSource.state(StreamDescriptor.of("items"), 10));

    queue.put(first);
    queue.put(checkpoint);
    queue.put(new End());

    assertThat(queue.take()).isSameAs(first);
    assertThat(queue.take()).isSameAs(checkpoint);
    assertThat(queue.take()).isInstanceOf(End.class);
    assertThat(queue.mostItems()).isEqualTo(3);
    assertThat(queue.mostBytes()).isEqualTo(first.bytes());
  }

  @Test
  void aBatchLargerThanTheByteBoundStillPassesAnEmptyQueue() throws Exception {
    BatchQueue queue = new BatchQueue(4, 10);
    Records large = records(100);

    queue.put(large);

    assertThat(queue.take()).isSameAs(large);
    assertThat(large.bytes()).isGreaterThan(10);
  }

  @Test
  void aClosedQueueRefusesPutsAndTakes() throws Exception {
    BatchQueue queue = new BatchQueue(4, 1000);
    queue.put(new End());

    queue.close();

    assertThat(queue.size()).isZero();
    assertThatThrownBy(() -> queue.put(new End())).isInstanceOf(InterruptedException.class);
    assertThatThrownBy(queue::take).isInstanceOf(InterruptedException.class);
  }

  @Test
  void aDrainJumpsAFullQueueAndAClosedOneRefusesIt() throws Exception {
    BatchQueue queue = new BatchQueue(1, 1000);
    Records waiting = records(1);
    queue.put(waiting);

    assertThat(queue.putFirst(new Drain())).isTrue();

    assertThat(queue.take()).isInstanceOf(Drain.class);
    assertThat(queue.take()).isSameAs(waiting);
    queue.close();
    assertThat(queue.putFirst(new Drain())).isFalse();
  }

  static Records records(int rows) {
    RecordBatch.Builder builder = RecordBatch.builder(SCHEMA, rows);
    for (long id = 1; id <= rows; id++) {
      builder.add(new Object[] {id, "item " + id, null});
    }
    RecordBatch batch = builder.build(Instant.EPOCH);
    return new Records(SCHEMA.stream(), batch, batch.estimatedBytes());
  }
}
