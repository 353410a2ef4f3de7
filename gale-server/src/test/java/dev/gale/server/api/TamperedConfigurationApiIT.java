package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.awaitEnd;
import static dev.gale.server.api.JobCalls.id;
import static dev.gale.server.api.JobCalls.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.TestingStore;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A configuration changed in the store behind Gale's back (to send its secrets elsewhere) is refused wherever it
 * would be used or shown, with a message that says why, and the actor can still be deleted.
 */
class TamperedConfigurationApiIT {
  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  @Test
  void aConfigurationChangedInTheStoreIsRefusedEverywhereAndCanBeDeleted() {
    ApiClient api = gale.api();
    String connectionId = JobCalls.connection(new TestingStore(gale.server()), api, ConnectionFixtures.SAMPLE_DATA,
        "{\"count\": 10, \"seed\": 1}", "full_refresh", "overwrite", Json.object());
    String sourceId = api.post("/api/v1/connections/get", Map.of("connectionId", connectionId)).expect(200)
        .path("sourceId").asText();

    updateInStore("UPDATE actor SET configuration = '{\"count\": 10, \"seed\": 2}' WHERE id = :id", sourceId);

    JsonNode refused = api.post("/api/v1/sources/get", Map.of("sourceId", sourceId)).expectError(409);
    assertThat(refused.path("message").asText()).contains(sourceId).contains("changed outside Gale");
    api.post("/api/v1/sources/check_connection", Map.of("sourceId", sourceId)).expectError(409);
    api.get("/api/public/v1/sources/" + sourceId).expectProblem(409);
    JsonNode job = awaitEnd(api, id(JobCalls.sync(api, connectionId)));
    assertThat(status(job)).isEqualTo("failed");
    assertThat(job.path("attempts")).as("a configuration error is not retried").hasSize(1);
    assertThat(job.at("/attempts/0/logs/logLines").toString()).contains("changed outside Gale");

    api.post("/api/v1/sources/delete", Map.of("sourceId", sourceId)).expect(204);
    api.post("/api/v1/sources/get", Map.of("sourceId", sourceId)).expectError(409);
  }

  @Test
  void aConfigurationCopiedFromAnotherActorOrAMissingSealIsRefused() {
    ApiClient api = gale.api();
    String workspaceId = api.post("/api/v1/workspaces/create", Map.of("name", "tampered " + UUID.randomUUID()))
        .expect(200).path("workspaceId").asText();
    String first = createSource(api, workspaceId, "first", 1);
    String second = createSource(api, workspaceId, "second", 2);

    updateInStore("UPDATE actor SET (configuration, configuration_seal) = (SELECT configuration, configuration_seal"
        + " FROM actor WHERE id = '" + first + "') WHERE id = :id", second);
    api.post("/api/v1/sources/get", Map.of("sourceId", second)).expectError(409);
    api.post("/api/v1/sources/get", Map.of("sourceId", first)).expect(200);

    updateInStore("UPDATE actor SET configuration_seal = NULL WHERE id = :id", first);
    api.post("/api/v1/sources/get", Map.of("sourceId", first)).expectError(409);
  }

  private static String createSource(ApiClient api, String workspaceId, String name, int seed) {
    return api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId,
            "sourceDefinitionId", ConnectionFixtures.SAMPLE_DATA.toString(), "name", name,
            "connectionConfiguration", Map.of("count", 10, "seed", seed)))
        .expect(200).path("sourceId").asText();
  }

  private static void updateInStore(String sql, String actorId) {
    int changed = gale.server().database().jdbi().withHandle(handle -> handle.createUpdate(sql)
        .bind("id", UUID.fromString(actorId)).execute());
    assertThat(changed).isEqualTo(1);
  }
}
