package dev.gale.engine;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The bounded hand-over from the source side to the destination side: at most {@code maxItems} items and, once it
 * holds anything, at most {@code maxBytes} estimated bytes. {@link #put} blocks while the queue is full, which is the
 * back-pressure that keeps a sync's memory independent of the size of what it moves.
 *
 * <p>Any number of threads may put (a parallel source); one thread takes. {@link #close} ends the hand-over for
 * good: waiting and later puts and takes throw {@link InterruptedException}, which a source reads as "stop now".
 * A plain {@code BlockingQueue} cannot do this, nor bound by bytes: threads of a parallel source that the engine did
 * not start, and so cannot interrupt, would stay blocked on a queue nobody drains.
 *
 * <p>It remembers the most it ever held, so that tests can check the bound.
 */
final class BatchQueue {
  private final int maxItems;
  private final long maxBytes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<QueueItem> items = new ArrayDeque<>();
  private long bytes;
  private boolean closed;
  private int mostItems;
  private long mostBytes;

  BatchQueue(int maxItems, long maxBytes) {
    if (maxItems < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("a queue holds at least one item and one byte");
    }
    this.maxItems = maxItems;
    this.maxBytes = maxBytes;
  }

  /** Appends {@code item}, waiting while the queue is full; throws once the queue is closed. */
  void put(QueueItem item) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!closed && !items.isEmpty() && (items.size() >= maxItems || bytes + item.bytes() > maxBytes)) {
        notFull.await();
      }
      if (closed) {
        throw new InterruptedException("the sync is ending");
      }
      items.addLast(item);
      bytes += item.bytes();
      mostItems = Math.max(mostItems, items.size());
      mostBytes = Math.max(mostBytes, bytes);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Puts {@code item} first, ignoring the bounds (it must be small), so that the taker sees it next; false when the
   * queue is closed.
   */
  boolean putFirst(QueueItem item) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      items.addFirst(item);
      bytes += item.bytes();
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Removes the oldest item, waiting while there is none; throws once the queue is closed. */
  QueueItem take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!closed && items.isEmpty()) {
        notEmpty.await();
      }
      if (closed) {
        throw new InterruptedException("the sync is ending");
      }
      QueueItem item = items.removeFirst();
      bytes -= item.bytes();
      // Producers wait for different amounts of room; each checks for itself.
      notFull.signalAll();
      return item;
    } finally {
      lock.unlock();
    }
  }

  /** Ends the hand-over: wakes every waiting thread, and every put or take from now on throws. */
  void close() {
    lock.lock();
    try {
      closed = true;
      items.clear();
      bytes = 0;
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    return locked(items::size);
  }

  /** The most items the queue ever held at once. */
  int mostItems() {
    return locked(() -> mostItems);
  }

  /** The most estimated bytes the queue ever held at once. */
  long mostBytes() {
    return locked(() -> mostBytes);
  }

  private <T> T locked(Supplier<T> read) {
    lock.lock();
    try {
      return read.get();
    } finally {
      lock.unlock();
    }
  }
}
