package dev.gale.server.api;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.api.RequestLimitsApiIT.RawAnswer;
import dev.gale.server.http.HttpLimits;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.TestingGaleServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer's limits, on raw sockets so that nothing between the test and the server tidies the request up:
 * oversized headers and bodies are answered in Airbyte's error shapes, clients that send half a request or trickle
 * it are cut off after the request timeout, many idle connections do not stop health checks, the connection cap
 * holds, and what curl sends unencoded in a query is accepted.
 */
class HttpLimitsApiIT {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final String AUTHORIZATION = "Authorization: "
      + ApiClient.basic(TestingGaleServer.USER, TestingGaleServer.PASSWORD) + "\r\n";

  private static TestingGaleServer gale;

  @BeforeAll
  static void start() {
    gale = TestingGaleServer.start(config -> config.withHttp(HttpLimits.DEFAULT.withRequestTimeout(REQUEST_TIMEOUT)
        .withIdleTimeout(Duration.ofSeconds(20)).withMaxHeaderBytes(8 * 1024)));
  }

  @AfterAll
  static void stop() {
    gale.close();
  }

  @Test
  void headersOverTheLimitAreA431InEachApisErrorShape() throws IOException {
    String bigHeader = "X-Padding: " + "a".repeat(16 * 1024) + "\r\n";

    RawAnswer config = exchange("POST /api/v1/workspaces/list HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION
        + bigHeader + "Content-Length: 0\r\n\r\n");
    RawAnswer problem = exchange("GET /api/public/v1/workspaces HTTP/1.1\r\nHost: localhost\r\n" + bigHeader + "\r\n");

    assertThat(config.status()).as(config.text()).isEqualTo(431);
    assertThat(Json.parse(config.body()).path("message").asText()).contains("8 KiB");
    assertThat(problem.status()).as(problem.text()).isEqualTo(431);
    JsonNode details = Json.parse(problem.body());
    assertThat(details.path("status").asInt()).isEqualTo(431);
    assertThat(details.path("type").asText()).isEqualTo("error:request-header-fields-too-large");
    assertThat(details.path("detail").asText()).contains("8 KiB");
  }

  @Test
  void aDeclaredOversizedBodyIsA413AndTheConnectionIsClosedUnread() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(("POST /api/public/v1/sources HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION
          + "Content-Type: application/json\r\nContent-Length: " + (HttpLimits.DEFAULT_MAX_BODY_BYTES + 1)
          + "\r\n\r\n{").getBytes(US_ASCII));
      RawAnswer answer = RawAnswer.read(socket.getInputStream());

      assertThat(answer.status()).as(answer.text()).isEqualTo(413);
      assertThat(answer.text()).containsIgnoringCase("Connection: close");
      assertThat(Json.parse(answer.body()).path("type").asText()).isEqualTo("error:content-too-large");
      assertThat(socket.getInputStream().read()).as("the server closed the connection").isEqualTo(-1);
    }
  }

  @Test
  void aClientThatSendsHalfItsHeadersIsCutOffAfterTheRequestTimeout() throws IOException {
    assertCutOffAfterTheTimeout("POST /api/v1/workspaces/list HTTP/1.1\r\nHost: loc");
  }

  @Test
  void aClientThatSendsHalfItsBodyIsCutOffAfterTheRequestTimeout() throws IOException {
    assertCutOffAfterTheTimeout("POST /api/v1/workspaces/create HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION
        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":");
  }

  @Test
  void aClientThatTricklesItsHeadersIsCutOffThoughItIsNeverIdle() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write("POST /api/v1/workspaces/list HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(US_ASCII));
      long started = System.nanoTime();
      boolean closed = false;
      while (!closed && Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0) {
        Thread.sleep(200);
        closed = closedByServer(socket);
      }

      assertThat(closed).as("cut off within 10 s").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(REQUEST_TIMEOUT.minusMillis(200));
    }
  }

  @Test
  void aKeptAliveConnectionServesOneRequestAfterAnotherWithinTheTimeout() throws IOException {
    try (Socket socket = connect()) {
      for (int i = 0; i < 3; i++) {
        socket.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII));
        RawAnswer answer = RawAnswer.read(socket.getInputStream());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      }
    }
  }

  @Test
  void aRawPipeInTheQueryIsTakenAsSentAsCurlSendsIt() throws IOException {
    RawAnswer sorted = exchange("GET /api/public/v1/jobs?orderBy=createdAt|DESC&limit=5 HTTP/1.1\r\nHost: localhost\r\n"
        + AUTHORIZATION + "\r\n");
    RawAnswer refused = exchange("GET /api/public/v1/jobs?orderBy=createdAt|SIDEWAYS HTTP/1.1\r\nHost: localhost\r\n"
        + AUTHORIZATION + "\r\n");

    assertThat(sorted.status()).as(sorted.text()).isEqualTo(200);
    assertThat(Json.parse(sorted.body()).path("data").isArray()).isTrue();
    // The value reached Gale's own check whole: it names what is wrong with it, in the Public API's shape.
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(Json.parse(refused.body()).path("detail").asText()).contains("orderBy");
  }

  @Test
  void healthChecksKeepAnsweringBeside300IdleConnections() throws IOException {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        idle.add(connect());
      }
      for (int i = 0; i < 10; i++) {
        long asked = System.nanoTime();
        RawAnswer health = exchange("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(health.status()).as(health.text()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
      }
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
  }

  @Test
  void beyondTheConnectionCapNewClientsWaitUntilAConnectionCloses() throws Exception {
    try (TestingGaleServer capped = TestingGaleServer.start(config -> config.withHttp(
        HttpLimits.DEFAULT.withMaxConnections(3)))) {
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          held.add(new Socket("127.0.0.1", capped.server().port()));
        }
        try (Socket waiting = new Socket("127.0.0.1", capped.server().port())) {
          waiting.setSoTimeout(1_000);
          waiting.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII));
          InputStream in = waiting.getInputStream();
          boolean answeredAtTheCap;
          try {
            answeredAtTheCap = in.read() >= 0;
          } catch (SocketTimeoutException notYet) {
            answeredAtTheCap = false;
          }
          held.removeFirst().close();
          waiting.setSoTimeout(10_000);
          RawAnswer answer = RawAnswer.read(in);

          assertThat(answeredAtTheCap).as("answered while three connections were open").isFalse();
          assertThat(answer.text()).startsWith("HTTP/1.1 200");
        }
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", gale.server().port());
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** Sends the start of a request and no more: the server closes the connection, unanswered, after the timeout. */
  private static void assertCutOffAfterTheTimeout(String partialRequest) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(partialRequest.getBytes(US_ASCII));
      long started = System.nanoTime();

      assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(REQUEST_TIMEOUT.minusMillis(200),
          REQUEST_TIMEOUT.plusSeconds(5));
    }
  }

  private static RawAnswer exchange(String request) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request.getBytes(US_ASCII));
      return RawAnswer.read(socket.getInputStream());
    }
  }

  /** Writes one more byte and sees whether the server has closed: a read sees the end (or a reset) at once. */
  private static boolean closedByServer(Socket socket) throws IOException {
    try {
      socket.getOutputStream().write('x');
      socket.setSoTimeout(1);
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
