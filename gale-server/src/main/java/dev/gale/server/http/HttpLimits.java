package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long and how large a request may be before the server gives up on it, so that slow or endless clients cannot
 * hold connections and memory: a request (its headers and body) must have arrived within {@code requestTimeout},
 * and its headers may take at most {@code maxHeaderBytes}.
 *
 * <p>The JDK's server takes these as system properties that it reads once, when its first instance is made: they
 * are set here unless the JVM was started with them, and the first server of a process decides for all.
 *
 * @param requestTimeout {@code GALE_HTTP_REQUEST_TIMEOUT}, seconds; 30 by default
 */
public record HttpLimits(Duration requestTimeout, int maxHeaderBytes) {
  private static final Logger LOG = LoggerFactory.getLogger(HttpLimits.class);
  public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(30), 64 * 1024);

  private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
  private static final String MAX_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";

  public HttpLimits {
    requireNonNull(requestTimeout, "requestTimeout is null");
    if (requestTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("The request timeout must be at least one second, got " + requestTimeout);
    }
    if (maxHeaderBytes < 1024) {
      throw new IllegalArgumentException("Headers must be allowed at least 1024 bytes, got " + maxHeaderBytes);
    }
  }

  /** A {@code GALE_HTTP_REQUEST_TIMEOUT} value (whole seconds) or the default when there is none. */
  public static HttpLimits fromRequestTimeout(String seconds) {
    if (seconds == null || seconds.isBlank()) {
      return DEFAULT;
    }
    try {
      return new HttpLimits(Duration.ofSeconds(Long.parseLong(seconds.strip())), DEFAULT.maxHeaderBytes);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("GALE_HTTP_REQUEST_TIMEOUT must be whole seconds, got '" + seconds + "'");
    }
  }

  /** Hands the limits to the JDK's server, before it is first used in this process. */
  void applyToJdkServer() {
    setUnlessGiven(MAX_REQUEST_TIME, String.valueOf(requestTimeout.toSeconds()));
    setUnlessGiven(MAX_HEADER_SIZE, String.valueOf(maxHeaderBytes));
  }

  private static void setUnlessGiven(String property, String value) {
    String given = System.getProperty(property);
    if (given == null) {
      System.setProperty(property, value);
    } else if (!given.equals(value)) {
      LOG.debug("{} is {} for this process; {} is not applied", property, given, value);
    }
  }
}
