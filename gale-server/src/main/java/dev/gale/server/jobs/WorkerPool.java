package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobQueue.Claim;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's workers: each a virtual thread that claims a job from the {@link JobQueue}, runs its attempt, and
 * claims the next. Idle workers poll the queue (other processes may queue work) and are woken at once when this
 * process queues some. Closing stops them: running attempts are cancelled and end as retryable failures, so that
 * another worker retries them.
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

  WorkerPool(JobQueue queue, AttemptRunner runner, WorkerSettings settings) {
    this.queue = requireNonNull(queue, "queue is null");
    this.runner = requireNonNull(runner, "runner is null");
    this.settings = requireNonNull(settings, "settings is null");
    // Unique per process, and telling in the jobs table: which host and process holds a lease.
    this.identity = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
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

  /** Stops the workers and waits for their attempts to end. */
  @Override
  public void close() {
    closed = true;
    threads.forEach(Thread::interrupt);
    long deadline = System.nanoTime() + settings.cancelWait().toNanos() + settings.engine().cancelGrace().toNanos() * 2;
    for (Thread thread : threads) {
      try {
        if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
          LOG.warn("Worker {} did not stop in time; its job is retried when its lease expires", thread.getName());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
