package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import dev.gale.engine.Failure.Origin;

/**
 * An exception from one party of a sync (destination, listener), tagged with that party, so that the coordinator
 * knows whom to blame without guessing from the exception's type. Interrupts pass through untagged: they mean the
 * sync is being cancelled.
 */
final class StageException extends Exception {
  private final Origin origin;

  private StageException(Origin origin, Throwable cause) {
    super(origin + " failed", requireNonNull(cause, "cause is null"));
    this.origin = origin;
  }

  Origin origin() {
    return origin;
  }

  /** A call into one party that may throw anything. */
  interface Call {
    void run() throws Exception;
  }

  static void attribute(Origin origin, Call call) throws StageException, InterruptedException {
    try {
      call.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new StageException(origin, e);
    }
  }
}
