package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.syncToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.LocalRoot;
import dev.gale.connectors.file.FileSource;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The File source through the Config API, as a user of Airbyte's "File (CSV, JSON, Excel, Feather, Parquet)" source
 * configures it: a CSV under {@code /local}, its columns typed by inference at discovery, synced whole.
 */
class FileSourceSyncApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();

  private final String fileName = "gale-file-" + UUID.randomUUID() + ".csv";

  @AfterEach
  void deleteTheFile() throws Exception {
    Files.deleteIfExists(LocalRoot.root().resolve(fileName));
  }

  @Test
  void aLocalCsvIsDiscoveredWithInferredTypesAndSyncedWhole() throws Exception {
    Path file = LocalRoot.root().resolve(fileName);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "id,name,score,active\n1,Ada,9.5,true\n2,\"Lovelace, A.\",7,false\n3,Grace,,true\n");
    ApiClient api = fixtures.api;
    UUID workspaceId = fixtures.newWorkspace("file " + UUID.randomUUID());
    ObjectNode config = Json.object().put("dataset_name", "people").put("format", "csv").put("url", "/local/" + fileName);
    config.putObject("provider").put("storage", "local");
    String sourceId = api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", "people.csv",
        "sourceDefinitionId", FileSource.DEFINITION_ID, "connectionConfiguration", config)).expect(200)
        .path("sourceId").asText();
    assertThat(api.post("/api/v1/sources/check_connection", Map.of("sourceId", sourceId)).expect(200)
        .path("status").asText()).isEqualTo("succeeded");

    JsonNode catalog = api.post("/api/v1/sources/discover_schema", Map.of("sourceId", sourceId)).expect(200)
        .path("catalog");
    JsonNode stream = catalog.at("/streams/0/stream");
    assertThat(stream.path("name").asText()).isEqualTo("people");
    assertThat(stream.at("/jsonSchema/properties/id/type").toString()).contains("integer");
    assertThat(stream.at("/jsonSchema/properties/score/type").toString()).contains("number");
    assertThat(stream.at("/jsonSchema/properties/active/type").toString()).contains("boolean");
    assertThat(stream.at("/jsonSchema/properties/name/type").toString()).contains("string");

    ObjectNode entry = catalog.at("/streams/0").deepCopy();
    ((ObjectNode) entry.path("config")).put("syncMode", "full_refresh").put("destinationSyncMode", "overwrite")
        .put("selected", true);
    ObjectNode request = Json.object().put("sourceId", sourceId)
        .put("destinationId", fixtures.destination(workspaceId, "nowhere").id().toString()).put("status", "active");
    request.putObject("syncCatalog").putArray("streams").add(entry);
    String connectionId = fixtures.createConnection(request).path("connectionId").asText();

    JsonNode job = syncToEnd(api, connectionId);

    assertThat(JobCalls.status(job)).as("%s", job).isEqualTo("succeeded");
    assertThat(job.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).isEqualTo(3);
  }
}
