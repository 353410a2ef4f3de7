package dev.gale.connectors.declarative.stream;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task ahead of its caller on a thread of its own, so that the caller hands over page N while page N+1 is
 * fetched. At most one task runs at a time: the caller takes a task's result before it starts the next, so results
 * come in the order the tasks were started. A task's failure is thrown to the caller when it takes the result, as if
 * the caller had run the task itself. Closing cancels a task whose result was not taken (its thread is interrupted,
 * which stops an HTTP exchange or a backoff sleep). The thread starts with the first task and ends on close.
 *
 * <p>Used by one caller thread; not thread-safe itself.
 *
 * @param <T> what a task gives
 */
final class Prefetch<T> implements AutoCloseable {

  /** Work to run ahead; may be interrupted when its result is no longer wanted. */
  @FunctionalInterface
  interface Task<T> {
    T run() throws InterruptedException;
  }

  private final String threadName;
  private ExecutorService executor;
  private Future<T> pending;

  Prefetch(String threadName) {
    this.threadName = requireNonNull(threadName, "threadName is null");
  }

  /**
   * Starts {@code task} on the prefetch thread.
   *
   * @throws IllegalStateException when the result of the previous task was not taken yet
   */
  void start(Task<T> task) {
    requireNonNull(task, "task is null");
    if (pending != null) {
      throw new IllegalStateException("a task already runs ahead; take its result first");
    }
    if (executor == null) {
      // A daemon thread: a read abandoned without close (it should not be) cannot keep the JVM alive.
      executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(threadName).daemon(true).factory());
    }
    pending = executor.submit(task::run);
  }

  /**
   * The result of the task started last, waiting for it as long as it runs.
   *
   * @throws RuntimeException or {@link Error}: what the task threw
   * @throws InterruptedException when the caller is interrupted while waiting (the task is cancelled then), or the
   *     task was
   * @throws IllegalStateException when no task was started since the last result was taken
   */
  T take() throws InterruptedException {
    if (pending == null) {
      throw new IllegalStateException("no task runs ahead");
    }
    Future<T> task = pending;
    pending = null;
    try {
      return task.get();
    } catch (InterruptedException e) {
      task.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      if (failure instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IllegalStateException("the task ahead failed: " + failure, failure);
    }
  }

  /** Cancels a task whose result was not taken, and ends the thread. */
  @Override
  public void close() {
    if (pending != null) {
      pending.cancel(true);
      pending = null;
    }
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
