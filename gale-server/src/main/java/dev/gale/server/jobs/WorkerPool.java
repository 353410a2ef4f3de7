package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobQueue.Claim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's workers: each a virtual thread that claims a job from the {@link JobQueue}, runs its attempt, and
 * claims the next. Idle workers poll the queue (other processes may queue work) and are woken at once when this
 * process queues some. Closing stops them gracefully: see {@link #close}.
 */
public final class WorkerPool implements LocalJobs, AutoCloseable {
  /** Recorded as each attempt's {@code processingTaskQueue}, as Airbyte records the queue of its workers. */
  static final String TASK_QUEUE = "SYNC";
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final String identity;
  private final JobQueue queue;
  private final AttemptRunner runner;
  private final WorkerSettings settings;
  private final RunningJobs running = new RunningJobs();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workQueued = lock.newCondition();
  private final List<Thread> threads = new ArrayList<>();
  private long wakeUps;
  private volatile boolean closed;

  /** @param identity this process's, unique among the processes of the store: its workers' leases carry it */
  WorkerPool(String identity, JobQueue queue, AttemptRunner runner, WorkerSettings settings) {
    this.identity = requireNonNull(identity, "identity is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.runner = requireNonNull(runner, "runner is null");
    this.settings = requireNonNull(settings, "settings is null");
  }

  void start() {
    for (int i = 0; i < settings.workers(); i++) {
      String owner = identity + "/worker-" + i;
      threads.add(Thread.ofVirtual().name("gale-worker-" + i).start(() -> work(owner)));
    }
    LOG.info("{} workers started as {}", settings.workers(), identity);
  }

  @Override
  public void wake() {
    lock.lock();
    try {
      wakeUps++;
      workQueued.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** How many jobs this process's workers run now. */
  int running() {
    return running.count();
  }

  @Override
  public Optional<CompletableFuture<Void>> cancel(long jobId) {
    return running.cancel(jobId);
  }

  private void work(String owner) {
    while (!closed) {
      try {
        long seen = wakeUps();
        Optional<Claim> claim = queue.claim(owner, settings.lease());
        if (claim.isPresent()) {
          run(claim.get(), owner);
        } else {
          idle(seen, settings.pollInterval());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("Worker {} failed; it goes on after a pause", owner, e);
        try {
          idle(wakeUps(), settings.pollInterval());
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  private void run(Claim claim, String owner) throws InterruptedException {
    RunningJobs.Entry entry = running.begin(claim.job().id());
    try {
      runner.run(claim, owner, entry);
    } finally {
      running.end(claim.job().id(), entry);
    }
  }

  private long wakeUps() {
    lock.lock();
    try {
      return wakeUps;
    } finally {
      lock.unlock();
    }
  }

  // Waits for a wake-up that came after `seen`, or the poll interval, whichever is first.
  private void idle(long seen, Duration pollInterval) throws InterruptedException {
    lock.lock();
    try {
      long nanos = pollInterval.toNanos();
      while (wakeUps == seen && nanos > 0 && !closed) {
        nanos = workQueued.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the workers gracefully: they claim nothing more; each running sync is asked to stop at its next committed
   * state within {@link WorkerSettings#shutdownGrace} and is cancelled when it has not; each attempt then ends with
   * its lease released, so that another process takes the job up at once. Waits for all that; a worker that still
   * has not stopped a little after the grace is interrupted, as a last resort, and its job waits for its lease.
   */
  @Override
  public void close() {
    closed = true;
    long began = System.nanoTime();
    // Idle workers see `closed` at once; workers running a sync stop at its next committed state.
    wake();
    Duration grace = settings.shutdownGrace();
    int syncs = running.count();
    if (syncs > 0) {
      LOG.info("Stopping: {} running job(s) stop at their next committed state, within {} s", syncs,
          grace.toSeconds());
    }
    running.drainAll(grace);
    // After the grace the engine cancels a sync, which takes at most about twice its cancel grace; ending the
    // attempt takes a transaction or two.
    Duration cancelling = settings.engine().cancelGrace().multipliedBy(2).plus(settings.cancelWait());
    if (!join(grace.plus(cancelling))) {
      threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
      if (!join(cancelling)) {
        threads.stream().filter(Thread::isAlive).forEach(thread -> LOG.warn(
            "Worker {} did not stop in time; its job is retried when its lease expires", thread.getName()));
        return;
      }
    }
    LOG.info("Workers stopped in {} ms", Duration.ofNanos(System.nanoTime() - began).toMillis());
  }

  // Waits for every worker to end within `timeout`; false when some did not.
  private boolean join(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      try {
        if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
