package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server on PostgreSQL instead of the embedded H2 store: migrations, start-up registration and a restart. */
class PostgresServerApiIT {
  @Test
  void serverRunsOnPostgresAndKeepsItsStateAcrossRestarts() {
    Database.Settings postgres = TestingPostgres.shared().newDatabase();
    String workspaceId;
    try (TestingGaleServer gale = TestingGaleServer.start(postgres)) {
      ApiClient api = gale.client();
      assertThat(gale.server().database().vendor()).isEqualTo(Database.Vendor.POSTGRESQL);
      workspaceId = api.post("/api/v1/workspaces/create", Map.of("name", "On Postgres")).expect(200).path("workspaceId").asText();
      JsonNode spec = api.post("/api/v1/source_definition_specifications/get",
          Map.of("sourceDefinitionId", SampleDataSource.DEFINITION_ID.toString(), "workspaceId", workspaceId)).expect(200);
      assertThat(spec.at("/connectionSpecification/properties").has("seed")).isTrue();
    }
    try (TestingGaleServer again = TestingGaleServer.start(postgres)) {
      JsonNode list = again.client().send("POST", "/api/v1/workspaces/list", null, null).expect(200);
      assertThat(list.path("workspaces").findValuesAsText("workspaceId")).contains(workspaceId);
      assertThat(list.path("workspaces").findValuesAsText("name")).containsOnlyOnce("Default Workspace");
      assertThat(again.client().send("POST", "/api/v1/source_definitions/list", null, null).expect(200)
          .path("sourceDefinitions").findValuesAsText("sourceDefinitionId"))
          .containsOnlyOnce(SampleDataSource.DEFINITION_ID.toString());
    }
  }
}
