package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.TestPrograms;
import dev.gale.server.testing.TestingGaleServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom definitions of images Gale does not ship, run as programs found on the PATH (a test folder here): their
 * {@code spec} is read and stored at create and update, and checks, discovery and syncs run the program.
 */
class ExternalDefinitionsApiIT {
  private static final String PUBLIC = "/api/public/v1";
  private static final Duration SPEC_TIMEOUT = Duration.ofSeconds(2);
  /** Whose value must never show in an answer: the source declares it secret. */
  private static final String TOKEN = "tiny-secret-token-5521";

  @TempDir
  static Path bin;
  static TestingGaleServer gale;
  static ApiClient api;

  @BeforeAll
  static void start() throws IOException {
    // The spec names its required property after the file tiny-field, so a test can see spec being read again.
    Files.writeString(bin.resolve("tiny-field"), "door");
    TestPrograms.script(bin, "source-tiny", """
        field="$(cat "$(dirname "$0")/tiny-field")"
        case "$1" in
          spec) echo "{\\"type\\":\\"SPEC\\",\\"spec\\":{\\"connectionSpecification\\":{\\"type\\":\\"object\\",\
        \\"required\\":[\\"$field\\"],\\"properties\\":{\\"$field\\":{\\"type\\":\\"string\\"},\
        \\"token\\":{\\"type\\":\\"string\\",\\"airbyte_secret\\":true}}}}}" ;;
          check)
            if grep -q '"open"' "$3"; then
              echo '{"type":"CONNECTION_STATUS","connectionStatus":{"status":"SUCCEEDED"}}'
            else
              echo '{"type":"CONNECTION_STATUS","connectionStatus":{"status":"FAILED","message":"the door is shut"}}'
            fi ;;
          discover) echo '{"type":"CATALOG","catalog":{"streams":[{"name":"rows","json_schema":{"type":"object",\
        "properties":{"id":{"type":"integer"}}},"supported_sync_modes":["full_refresh"]}]}}' ;;
          read)
            for i in 1 2 3; do
              echo "{\\"type\\":\\"RECORD\\",\\"record\\":{\\"stream\\":\\"rows\\",\\"emitted_at\\":1,\\"data\\":{\\"id\\":$i}}}"
            done ;;
        esac
        """);
    TestPrograms.script(bin, "destination-tiny", """
        case "$1" in
          spec) echo '{"type":"SPEC","spec":{"connectionSpecification":{"type":"object","properties":{}},\
        "supported_destination_sync_modes":["append"]}}' ;;
          check) echo '{"type":"CONNECTION_STATUS","connectionStatus":{"status":"SUCCEEDED"}}' ;;
        esac
        """);
    TestPrograms.script(bin, "source-sleepy", "sleep 60");
    TestPrograms.script(bin, "source-broken", "echo 'no spec for you' >&2; exit 3");
    TestPrograms.script(bin, "source-silent", "exit 0");
    gale = TestingGaleServer.start(config -> config.withLaunches(TestPrograms.onPath(bin)).withSpecTimeout(SPEC_TIMEOUT));
    api = gale.client();
  }

  @AfterAll
  static void stop() {
    gale.close();
  }

  @Test
  void aSourceOnThePathIsDefinedCheckedDiscoveredAndSynced() {
    String workspace = newWorkspace("tiny source");
    String definition = createSource(workspace, "someone/source-tiny", "1.0").expect(200).path("sourceDefinitionId").asText();

    JsonNode spec = api.post("/api/v1/source_definition_specifications/get", Map.of("sourceDefinitionId", definition,
        "workspaceId", workspace)).expect(200);
    assertThat(spec.at("/connectionSpecification/required/0").asText()).isEqualTo("door");

    String source = createSourceActor(workspace, definition, "open");
    JsonNode check = api.post("/api/v1/sources/check_connection", Map.of("sourceId", source)).expect(200);
    assertThat(check.path("status").asText()).isEqualTo("succeeded");
    JsonNode shut = api.post("/api/v1/scheduler/sources/check_connection", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition, "connectionConfiguration", Map.of("door", "shut", "token", TOKEN))).expect(200);
    assertThat(shut.path("status").asText()).isEqualTo("failed");
    assertThat(shut.path("message").asText()).isEqualTo("the door is shut");
    // The stored spec decides what a configuration needs: without the door it is refused before the program runs.
    api.post("/api/v1/scheduler/sources/check_connection", Map.of("workspaceId", workspace, "sourceDefinitionId",
        definition, "connectionConfiguration", Map.of("token", TOKEN))).expectError(422);

    JsonNode discovered = api.post("/api/v1/sources/discover_schema", Map.of("sourceId", source)).expect(200);
    assertThat(discovered.at("/catalog/streams/0/stream/name").asText()).isEqualTo("rows");
    assertThat(discovered.toString()).doesNotContain(TOKEN);
    JsonNode unsaved = api.post("/api/v1/scheduler/sources/discover_schema", Map.of("workspaceId", workspace,
        "sourceDefinitionId", definition, "connectionConfiguration", Map.of("door", "open"))).expect(200);
    assertThat(unsaved.path("catalog").path("streams").findValuesAsText("name")).containsExactly("rows");

    String destination = api.post("/api/v1/destinations/create", Map.of("workspaceId", workspace, "name", "nowhere",
        "destinationDefinitionId", DevNullDestination.DEFINITION_ID.toString(), "connectionConfiguration",
        Map.of("test_destination", Map.of("test_destination_type", "SILENT")))).expect(200).path("destinationId").asText();
    ObjectNode connection = Json.object().put("sourceId", source).put("destinationId", destination)
        .put("status", "active");
    connection.set("syncCatalog", discovered.path("catalog"));
    String connectionId = api.post("/api/v1/connections/create", connection).expect(200).path("connectionId").asText();
    JsonNode job = JobCalls.syncToEnd(api, connectionId);
    assertThat(JobCalls.status(job)).isEqualTo("succeeded");
    JsonNode attempt = job.path("attempts").get(0).path("attempt");
    assertThat(attempt.path("recordsSynced").asLong()).isEqualTo(3);
  }

  @Test
  void anUpdateToANewTagReadsTheSpecAgain() throws IOException {
    String workspace = newWorkspace("tiny versions");
    String definition = createSource(workspace, "someone/source-tiny", "1.0").expect(200).path("sourceDefinitionId").asText();
    Files.writeString(bin.resolve("tiny-field"), "gate");
    try {
      JsonNode updated = api.post("/api/v1/source_definitions/update", Map.of("sourceDefinitionId", definition,
          "dockerImageTag", "2.0")).expect(200);
      assertThat(updated.path("dockerImageTag").asText()).isEqualTo("2.0");
      assertThat(api.post("/api/v1/source_definition_specifications/get", Map.of("sourceDefinitionId", definition,
          "workspaceId", workspace)).expect(200).at("/connectionSpecification/required/0").asText()).isEqualTo("gate");
    } finally {
      Files.writeString(bin.resolve("tiny-field"), "door");
    }
  }

  @Test
  void aDestinationOnThePathIsDefinedWithItsSpec() {
    String workspace = newWorkspace("tiny destination");
    String definition = api.post("/api/v1/destination_definitions/create_custom", Map.of("workspaceId", workspace,
        "destinationDefinition", Map.of("name", "Tiny sink", "dockerRepository", "someone/destination-tiny",
            "dockerImageTag", "0.1", "documentationUrl", "https://example.com/tiny"))).expect(200)
        .path("destinationDefinitionId").asText();
    JsonNode spec = api.post("/api/v1/destination_definition_specifications/get", Map.of("destinationDefinitionId",
        definition, "workspaceId", workspace)).expect(200);
    assertThat(StreamSupport.stream(spec.path("supportedDestinationSyncModes").spliterator(), false)
        .map(JsonNode::asText).toList()).containsExactly("append");
    JsonNode check = api.post("/api/v1/scheduler/destinations/check_connection", Map.of("workspaceId", workspace,
        "destinationDefinitionId", definition, "connectionConfiguration", Map.of())).expect(200);
    assertThat(check.path("status").asText()).isEqualTo("succeeded");
    // A destination program is no source, whatever its name on the PATH.
    createSource(workspace, "someone/destination-tiny", "0.1").expectError(422);
  }

  @Test
  void anImageNothingRunsIs422ListingEveryWayToRunIt() {
    String workspace = newWorkspace("nowhere");
    JsonNode error = createSource(workspace, "someone/source-nowhere", "1.0").expectError(422);

    assertThat(error.path("validationErrors").get(0).path("propertyPath").asText())
        .isEqualTo("sourceDefinition.dockerRepository");
    assertThat(error.path("message").asText()).contains("someone/source-nowhere:1.0",
        "no command is configured for someone/source-nowhere in GALE_CONNECTOR_COMMANDS",
        "no executable source-nowhere is on the PATH", "no Docker engine answers", "airbyte/source-faker",
        "connector catalog folder", "source-xyz on the PATH").doesNotContain("airbyte/destination-dev-null");
  }

  @Test
  void aSpecThatFailsHangsOrSaysNothingIs422() {
    String workspace = newWorkspace("bad specs");
    long started = System.nanoTime();
    JsonNode hanging = createSource(workspace, "someone/source-sleepy", "1.0").expectError(422);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SPEC_TIMEOUT.plusSeconds(8));
    assertThat(hanging.path("message").asText()).contains("did not answer within 2 s");

    assertThat(createSource(workspace, "someone/source-broken", "1.0").expectError(422).path("message").asText())
        .contains("spec of someone/source-broken:1.0 failed");
    assertThat(createSource(workspace, "someone/source-silent", "1.0").expectError(422).path("message").asText())
        .contains("ended without sending its answer");
    assertThat(api.post("/api/v1/source_definitions/list_for_workspace", Map.of("workspaceId", workspace)).expect(200)
        .path("sourceDefinitions").findValuesAsText("dockerRepository")).noneMatch(name -> name.startsWith("someone/"));
  }

  @Test
  void thePublicApiDefinesAndUpdatesAnExternalSource() {
    String workspace = newWorkspace("public tiny");
    String sources = PUBLIC + "/workspaces/" + workspace + "/definitions/sources";
    JsonNode created = api.post(sources, Map.of("name", "Tiny", "dockerRepository", "someone/source-tiny",
        "dockerImageTag", "1.0")).expect(200);
    String id = created.path("id").asText();
    assertThat(api.post("/api/v1/source_definition_specifications/get", Map.of("sourceDefinitionId", id,
        "workspaceId", workspace)).expect(200).at("/connectionSpecification/required/0").asText()).isEqualTo("door");

    JsonNode updated = api.put(sources + "/" + id, Map.of("name", "Tiny 1.1", "dockerImageTag", "1.1")).expect(200);
    assertThat(updated.path("dockerImageTag").asText()).isEqualTo("1.1");

    JsonNode problem = api.post(sources, Map.of("name", "Nowhere", "dockerRepository", "someone/source-nowhere",
        "dockerImageTag", "1.0")).expectProblem(422);
    assertThat(problem.path("detail").asText()).contains("no executable source-nowhere is on the PATH");
    assertThat(api.post(sources, Map.of("name", "Sleepy", "dockerRepository", "someone/source-sleepy",
        "dockerImageTag", "1.0")).expectProblem(422).path("detail").asText()).contains("did not answer");
  }

  private static ApiResponse createSource(String workspace, String repository, String tag) {
    return api.post("/api/v1/source_definitions/create_custom", Map.of("workspaceId", workspace,
        "sourceDefinition", Map.of("name", "Tiny " + repository, "dockerRepository", repository, "dockerImageTag", tag,
            "documentationUrl", "https://example.com/tiny")));
  }

  private static String createSourceActor(String workspace, String definition, String door) {
    return api.post("/api/v1/sources/create", Map.of("workspaceId", workspace, "sourceDefinitionId", definition,
        "name", "tiny", "connectionConfiguration", Map.of("door", door, "token", TOKEN))).expect(200)
        .path("sourceId").asText();
  }

  private static String newWorkspace(String name) {
    return api.post("/api/v1/workspaces/create", Map.of("name", name)).expect(200).path("workspaceId").asText();
  }
}
