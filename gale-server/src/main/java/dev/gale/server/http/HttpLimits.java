package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * How long, large and many requests may be before the server gives up on them, so that slow, endless or numerous
 * clients cannot hold connections, threads and memory.
 *
 * @param requestTimeout a request's headers and body must have arrived within this time, counted from when its
 *     connection opened or the previous answer on it was sent ({@code GALE_HTTP_REQUEST_TIMEOUT}, seconds; 30): a
 *     client that trickles bytes is cut off although it is never idle
 * @param idleTimeout a connection on which no byte moves for this long is closed, also while an answer waits to be
 *     read ({@code GALE_HTTP_IDLE_TIMEOUT}, seconds; 30); it does not run while a handler works
 * @param maxHeaderBytes the request line and headers together; more is a 431
 * @param maxBodyBytes the largest request body; more is a 413, from the declared length before anything is read
 * @param maxConnections open connections at once ({@code GALE_HTTP_MAX_CONNECTIONS}; 1000); beyond it the server
 *     stops accepting until one closes, and new clients wait in the listen queue
 */
public record HttpLimits(Duration requestTimeout, Duration idleTimeout, int maxHeaderBytes, long maxBodyBytes,
                         int maxConnections) {
  /** Room for a large catalog or manifest, small enough that a few cannot fill the heap. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
  public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 64 * 1024,
      DEFAULT_MAX_BODY_BYTES, 1000);

  public HttpLimits {
    requireNonNull(requestTimeout, "requestTimeout is null");
    requireNonNull(idleTimeout, "idleTimeout is null");
    if (requestTimeout.toMillis() < 100 || idleTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("HTTP timeouts must be at least 100 ms, got request " + requestTimeout
          + " and idle " + idleTimeout);
    }
    if (maxHeaderBytes < 1024) {
      throw new IllegalArgumentException("Headers must be allowed at least 1024 bytes, got " + maxHeaderBytes);
    }
    if (maxBodyBytes < 1024 || maxBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("The body limit must be 1 KiB to 2 GiB, got " + maxBodyBytes);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("At least one connection must be allowed, got " + maxConnections);
    }
  }

  /**
   * The limits an environment sets ({@code GALE_HTTP_REQUEST_TIMEOUT}, {@code GALE_HTTP_IDLE_TIMEOUT},
   * {@code GALE_HTTP_MAX_CONNECTIONS}), the defaults for those it leaves out.
   */
  public static HttpLimits fromEnvironment(Map<String, String> env) {
    return new HttpLimits(
        Duration.ofSeconds(whole(env, "GALE_HTTP_REQUEST_TIMEOUT", DEFAULT.requestTimeout.toSeconds())),
        Duration.ofSeconds(whole(env, "GALE_HTTP_IDLE_TIMEOUT", DEFAULT.idleTimeout.toSeconds())),
        DEFAULT.maxHeaderBytes, DEFAULT.maxBodyBytes,
        Math.toIntExact(whole(env, "GALE_HTTP_MAX_CONNECTIONS", DEFAULT.maxConnections)));
  }

  public HttpLimits withRequestTimeout(Duration timeout) {
    return new HttpLimits(timeout, idleTimeout, maxHeaderBytes, maxBodyBytes, maxConnections);
  }

  public HttpLimits withIdleTimeout(Duration timeout) {
    return new HttpLimits(requestTimeout, timeout, maxHeaderBytes, maxBodyBytes, maxConnections);
  }

  public HttpLimits withMaxHeaderBytes(int bytes) {
    return new HttpLimits(requestTimeout, idleTimeout, bytes, maxBodyBytes, maxConnections);
  }

  public HttpLimits withMaxConnections(int connections) {
    return new HttpLimits(requestTimeout, idleTimeout, maxHeaderBytes, maxBodyBytes, connections);
  }

  private static long whole(Map<String, String> env, String name, long absent) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed < 1 || parsed > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }
}
