package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import dev.gale.server.metrics.HttpMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves a {@link Router} over HTTP/1.1 on Jetty 12, with {@link ApiHandler} on a virtual thread per request. Jetty
 * reads and writes connections without a thread each, so idle and slow clients cost memory only, and health checks
 * keep answering beside them.
 *
 * <p>The {@link HttpLimits} are enforced here: header size (431), idle and request timeouts, and a cap on open
 * connections (beyond it Jetty stops accepting, and new clients wait in the listen queue); the handler enforces the
 * body size (413).
 */
public final class ApiServer implements AutoCloseable {
  /** How many connections the kernel queues while the server is at its connection cap or busy accepting. */
  private static final int ACCEPT_QUEUE = 256;
  /**
   * How long a stopping server lets the requests it is answering finish; it takes no new ones meanwhile. Most answer
   * in milliseconds; a check or discovery may take up to its own bound, and is cut off past this one.
   */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private final Server server;
  private final ServerConnector connector;

  /**
   * @param authenticators tried in order; an empty list switches auth off (only when configured explicitly)
   * @param metrics told of every request the handler answered, once the answer is sent (or the client has gone)
   */
  public ApiServer(String host, int port, Router router, List<Authenticator> authenticators, HttpLimits limits,
                   HttpMetrics metrics) {
    requireNonNull(host, "host is null");
    requireNonNull(limits, "limits is null");
    // Platform threads only select and accept; every request runs on a virtual thread, and may block.
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("gale-http");
    threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("gale-request-", 0).factory()));
    server = new Server(threads);
    // Stopping waits (up to DRAIN) for the requests in flight, tracked by the GracefulHandler below.
    server.setStopTimeout(DRAIN.toMillis());

    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(limits.maxHeaderBytes());
    http.setSendServerVersion(false);
    // What curl and scripts send unencoded in a query ({@code orderBy=createdAt|DESC}) is taken as sent; the
    // default compliance already does, named here so a library upgrade that tightens it is noticed in review.
    http.setUriCompliance(UriCompliance.DEFAULT);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    RequestDeadlines deadlines = new RequestDeadlines(limits.requestTimeout(), connector.getScheduler());
    connector.addBean(deadlines);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
    server.setErrorHandler(new ProtocolErrors(limits, metrics));
    server.setHandler(new GracefulHandler(new ApiHandler(router, authenticators, limits, deadlines, metrics)));
  }

  /** Listens and serves; an {@link IOException} when the port cannot be had. */
  public void start() throws IOException {
    try {
      server.start();
    } catch (IOException e) {
      close();
      throw e;
    } catch (Exception e) {
      close();
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("The HTTP server did not start: " + e.getMessage(), e);
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Stops taking connections, lets the requests in flight finish (up to {@link #DRAIN}), then stops. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new UncheckedIOException(new IOException("The HTTP server did not stop cleanly", e));
    }
  }
}
