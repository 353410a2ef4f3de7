package dev.gale.server.api;

import static dev.gale.server.api.JobCalls.syncToEnd;
import static dev.gale.server.api.JobCalls.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.SecretApiSource;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a sync's source says besides its data reaches the job and the source: its estimates show in the attempt's
 * stats, its stream statuses in the attempt's log, and a configuration it updated (a rotated API key, from
 * {@link SecretApiSource}'s {@code rotating} resource) is saved as the source's configuration, encrypted in the store,
 * masked in every answer and log; an invalid one is not saved.
 */
class ConnectorEventsApiIT {
  private static final String API_KEY = "sk-live-0b7e1d-before-rotation";
  private static final String ROTATED = SecretApiSource.rotatedKey(API_KEY);

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  private static ApiClient api;
  private static TestingStore store;
  private static SecretCipher cipher;

  @BeforeAll
  static void setUp() {
    api = gale.api();
    store = new TestingStore(gale.server());
    cipher = gale.testing().cipher();
  }

  @Test
  void aSourcesRotatedKeyIsSavedEncryptedAndMaskedAndItsEstimatesAndStatusesShow() {
    Connection connection = secretApiConnection(SecretApiSource.ROTATING, 40);

    JsonNode done = syncToEnd(api, connection.id());

    assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
    JsonNode attempt = done.at("/attempts/0/attempt");
    assertThat(attempt.at("/totalStats/estimatedRecords").asLong()).isEqualTo(40);
    assertThat(attempt.at("/totalStats/estimatedBytes").asLong()).isEqualTo(40 * 64);
    assertThat(attempt.at("/streamStats/0/streamName").asText()).isEqualTo(SecretApiSource.ROTATING);
    assertThat(attempt.at("/streamStats/0/stats/estimatedRecords").asLong()).isEqualTo(40);
    String log = done.at("/attempts/0/logs/logLines").toString();
    assertThat(log).contains("Stream rotating of the source: STARTED", "Stream rotating of the source: COMPLETE",
        "Saved the configuration the source " + connection.sourceId() + " sent (CONTROL CONNECTOR_CONFIG)",
        "source: Authorization from now on: Bearer **********");

    Actor stored = store.actors.find(connection.sourceId()).orElseThrow();
    String envelope = stored.configuration().path("api_key").asText();
    assertThat(SecretCipher.isEnvelope(envelope)).as("the new key is stored encrypted").isTrue();
    assertThat(Json.parse(cipher.decrypt(envelope)).asText()).isEqualTo(ROTATED);
    assertThat(stored.configuration().toString()).doesNotContain(ROTATED, API_KEY);
    assertThat(stored.configuration().path("endpoint").asText()).isEqualTo("https://api.example.com");
    assertThat(stored.name()).isEqualTo("rotating api");

    JsonNode read = api.post("/api/v1/sources/get", Json.object().put("sourceId", connection.sourceId().toString()))
        .expect(200);
    assertThat(read.at("/connectionConfiguration/api_key").asText()).isEqualTo("**********");
    for (String path : new String[] {"/api/v1/jobs/get", "/api/v1/jobs/get_debug_info"}) {
      assertThat(api.post(path, Json.object().put("id", JobCalls.id(done))).expect(200).toString()).as(path)
          .doesNotContain(ROTATED, API_KEY);
    }
    assertThat(read.toString()).doesNotContain(ROTATED);
  }

  @Test
  void anInvalidUpdateKeepsThePreviousConfigurationAndTheSyncSucceeds() {
    Connection connection = secretApiConnection(SecretApiSource.ROTATING_BADLY, 5);
    JsonNode before = store.actors.find(connection.sourceId()).orElseThrow().configuration();

    JsonNode done = syncToEnd(api, connection.id());

    assertThat(status(done)).as("%s", done).isEqualTo("succeeded");
    assertThat(store.actors.find(connection.sourceId()).orElseThrow().configuration()).isEqualTo(before);
    String log = done.at("/attempts/0/logs/logLines").toString();
    assertThat(log).contains("WARN The configuration the source " + connection.sourceId()
        + " sent is not saved, the previous one is kept:", "endpoint");
    assertThat(log).doesNotContain(ROTATED, API_KEY).contains("Authorization from now on: Bearer **********");
  }

  private record Connection(String id, UUID sourceId) {}

  /** A connection from a Secret API source created through the API (so its key is stored encrypted) to Dev Null. */
  private static Connection secretApiConnection(String resource, int pageSize) {
    UUID workspace = store.newWorkspace("events " + UUID.randomUUID()).id();
    ObjectNode config = Json.object().put("api_key", API_KEY).put("endpoint", "https://api.example.com")
        .put("resource", resource).put("page_size", pageSize);
    ObjectNode create = Json.object().put("workspaceId", workspace.toString()).put("name", "rotating api")
        .put("sourceDefinitionId", SecretApiSource.DEFINITION_ID.toString());
    create.set("connectionConfiguration", config);
    UUID sourceId = UUID.fromString(api.post("/api/v1/sources/create", create).expect(200).path("sourceId").asText());
    Instant now = Instant.now();
    Actor destination = new Actor(UUID.randomUUID(), workspace, ConnectionFixtures.DEV_NULL, ActorType.DESTINATION,
        "nowhere", Json.parse("{\"test_destination\": {\"test_destination_type\": \"SILENT\"}}"), false, now, now);
    store.actors.insert(destination);
    ObjectNode request = Json.object().put("sourceId", sourceId.toString())
        .put("destinationId", destination.id().toString()).put("status", "active");
    request.set("syncCatalog", JobCalls.catalog(SecretApiSource.DEFINITION_ID, config.toString(), "full_refresh",
        "overwrite"));
    String connectionId = api.post("/api/v1/connections/create", request).expect(200).path("connectionId").asText();
    return new Connection(connectionId, sourceId);
  }
}
