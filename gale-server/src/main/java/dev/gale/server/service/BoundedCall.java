package dev.gale.server.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a connector call (check, discover) on its own virtual thread, bounded in time: a connector that hangs or
 * throws becomes an answer for the user rather than a stuck request or a server error.
 */
public final class BoundedCall {
  private BoundedCall() {}

  /** What came of a call: its value, or why there is none (a message for the user, secret-free by contract). */
  public record Result<T>(T value, String failure, Throwable cause) {
    public boolean succeeded() {
      return failure == null;
    }
  }

  public static <T> Result<T> run(Callable<T> call, Duration timeout, String what) {
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<T> future = executor.submit(call);
      try {
        return new Result<>(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null, null);
      } catch (TimeoutException e) {
        future.cancel(true);
        return new Result<>(null, "The " + what + " did not answer within " + timeout.toSeconds() + " s", e);
      } catch (ExecutionException e) {
        return new Result<>(null, "The " + what + " failed: " + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.cancel(true);
        return new Result<>(null, "The " + what + " was interrupted", e);
      }
    }
  }
}
