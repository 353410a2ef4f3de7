package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request timeout: each connection must deliver a whole request (headers and body) within the timeout, counted
 * from when it opens and again from each answer sent on it, or it is closed. An idle timeout alone cannot do this: a
 * client that sends one byte now and then is never idle, and would hold its connection for ever.
 *
 * <p>The handler {@linkplain #arrived ends the deadline} once the body is read, so a handler may take as long as its
 * work does, and {@linkplain #awaitNext starts a new one} before its answer goes out: a keep-alive connection gets the
 * same time for its next request, and one left open without a request is closed when that time is up.
 */
final class RequestDeadlines implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDeadlines.class);

  private final long timeoutMillis;
  private final Scheduler scheduler;
  private final Map<Connection, Deadline> pending = new ConcurrentHashMap<>();

  RequestDeadlines(Duration timeout, Scheduler scheduler) {
    this.timeoutMillis = requireNonNull(timeout, "timeout is null").toMillis();
    this.scheduler = requireNonNull(scheduler, "scheduler is null");
  }

  @Override
  public void onOpened(Connection connection) {
    awaitNext(connection);
  }

  @Override
  public void onClosed(Connection connection) {
    arrived(connection);
  }

  /** The connection has the whole timeout, from now, for its next request. */
  void awaitNext(Connection connection) {
    Deadline deadline = new Deadline();
    Deadline previous = pending.put(connection, deadline);
    deadline.task = scheduler.schedule(() -> expire(connection, deadline), timeoutMillis, TimeUnit.MILLISECONDS);
    if (previous != null) {
      previous.cancel();
    }
  }

  /** The connection's request has arrived whole: no deadline runs until its answer. */
  void arrived(Connection connection) {
    Deadline deadline = pending.remove(connection);
    if (deadline != null) {
      deadline.cancel();
    }
  }

  private void expire(Connection connection, Deadline deadline) {
    // Only the deadline still in force closes: one replaced a moment ago may fire before its cancellation lands.
    if (pending.remove(connection, deadline)) {
      LOG.debug("Closing a connection whose request did not arrive within {} ms", timeoutMillis);
      connection.getEndPoint().close();
    }
  }

  private static final class Deadline {
    private volatile Scheduler.Task task;

    void cancel() {
      Scheduler.Task scheduled = task;
      if (scheduled != null) {
        scheduled.cancel();
      }
    }
  }
}
