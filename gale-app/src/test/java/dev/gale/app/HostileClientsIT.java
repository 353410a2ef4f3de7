package dev.gale.app;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that try to wear the server out, against {@code gale server} in a process of its own (the limits are the
 * whole process's): slow clients are cut off after the request timeout while health checks keep answering, and
 * huge bodies are refused without the server's memory growing.
 */
class HostileClientsIT {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final int SLOW_CLIENTS = 500;
  private static final long SIXTY_FOUR_MIB = 64L * 1024 * 1024;

  private static TestingGaleProcess gale;

  @BeforeAll
  static void start() throws Exception {
    gale = TestingGaleProcess.start(Map.of("GALE_HTTP_REQUEST_TIMEOUT", String.valueOf(REQUEST_TIMEOUT.toSeconds())));
  }

  @AfterAll
  static void stop() {
    gale.close();
  }

  @Test
  void slowClientsAreCutOffAfterTheRequestTimeoutWhileHealthChecksKeepAnswering() throws Exception {
    Instant start = Instant.now();
    List<Socket> open = new ArrayList<>();
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      Socket socket = new Socket("127.0.0.1", gale.port());
      // A request whose headers never end: one more byte of a header line at every round.
      socket.getOutputStream().write("POST /api/v1/workspaces/list HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
          .getBytes(US_ASCII));
      open.add(socket);
    }
    Map<Socket, Duration> cutOffAfter = new HashMap<>();
    List<Duration> healthChecks = new ArrayList<>();
    // Bounded: the cut-off is due after two seconds plus the JDK server's one-second timer.
    while (!open.isEmpty() && Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
      Instant asked = Instant.now();
      assertThat(gale.health(Duration.ofSeconds(5))).as("health while %d slow clients are connected", open.size())
          .isEqualTo(200);
      healthChecks.add(Duration.between(asked, Instant.now()));
      for (Socket socket : List.copyOf(open)) {
        if (closedByServer(socket)) {
          cutOffAfter.put(socket, Duration.between(start, Instant.now()));
          open.remove(socket);
          socket.close();
        }
      }
      Thread.sleep(250);
    }
    for (Socket socket : open) {
      socket.close();
    }

    assertThat(open).as("slow clients still connected after 30 s").isEmpty();
    assertThat(cutOffAfter.values()).as("none cut off before the timeout").allMatch(d -> d.compareTo(REQUEST_TIMEOUT) >= 0);
    assertThat(healthChecks).as("health checks answered at once").allMatch(d -> d.compareTo(Duration.ofSeconds(2)) < 0);
    assertThat(gale.alive()).isTrue();
  }

  @Test
  void bodiesOf64MebibytesAreRefusedWithOrWithoutCredentialsWithoutTheServersMemoryGrowing() throws Exception {
    refuseOneHugeBody(false);
    refuseOneHugeBody(true);
    long before = gale.residentBytes();

    for (int i = 0; i < 8; i++) {
      refuseOneHugeBody(i % 2 == 0);
    }

    long grown = gale.residentBytes() - before;
    System.out.printf("Resident memory before 8 bodies of 64 MiB: %d MiB, grown by %d KiB%n", before >> 20, grown >> 10);
    assertThat(grown).as("resident memory grown by 8 bodies of 64 MiB").isLessThan(SIXTY_FOUR_MIB);
    assertThat(gale.health(Duration.ofSeconds(5))).isEqualTo(200);
  }

  /** Sends 64 MiB to sources/create: the answer comes first, then the server stops reading. */
  private static void refuseOneHugeBody(boolean withCredentials) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gale.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/sources/create HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + (withCredentials ? "Authorization: Basic YWlyYnl0ZTpwYXNzd29yZA==\r\n" : "")
          + "Content-Length: " + SIXTY_FOUR_MIB + "\r\n\r\n").getBytes(US_ASCII));
      String status = statusLine(socket.getInputStream());
      assertThat(status).startsWith("HTTP/1.1 413");
      byte[] chunk = new byte[1024 * 1024];
      long sent = 0;
      try {
        while (sent < SIXTY_FOUR_MIB) {
          out.write(chunk);
          sent += chunk.length;
        }
      } catch (IOException closedByTheServer) {
        // Expected: the server closed the connection rather than read the body.
      }
      assertThat(sent).as("bytes the server let through before closing").isLessThan(SIXTY_FOUR_MIB);
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString().strip();
  }

  /** Whether the server has closed this connection: a read sees its end (or a reset) rather than waiting. */
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
