package dev.gale.connectors.declarative.runtime;

import java.io.IOException;

/** Sends one request and returns its response, whatever the status. No retries here; see the error handlers. */
@FunctionalInterface
public interface HttpTransport {
  HttpResult send(HttpCall call) throws IOException, InterruptedException;
}
