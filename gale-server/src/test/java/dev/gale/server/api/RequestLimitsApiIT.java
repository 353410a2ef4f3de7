package dev.gale.server.api;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.files.LocalJsonDestination;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.TestingGaleServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a client can cost or learn without being trusted: bodies over the limit are refused from their declared
 * length before authentication (and cut off when they declare none), unknown routes answer 401 to strangers, and
 * configurations have a size and a shape the server checks when they are saved.
 */
class RequestLimitsApiIT {
  private static final long SIXTY_FOUR_MIB = 64L * 1024 * 1024;

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  @Test
  void aBodyDeclaredOverTheLimitIsA413BeforeAuthenticationAndBeforeItIsRead() throws IOException {
    for (String path : new String[] {"/api/v1/sources/create", "/api/public/v1/sources"}) {
      RawAnswer answer = sendHeadersOnly(path, "Content-Length: " + SIXTY_FOUR_MIB);

      assertThat(answer.status()).as(answer.text()).isEqualTo(413);
      JsonNode body = Json.parse(answer.body());
      if (path.startsWith("/api/public")) {
        assertThat(body.path("status").asInt()).isEqualTo(413);
        assertThat(body.path("detail").asText()).contains("16 MiB");
      } else {
        assertThat(body.path("message").asText()).contains("16 MiB");
      }
    }
  }

  @Test
  void aChunkedBodyIsCutOffAtTheLimit() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gale.server().port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/workspaces/create HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
          + ApiClient.basic(TestingGaleServer.USER, TestingGaleServer.PASSWORD)
          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(US_ASCII));
      byte[] chunk = new byte[1024 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      long sent = 0;
      try {
        while (sent < SIXTY_FOUR_MIB) {
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(US_ASCII));
          sent += chunk.length;
        }
        out.write("0\r\n\r\n".getBytes(US_ASCII));
      } catch (IOException closedByTheServer) {
        // Expected: the server answers at the limit and stops reading.
      }
      RawAnswer answer = RawAnswer.read(socket.getInputStream());

      assertThat(answer.status()).as(answer.text()).isEqualTo(413);
      assertThat(sent).as("the server stopped reading soon after the limit").isLessThan(SIXTY_FOUR_MIB);
    }
  }

  @Test
  void strangersGet401OnUnknownRoutesAndWrongMethodsSoRoutesCannotBeEnumerated() {
    ApiClient stranger = gale.api().withAuthorization(null).unchecked();
    ApiClient user = gale.api().unchecked();

    stranger.post("/api/v1/no_such_family/list", Map.of()).expectError(401);
    stranger.get("/api/v1/workspaces/list").expectError(401);
    stranger.get("/api/public/v1/no_such_resource").expectProblem(401);
    stranger.get("/nothing/here").expectError(401);

    user.post("/api/v1/no_such_family/list", Map.of()).expectError(404);
    user.get("/api/v1/workspaces/list").expectError(405);
    user.get("/api/public/v1/no_such_resource").expectProblem(404);
    stranger.get("/api/v1/health").expect(200);
  }

  @Test
  void aConfigurationOverOneMebibyteIsA422NamingIt() {
    ObjectNode config = (ObjectNode) Json.parse(ConnectionFixtures.SAMPLE_CONFIG);
    config.put("padding", "x".repeat(1024 * 1024));

    JsonNode error = gale.api().beyondAirbyteDocument().post("/api/v1/sources/create", Map.of(
        "workspaceId", workspaceId(), "sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString(),
        "name", "too large", "connectionConfiguration", config)).expectError(422);

    assertThat(error.at("/validationErrors/0/propertyPath").asText()).isEqualTo("connectionConfiguration");
    assertThat(error.path("message").asText()).contains("1024 KiB");
  }

  @Test
  void aLocalDestinationPathThatClimbsOutIsRefusedWhenSavedNotAtTheFirstSync() {
    ApiClient api = gale.api();
    String workspaceId = workspaceId();
    JsonNode refused = api.post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId,
        "destinationDefinitionId", LocalJsonDestination.DEFINITION_ID.toString(), "name", "escape",
        "connectionConfiguration", Map.of("destination_path", "/local/../../etc"))).expectError(422);
    assertThat(refused.at("/validationErrors/0/propertyPath").asText())
        .isEqualTo("connectionConfiguration.destination_path");
    assertThat(refused.path("message").asText()).contains("must stay inside the local root");

    JsonNode created = api.post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId,
        "destinationDefinitionId", LocalJsonDestination.DEFINITION_ID.toString(), "name", "inside",
        "connectionConfiguration", Map.of("destination_path", "/local/json_data"))).expect(200);
    String destinationId = created.path("destinationId").asText();
    api.post("/api/v1/destinations/update", Map.of("destinationId", destinationId, "name", "inside",
        "connectionConfiguration", Map.of("destination_path", "../outside"))).expectError(422);
    api.patch("/api/public/v1/destinations/" + destinationId,
        Map.of("configuration", Map.of("destination_path", "/local/a/../../../b"))).expectProblem(422);

    JsonNode kept = api.post("/api/v1/destinations/get", Map.of("destinationId", destinationId)).expect(200);
    assertThat(kept.at("/connectionConfiguration/destination_path").asText()).isEqualTo("/local/json_data");
  }

  private static String workspaceId() {
    return gale.api().post("/api/v1/workspaces/create", Map.of("name", "limits " + UUID.randomUUID())).expect(200)
        .path("workspaceId").asText();
  }

  private static RawAnswer sendHeadersOnly(String path, String header) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gale.server().port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\n" + header + "\r\n\r\n").getBytes(US_ASCII));
      return RawAnswer.read(socket.getInputStream());
    }
  }

  /** An HTTP/1.1 answer read off a socket: its status line, headers and the body its Content-Length gives. */
  record RawAnswer(int status, String text, String body) {
    static RawAnswer read(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      String text = head.toString();
      int length = text.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
          .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElse(0);
      String body = new String(in.readNBytes(length), US_ASCII);
      int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
      return new RawAnswer(status, text + body, body);
    }
  }
}
