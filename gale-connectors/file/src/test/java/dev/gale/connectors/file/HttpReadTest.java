package dev.gale.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.AirbyteConnectionStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files served by the JDK's HTTP server on the loopback interface. */
class HttpReadTest {
  private final List<String> userAgents = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/data.csv", exchange -> {
      userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
      respond(exchange, 200, "id,city\n1,Oslo\n2,Lima\n".getBytes(StandardCharsets.UTF_8));
    });
    server.createContext("/data.jsonl", exchange ->
        respond(exchange, 200, "{\"n\": 1.5}\n{\"n\": 2}\n".getBytes(StandardCharsets.UTF_8)));
    server.createContext("/moved.csv", exchange -> {
      exchange.getResponseHeaders().add("Location", "/data.csv");
      respond(exchange, 302, new byte[0]);
    });
    server.createContext("/missing.csv", exchange -> respond(exchange, 404, new byte[0]));
    server.createContext("/broken.csv", exchange -> respond(exchange, 503, new byte[0]));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body)
      throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void readsCsvAndJsonlOverHttpFollowingRedirects() throws Exception {
    TestFiles.Read csv = TestFiles.read(TestFiles.config("csv", url("/moved.csv"), "HTTPS", null));
    assertThat(csv.rows()).containsExactly(new Object[] {1L, "Oslo"}, new Object[] {2L, "Lima"});

    TestFiles.Read jsonl = TestFiles.read(TestFiles.config("jsonl", url("/data.jsonl"), "HTTPS", null));
    assertThat(jsonl.columns().getFirst().type()).isEqualTo(ValueType.NUMBER);
    assertThat(jsonl.rows()).containsExactly(new Object[] {1.5}, new Object[] {2.0});
  }

  @Test
  void userAgentIsABrowsersWhenAskedFor() {
    ObjectNode config = TestFiles.config("csv", url("/data.csv"), "HTTPS", null);
    ((ObjectNode) config.get("provider")).put("user_agent", true);

    assertThat(new FileSource().check(config).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(new FileSource().check(TestFiles.config("csv", url("/data.csv"), "HTTPS", null)).status())
        .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);

    assertThat(userAgents.get(0)).startsWith("Mozilla/5.0");
    assertThat(userAgents.get(1)).doesNotStartWith("Mozilla/5.0");
  }

  @Test
  void checkNamesTheHttpStatusWithoutTheQuery() {
    AirbyteConnectionStatus missing = new FileSource()
        .check(TestFiles.config("csv", url("/missing.csv?token=s3cr3t"), "HTTPS", null));
    assertThat(missing.message()).contains("answered HTTP 404 (not found)").contains("/missing.csv")
        .doesNotContain("s3cr3t");
    assertThat(new FileSource().check(TestFiles.config("csv", url("/broken.csv"), "HTTPS", null)).message())
        .contains("HTTP 503");
  }

  @Test
  void parquetOverHttpIsDownloadedToATemporaryFileAndRemoved() throws Exception {
    java.nio.file.Path parquet = TestFiles.ROOT.resolve("served.parquet");
    ParquetReadTest.writeParquet(parquet, "SELECT 1 AS id, 'x' AS name");
    byte[] bytes = Files.readAllBytes(parquet);
    server.createContext("/data.parquet", exchange -> respond(exchange, 200, bytes));
    long before = temporaryCopies();

    TestFiles.Read read = TestFiles.read(TestFiles.config("parquet", url("/data.parquet"), "HTTPS", null));

    assertThat(read.rows()).containsExactly(new Object[] {1L, "x"});
    assertThat(temporaryCopies()).isEqualTo(before);
  }

  private static long temporaryCopies() throws IOException {
    try (var files = Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(path -> path.getFileName().toString().startsWith("gale-file-source-")
          && path.toString().endsWith(".parquet")).count();
    }
  }
}
