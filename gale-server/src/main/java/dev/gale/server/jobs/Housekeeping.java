package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.server.store.HistoryPruning;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store and the attempt log folder bounded: now and then it prunes the history older than the
 * {@link Retention} period, batch by batch (see {@link HistoryPruning} for what is always kept), and deletes the log
 * files of the attempts that went. A failure is logged and the next run tries again.
 */
public final class Housekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
  /** The first run waits a little, so that a starting server answers before it prunes. */
  private static final Duration FIRST_RUN = Duration.ofMinutes(1);

  private final HistoryPruning pruning;
  private final Retention retention;
  private final Path attemptLogs;
  private final Clock clock;
  private ScheduledExecutorService timer;

  /** @param attemptLogs the folder of the attempt logs; a log path elsewhere is never deleted */
  Housekeeping(HistoryPruning pruning, Retention retention, Path attemptLogs, Clock clock) {
    this.pruning = requireNonNull(pruning, "pruning is null");
    this.retention = requireNonNull(retention, "retention is null");
    this.attemptLogs = requireNonNull(attemptLogs, "attemptLogs is null").toAbsolutePath().normalize();
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** What one run deleted. */
  record Pruned(int jobs, int logFiles, int catalogRows) {}

  /** Runs now, then every {@link Retention#interval()}, on a thread of its own. */
  synchronized void start() {
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("gale-housekeeping").daemon()
        .factory());
    timer.scheduleWithFixedDelay(this::runLogged, FIRST_RUN.toMillis(), retention.interval().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Prunes everything older than the retention period, batch by batch until none is left. */
  Pruned runOnce() {
    Instant cutoff = clock.instant().minus(retention.keep());
    int jobs = 0;
    int logFiles = 0;
    HistoryPruning.PrunedJobs batch;
    do {
      batch = pruning.jobs(cutoff, retention.batch());
      jobs += batch.jobIds().size();
      for (String logPath : batch.logPaths()) {
        logFiles += deleteLog(Path.of(logPath)) ? 1 : 0;
      }
    } while (batch.jobIds().size() == retention.batch() && !Thread.currentThread().isInterrupted());
    int catalogRows = 0;
    int deleted;
    do {
      deleted = pruning.catalogs(cutoff, retention.batch());
      catalogRows += deleted;
    } while (deleted > 0 && !Thread.currentThread().isInterrupted());
    return new Pruned(jobs, logFiles, catalogRows);
  }

  private void runLogged() {
    try {
      Pruned pruned = runOnce();
      if (pruned.jobs() + pruned.catalogRows() > 0) {
        LOG.info("Housekeeping: pruned {} jobs, {} attempt logs and {} catalog rows older than {} days",
            pruned.jobs(), pruned.logFiles(), pruned.catalogRows(), retention.keep().toDays());
      }
    } catch (RuntimeException e) {
      LOG.warn("Housekeeping failed; it runs again in {} min", retention.interval().toMinutes(), e);
    }
  }

  /** Deletes an attempt's log, and its job's folder once empty; true when the file was there. */
  private boolean deleteLog(Path logPath) {
    Path file = logPath.toAbsolutePath().normalize();
    if (!file.startsWith(attemptLogs)) {
      LOG.warn("Housekeeping leaves {} alone: it is outside the attempt log folder", file);
      return false;
    }
    boolean deleted;
    try {
      deleted = Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Housekeeping cannot delete {}: {}", file, e.getMessage());
      return false;
    }
    Path folder = file.getParent();
    if (!folder.equals(attemptLogs)) {
      try {
        Files.deleteIfExists(folder);
      } catch (DirectoryNotEmptyException | NoSuchFileException stillInUse) {
        // Another attempt's log is still there (it goes in the same batch), or another process got there first.
      } catch (IOException e) {
        LOG.warn("Housekeeping cannot delete {}: {}", folder, e.getMessage());
      }
    }
    return deleted;
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
