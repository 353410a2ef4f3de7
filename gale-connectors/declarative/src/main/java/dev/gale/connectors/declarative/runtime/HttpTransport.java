package dev.gale.connectors.declarative.runtime;

import java.io.IOException;
import java.time.Duration;

/** Sends one request and returns its response, whatever the status. No retries here; see the error handlers. */
@FunctionalInterface
public interface HttpTransport {
  HttpResult send(HttpCall call) throws IOException, InterruptedException;

  /**
   * Sends one request, giving up with an {@link java.net.http.HttpTimeoutException} when the response has not come
   * within {@code timeout}. Transports that answer in memory (tests) need not bound it.
   */
  default HttpResult send(HttpCall call, Duration timeout) throws IOException, InterruptedException {
    return send(call);
  }
}
