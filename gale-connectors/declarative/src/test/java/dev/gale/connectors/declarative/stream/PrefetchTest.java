package dev.gale.connectors.declarative.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrefetchTest {

  @Test
  void givesResultsInTheOrderTasksStartedOnAThreadOfItsOwn() throws Exception {
    try (Prefetch<String> ahead = new Prefetch<>("test-next-page")) {
      for (int page = 1; page <= 3; page++) {
        int number = page;
        ahead.start(() -> "page " + number + " on " + Thread.currentThread().getName());
        assertThat(ahead.take()).isEqualTo("page " + number + " on test-next-page");
      }
    }
  }

  @Test
  void runsTheTaskWhileTheCallerWorks() throws Exception {
    CountDownLatch callerWorking = new CountDownLatch(1);
    try (Prefetch<String> ahead = new Prefetch<>("test-next-page")) {
      ahead.start(() -> callerWorking.await(5, TimeUnit.SECONDS) ? "fetched meanwhile" : "timed out");
      callerWorking.countDown();
      assertThat(ahead.take()).isEqualTo("fetched meanwhile");
    }
  }

  @Test
  void runsAtMostOneTaskAhead() throws Exception {
    try (Prefetch<String> ahead = new Prefetch<>("test-next-page")) {
      ahead.start(() -> "first");
      assertThatThrownBy(() -> ahead.start(() -> "second")).isInstanceOf(IllegalStateException.class);
      assertThat(ahead.take()).isEqualTo("first");
      assertThatThrownBy(ahead::take).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void throwsATasksFailureToTheCallerWhenItTakesTheResult() throws Exception {
    ConnectorException failure = new ConnectorException("Stream 'orders': GET /orders?page=2 failed with HTTP 500");
    try (Prefetch<String> ahead = new Prefetch<>("test-next-page")) {
      ahead.start(() -> {
        throw failure;
      });
      assertThatThrownBy(ahead::take).isSameAs(failure);
      ahead.start(() -> {
        throw new InterruptedException("interrupted inside");
      });
      assertThatThrownBy(ahead::take).isInstanceOf(InterruptedException.class).hasMessage("interrupted inside");
      ahead.start(() -> "still usable");
      assertThat(ahead.take()).isEqualTo("still usable");
    }
  }

  @Test
  void closingCancelsATaskWhoseResultWasNotTakenAndEndsTheThread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicReference<Thread> thread = new AtomicReference<>();
    Prefetch<String> ahead = new Prefetch<>("test-next-page");
    ahead.start(() -> {
      thread.set(Thread.currentThread());
      started.countDown();
      try {
        Thread.sleep(60_000);
        return "never";
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    ahead.close();

    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    thread.get().join(5_000);
    assertThat(thread.get().isAlive()).isFalse();
    assertThat(thread.get().isDaemon()).isTrue();
  }

  @Test
  void aCallerInterruptedWhileWaitingCancelsTheTask() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    try (Prefetch<String> ahead = new Prefetch<>("test-next-page")) {
      ahead.start(() -> {
        started.countDown();
        try {
          Thread.sleep(60_000);
          return "never";
        } catch (InterruptedException e) {
          interrupted.countDown();
          throw e;
        }
      });
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.currentThread().interrupt();

      assertThatThrownBy(ahead::take).isInstanceOf(InterruptedException.class);
      assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
