package dev.gale.connectors.declarative.runtime;

import java.time.Duration;

/** Waits between retries. Injected so that tests need not wait; the real one sleeps the calling thread. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration);

  /** Waits {@code duration}, or throws at once when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
