package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.syncToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.LocalRoot;
import dev.gale.connectors.duckdb.DuckDbDestination;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DuckDB destination through the Config API, as a PyAirbyte user meets it: created by its Airbyte definition id,
 * checked, synced into typed tables read back through DuckDB's own driver, and overwritten by the next sync.
 */
class DuckDbSyncApiIT {
  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();

  private final String fileName = "gale-duckdb-" + UUID.randomUUID() + ".duckdb";

  @AfterEach
  void deleteTheFile() throws Exception {
    Files.deleteIfExists(file());
    Files.deleteIfExists(file().resolveSibling(fileName + ".wal"));
  }

  @Test
  void aSampleDataSyncLandsInTypedTablesAndTheNextOverwritesThem() throws Exception {
    ApiClient api = fixtures.api;
    UUID workspaceId = fixtures.newWorkspace("duckdb " + UUID.randomUUID());
    String sourceId = api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", "sample",
            "sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA, "connectionConfiguration", Json.parse(ConnectionFixtures.SAMPLE_CONFIG)))
        .expect(200).path("sourceId").asText();
    String destinationId = api.post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId, "name", "duck",
            "destinationDefinitionId", DuckDbDestination.DEFINITION_ID,
            "connectionConfiguration", Map.of("destination_path", "/local/" + fileName, "schema", "main")))
        .expect(200).path("destinationId").asText();
    JsonNode check = api.post("/api/v1/destinations/check_connection", Map.of("destinationId", destinationId)).expect(200);
    assertThat(check.path("status").asText()).as("%s", check).isEqualTo("succeeded");
    ObjectNode request = Json.object().put("sourceId", sourceId).put("destinationId", destinationId).put("status", "active");
    request.set("syncCatalog", ConnectionFixtures.sampleCatalog());
    String connectionId = fixtures.createConnection(request).path("connectionId").asText();

    JsonNode first = syncToEnd(api, connectionId);
    JsonNode second = syncToEnd(api, connectionId);

    assertThat(JobCalls.status(first)).as("%s", first).isEqualTo("succeeded");
    assertThat(JobCalls.status(second)).as("%s", second).isEqualTo("succeeded");
    assertThat(first.at("/attempts/0/attempt/totalStats/recordsCommitted").asLong()).isEqualTo(120);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file(), readOnly());
         Statement statement = duck.createStatement()) {
      assertThat(count(statement, "main.users")).as("overwritten, not appended").isEqualTo(10);
      assertThat(count(statement, "main.products")).isEqualTo(100);
      assertThat(count(statement, "main.purchases")).isEqualTo(10);
      Map<String, String> types = new java.util.HashMap<>();
      try (ResultSet columns = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
          + "WHERE table_name = 'users'")) {
        while (columns.next()) {
          types.put(columns.getString(1), columns.getString(2));
        }
      }
      assertThat(types).containsEntry("id", "BIGINT").containsEntry("_airbyte_raw_id", "UUID")
          .containsEntry("_airbyte_generation_id", "BIGINT").containsKey("_airbyte_meta");
      assertThat(types.get("created_at")).startsWith("TIMESTAMP");
    }
  }

  private Path file() {
    return LocalRoot.root().resolve(fileName);
  }

  private static java.util.Properties readOnly() {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("duckdb.read_only", "true");
    return properties;
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
