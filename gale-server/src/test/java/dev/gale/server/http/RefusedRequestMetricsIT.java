package dev.gale.server.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gale.server.metrics.GaleMetrics;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Jetty refuses before Gale's handler sees it still counts in {@code gale_http_requests}, under the fixed route
 * label {@code refused}, so that a flood of broken requests shows on the dashboards; and only once.
 */
class RefusedRequestMetricsIT {
  record Pong(String answer) {}

  private GaleMetrics metrics;
  private ApiServer server;

  @BeforeEach
  void start() throws IOException {
    metrics = new GaleMetrics();
    Router router = new Router().add(new Route<>("GET", "/api/v1/ping", "ping", "Ping", null, Pong.class, true,
        (body, call) -> new Pong("pong")));
    server = new ApiServer("127.0.0.1", 0, router, List.of(), HttpLimits.DEFAULT.withMaxHeaderBytes(8 * 1024),
        metrics.http());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
  }

  @Test
  void headersOverTheLimitCountAsRefusedWithTheirStatus() throws IOException {
    String answer = exchange("GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(16 * 1024)
        + "\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 431");
    assertCounted("gale_http_requests_seconds_count{method=\"GET\",route=\"refused\",status=\"431\"} 1");
  }

  @Test
  void aMalformedUriCountsAsRefusedWithoutItsPath() throws IOException {
    String answer = exchange("GET /api/v1/%zz-secret-id HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    // Jetty hands over no method for a request line it could not read: it counts as any unknown method does.
    assertCounted("gale_http_requests_seconds_count{method=\"OTHER\",route=\"refused\",status=\"400\"} 1");
    assertThat(metrics.scrape()).doesNotContain("secret-id");
  }

  @Test
  void anAnsweredRequestCountsOnceUnderItsRoute() throws IOException {
    String answer = exchange("GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200");
    assertCounted("gale_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/ping\",status=\"200\"} 1");
    assertThat(metrics.scrape()).doesNotContain("route=\"refused\"");
  }

  /** An answer counts once its last bytes are written, which may be just after the client has read them. */
  private void assertCounted(String sample) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics.scrape()).contains(sample));
  }

  /** Sends {@code request} on a connection of its own and returns all the server answers before it closes. */
  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), US_ASCII);
    }
  }
}
