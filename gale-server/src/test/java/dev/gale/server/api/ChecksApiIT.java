package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.SecretApiSource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChecksApiIT {
  private static final String SECRET = "sk-check-4f1d-do-not-show";

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  private String workspaceId;

  @BeforeEach
  void newWorkspace() {
    workspaceId = gale.api().post("/api/v1/workspaces/create", Map.of("name", "checks " + UUID.randomUUID())).expect(200)
        .path("workspaceId").asText();
  }

  private static ObjectNode secretConfig(String endpoint) {
    return Json.object().put("api_key", SECRET).put("endpoint", endpoint);
  }

  private String source(String definitionId, JsonNode config) {
    return gale.api().post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", "s",
        "sourceDefinitionId", definitionId, "connectionConfiguration", config)).expect(200).path("sourceId").asText();
  }

  @Test
  void aSavedSourceAndDestinationCheckSucceeded() {
    String source = source(SampleDataSource.DEFINITION_ID.toString(), Json.object().put("count", 10));
    JsonNode check = gale.api().post("/api/v1/sources/check_connection", Map.of("sourceId", source)).expect(200);
    assertThat(check.path("status").asText()).isEqualTo("succeeded");
    assertThat(check.at("/jobInfo/configType").asText()).isEqualTo("check_connection_source");
    assertThat(check.at("/jobInfo/succeeded").asBoolean()).isTrue();

    String destination = gale.api().post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId, "name", "d",
        "destinationDefinitionId", DevNullDestination.DEFINITION_ID.toString(), "connectionConfiguration",
        Map.of("test_destination", Map.of("test_destination_type", "SILENT")))).expect(200).path("destinationId").asText();
    JsonNode destinationCheck = gale.api().post("/api/v1/destinations/check_connection", Map.of("destinationId", destination)).expect(200);
    assertThat(destinationCheck.path("status").asText()).isEqualTo("succeeded");
    assertThat(destinationCheck.at("/jobInfo/configType").asText()).isEqualTo("check_connection_destination");
  }

  @Test
  void aConfigurationThatDoesNotWorkIsAFailedCheckNotAnError() {
    JsonNode check = gale.api().post("/api/v1/scheduler/sources/check_connection", Map.of("workspaceId", workspaceId,
        "sourceDefinitionId", SecretApiSource.DEFINITION_ID.toString(),
        "connectionConfiguration", secretConfig("ftp://files.example.com"))).expect(200);
    assertThat(check.path("status").asText()).isEqualTo("failed");
    assertThat(check.path("message").asText()).contains("endpoint");
    assertThat(check.toString()).doesNotContain(SECRET);
  }

  @Test
  void checkForUpdateUsesTheStoredSecretBehindAMaskAndSavesNothing() {
    String id = source(SecretApiSource.DEFINITION_ID.toString(), secretConfig("https://api.example.com"));
    JsonNode masked = gale.api().post("/api/v1/sources/get", Map.of("sourceId", id)).expect(200).path("connectionConfiguration");
    ObjectNode changed = masked.deepCopy();
    changed.put("endpoint", "https://eu.api.example.com");
    JsonNode check = gale.api().post("/api/v1/sources/check_connection_for_update",
        Map.of("sourceId", id, "name", "s", "connectionConfiguration", changed)).expect(200);
    assertThat(check.path("status").asText()).isEqualTo("succeeded");
    assertThat(gale.api().post("/api/v1/sources/get", Map.of("sourceId", id)).expect(200)
        .at("/connectionConfiguration/endpoint").asText()).isEqualTo("https://api.example.com");

    ObjectNode broken = masked.deepCopy();
    broken.put("endpoint", "not a url");
    assertThat(gale.api().post("/api/v1/sources/check_connection_for_update",
        Map.of("sourceId", id, "name", "s", "connectionConfiguration", broken)).expect(200).path("status").asText())
        .isEqualTo("failed");
  }

  @Test
  void invalidConfigurationsAndUnknownIdsAre4xx() {
    JsonNode invalid = gale.api().post("/api/v1/scheduler/sources/check_connection", Map.of("workspaceId", workspaceId,
        "sourceDefinitionId", SampleDataSource.DEFINITION_ID.toString(), "connectionConfiguration", Map.of("count", 0)))
        .expectError(422);
    assertThat(invalid.path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("connectionConfiguration.count");
    gale.api().post("/api/v1/sources/check_connection", Map.of("sourceId", UUID.randomUUID().toString())).expectError(404);
    gale.api().post("/api/v1/destinations/check_connection", Map.of("destinationId", UUID.randomUUID().toString())).expectError(404);
    gale.api().post("/api/v1/scheduler/destinations/check_connection", Map.of("workspaceId", workspaceId,
        "destinationDefinitionId", SampleDataSource.DEFINITION_ID.toString(), "connectionConfiguration", Map.of()))
        .expectError(404);
  }
}
