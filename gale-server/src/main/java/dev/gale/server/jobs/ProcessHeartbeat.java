package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.server.store.Database;
import dev.gale.server.store.ProcessHeartbeats;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's heartbeat in the store ({@link ProcessHeartbeats}): written when it starts and every interval after,
 * deleted when it stops. Each beat also prunes the rows of processes that went silent, so the table holds the
 * processes alive and the few that just died. A failed beat is logged and the next one tries again.
 */
final class ProcessHeartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessHeartbeat.class);

  private final ProcessHeartbeats heartbeats;
  private final ProcessHeartbeats.Process process;
  private final Duration interval;
  private ScheduledExecutorService timer;

  ProcessHeartbeat(ProcessHeartbeats heartbeats, ProcessHeartbeats.Process process, Duration interval) {
    this.heartbeats = requireNonNull(heartbeats, "heartbeats is null");
    this.process = requireNonNull(process, "process is null");
    this.interval = requireNonNull(interval, "interval is null");
  }

  /** Writes the first beat now (a store that cannot take it fails the start), then one every interval. */
  synchronized void start() {
    heartbeats.beat(process);
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("gale-heartbeat").daemon().factory());
    timer.scheduleAtFixedRate(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void beat() {
    try {
      heartbeats.beat(process);
      heartbeats.pruneGone();
    } catch (RuntimeException e) {
      LOG.warn("Cannot write the heartbeat of process {}; it tries again in {} s: {}", process.id(),
          interval.toSeconds(), e.getMessage());
    }
  }

  /** Stops beating and deletes the row: the process no longer counts as alive. */
  @Override
  public synchronized void close() {
    if (timer == null) {
      return;
    }
    timer.shutdown();
    try {
      // A beat under way must not write the row again after it is deleted.
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timer = null;
    try {
      heartbeats.remove(process.id());
    } catch (RuntimeException e) {
      if (Database.closedAtShutdown(e)) {
        // The embedded store is gone with this process; no other process reads the row.
        LOG.debug("The embedded store closed before the heartbeat of process {} was deleted", process.id());
        return;
      }
      LOG.warn("Cannot delete the heartbeat of process {}; it stops counting as alive within {} s: {}", process.id(),
          ProcessHeartbeats.GONE_AFTER.toSeconds(), e.getMessage());
    }
  }
}
