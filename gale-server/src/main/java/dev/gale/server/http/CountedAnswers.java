package dev.gale.server.http;

import dev.gale.server.metrics.HttpMetrics;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * Tells the HTTP metrics of each answer once it is sent, whichever part answered: Gale's handler, or the HTTP layer's
 * error handler for what it refused before routing. A request the handler took is marked, so that an error answer
 * Jetty writes after it (a failed callback with nothing sent yet) does not count it twice.
 */
final class CountedAnswers {
  private static final String COUNTED = CountedAnswers.class.getName() + ".counted";

  private CountedAnswers() {}

  static void markCounted(Request request) {
    request.setAttribute(COUNTED, Boolean.TRUE);
  }

  static boolean counted(Request request) {
    return request.getAttribute(COUNTED) != null;
  }

  /** The callback that ends the request, telling the metrics first: -1 when the client went away unanswered. */
  static Callback callback(HttpMetrics metrics, Callback callback, String route, String method, int status,
                           long startedNanos) {
    return Callback.from(() -> {
      metrics.record(route, method, status, System.nanoTime() - startedNanos);
      callback.succeeded();
    }, failure -> {
      metrics.record(route, method, -1, System.nanoTime() - startedNanos);
      callback.failed(failure);
    });
  }
}
