package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ActorType;
import dev.gale.server.store.ActorRepository;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.DefinitionRepository;
import dev.gale.server.testing.TestingStore;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.GaleServerExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkspacesApiIT {
  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  private static JsonNode create(String name) {
    return gale.api().post("/api/v1/workspaces/create", Map.of("name", name)).expect(200);
  }

  @Test
  void aDefaultWorkspaceExistsAfterTheFirstStart() {
    JsonNode list = gale.api().send("POST", "/api/v1/workspaces/list", null, null).expect(200);
    assertThat(list.path("workspaces").findValuesAsText("name")).contains("Default Workspace");
  }

  @Test
  void listAcceptsAnEmptyBodyWithoutContentTypeAsThePythonClientSends() {
    assertThat(gale.api().send("POST", "/api/v1/workspaces/list", "", null).expect(200).path("workspaces").isArray()).isTrue();
  }

  @Test
  void createReadsBackWithSlugAndDefaults() {
    JsonNode created = gale.api().post("/api/v1/workspaces/create", Map.of("name", "Data Team ünïcode", "email", "ops@example.com",
        "news", true, "defaultGeography", "eu")).expect(200);
    assertThat(created.path("slug").asText()).isEqualTo("data-team-unicode");
    assertThat(created.path("email").asText()).isEqualTo("ops@example.com");
    assertThat(created.path("news").asBoolean()).isTrue();
    assertThat(created.path("initialSetupComplete").asBoolean()).isFalse();
    assertThat(created.path("defaultGeography").asText()).isEqualTo("eu");

    JsonNode got = gale.api().post("/api/v1/workspaces/get", Map.of("workspaceId", created.path("workspaceId").asText())).expect(200);
    assertThat(got).isEqualTo(created);
    JsonNode bySlug = gale.api().post("/api/v1/workspaces/get_by_slug", Map.of("slug", "data-team-unicode")).expect(200);
    assertThat(bySlug.path("workspaceId")).isEqualTo(created.path("workspaceId"));
  }

  @Test
  void sameNameGetsAnotherSlug() {
    String first = create("Twins").path("slug").asText();
    String second = create("Twins").path("slug").asText();
    assertThat(first).isEqualTo("twins");
    assertThat(second).isEqualTo("twins-2");
  }

  @Test
  void updateChangesOnlyWhatItCarriesAndIgnoresUnknownFields() {
    ObjectNode read = (ObjectNode) create("Partial");
    read.put("email", "new@example.com").put("someFieldGaleDoesNotKnow", 42);
    JsonNode updated = gale.api().post("/api/v1/workspaces/update", read).expect(200);
    assertThat(updated.path("email").asText()).isEqualTo("new@example.com");
    assertThat(updated.path("name").asText()).isEqualTo("Partial");

    JsonNode onlySetup = gale.api().post("/api/v1/workspaces/update", Map.of("workspaceId", read.path("workspaceId").asText(),
        "initialSetupComplete", true)).expect(200);
    assertThat(onlySetup.path("initialSetupComplete").asBoolean()).isTrue();
    assertThat(onlySetup.path("email").asText()).isEqualTo("new@example.com");
  }

  @Test
  void updateNameRenamesAndReslugs() {
    String id = create("Old Name").path("workspaceId").asText();
    JsonNode renamed = gale.api().post("/api/v1/workspaces/update_name", Map.of("workspaceId", id, "name", "New Name")).expect(200);
    assertThat(renamed.path("name").asText()).isEqualTo("New Name");
    assertThat(renamed.path("slug").asText()).isEqualTo("new-name");
    gale.api().post("/api/v1/workspaces/update_name", Map.of("workspaceId", id, "name", "  ")).expectError(422);
  }

  @Test
  void feedbackIsTaggedAsDone() {
    String id = create("Feedback").path("workspaceId").asText();
    gale.api().post("/api/v1/workspaces/tag_feedback_status_as_done", Map.of("workspaceId", id)).expect(204);
    assertThat(gale.api().post("/api/v1/workspaces/get", Map.of("workspaceId", id)).expect(200).path("feedbackDone").asBoolean()).isTrue();
  }

  @Test
  void webhookTokensAreStoredEncryptedAndNeverReadBack() {
    String token = "webhook-token-" + UUID.randomUUID();
    JsonNode created = gale.api().post("/api/v1/workspaces/create", Map.of("name", "Hooks",
        "webhookConfigs", List.of(Map.of("name", "dbt cloud", "authToken", token)))).expect(200);
    assertThat(created.path("webhookConfigs").get(0).path("name").asText()).isEqualTo("dbt cloud");
    assertThat(created.path("webhookConfigs").get(0).path("id").asText()).isNotBlank();
    assertThat(created.toString()).doesNotContain(token);
    String stored = gale.server().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT webhook_operation_configs FROM workspace WHERE id = :id")
        .bind("id", UUID.fromString(created.path("workspaceId").asText())).mapTo(String.class).one());
    assertThat(stored).doesNotContain(token).contains("gale:aesgcm:v1:");

    // Sent back without its token (reads never carry it), a webhook keeps its id and its stored token.
    String webhookId = created.path("webhookConfigs").get(0).path("id").asText();
    JsonNode updated = gale.api().post("/api/v1/workspaces/update", Map.of("workspaceId", created.path("workspaceId").asText(),
        "webhookConfigs", List.of(Map.of("name", "dbt cloud"), Map.of("name", "second", "authToken", "t2")))).expect(200);
    assertThat(updated.path("webhookConfigs").get(0).path("id").asText()).isEqualTo(webhookId);
    assertThat(updated.path("webhookConfigs").get(1).path("id").asText()).isNotEqualTo(webhookId);
    String storedAfter = gale.server().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT webhook_operation_configs FROM workspace WHERE id = :id")
        .bind("id", UUID.fromString(created.path("workspaceId").asText())).mapTo(String.class).one());
    assertThat(Json.parse(storedAfter).get(0).path("authToken").asText()).startsWith("gale:aesgcm:v1:");
  }

  @Test
  void aWebhookConfigurationThatIsNullIsRefused() {
    String id = create("Null hooks").path("workspaceId").asText();
    JsonNode created = gale.api().unchecked().post("/api/v1/workspaces/create",
        "{\"name\": \"Null hook\", \"webhookConfigs\": [null]}").expectError(422);
    assertThat(created.toString()).contains("webhookConfigs[0]");
    gale.api().unchecked().post("/api/v1/workspaces/update",
        "{\"workspaceId\": \"" + id + "\", \"webhookConfigs\": [{\"name\": \"a\"}, null]}").expectError(422);
    assertThat(gale.api().post("/api/v1/workspaces/get", Map.of("workspaceId", id)).expect(200)
        .path("webhookConfigs").size()).isZero();
  }

  @Test
  void getByConnectionIdFindsTheWorkspaceOfTheConnectionsSource() {
    UUID workspaceId = UUID.fromString(create("Owner").path("workspaceId").asText());
    var database = gale.server().database();
    var definitions = new DefinitionRepository(database);
    Instant now = Instant.now();
    var source = StoreSamples.actor(workspaceId, definitions.find(SampleDataSource.DEFINITION_ID).orElseThrow(), "src", now);
    var destination = StoreSamples.actor(workspaceId, definitions.find(DevNullDestination.DEFINITION_ID).orElseThrow(), "dst", now);
    ActorRepository actors = new TestingStore(gale.server()).actors;
    actors.insert(source);
    actors.insert(destination);
    var connection = StoreSamples.connection(source.id(), destination.id(), "c", List.of(), now);
    new ConnectionRepository(database).insert(connection);

    JsonNode found = gale.api().post("/api/v1/workspaces/get_by_connection_id", Map.of("connectionId", connection.id().toString())).expect(200);
    assertThat(found.path("workspaceId").asText()).isEqualTo(workspaceId.toString());
    assertThat(source.actorType()).isEqualTo(ActorType.SOURCE);
    gale.api().post("/api/v1/workspaces/get_by_connection_id", Map.of("connectionId", UUID.randomUUID().toString())).expectError(404);
  }

  @Test
  void deleteHidesTheWorkspace() {
    String id = create("Doomed").path("workspaceId").asText();
    gale.api().post("/api/v1/workspaces/delete", Map.of("workspaceId", id)).expect(204);
    gale.api().post("/api/v1/workspaces/get", Map.of("workspaceId", id)).expectError(404);
    assertThat(gale.api().send("POST", "/api/v1/workspaces/list", null, null).expect(200).findValuesAsText("workspaceId")).doesNotContain(id);
    gale.api().post("/api/v1/workspaces/delete", Map.of("workspaceId", id)).expectError(404);
  }

  @Test
  void unknownIdsAre404InAirbytesShape() {
    String unknown = UUID.randomUUID().toString();
    JsonNode error = gale.api().post("/api/v1/workspaces/get", Map.of("workspaceId", unknown)).expectError(404);
    assertThat(error.path("id").asText()).isEqualTo(unknown);
    gale.api().post("/api/v1/workspaces/get_by_slug", Map.of("slug", "no-such-slug")).expectError(404);
  }

  @Test
  void badInputIsA4xxNamingTheProperty() {
    gale.api().post("/api/v1/workspaces/create", "{\"name\": ").expectError(400);
    gale.api().post("/api/v1/workspaces/create", "[1, 2]").expectError(422);
    gale.api().post("/api/v1/workspaces/create", "null").expectError(422);
    assertThat(gale.api().post("/api/v1/workspaces/create", Map.of("email", "x@example.com")).expectError(422)
        .path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("name");
    assertThat(gale.api().post("/api/v1/workspaces/create", Map.of("name", "x", "defaultGeography", "mars")).expectError(422)
        .path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("defaultGeography");
    assertThat(gale.api().post("/api/v1/workspaces/create", Map.of("name", "x", "news", "maybe")).expectError(422)
        .path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("news");
    assertThat(gale.api().post("/api/v1/workspaces/get", Map.of("workspaceId", "not-a-uuid")).expectError(422)
        .path("validationErrors").get(0).path("propertyPath").asText()).isEqualTo("workspaceId");
    gale.api().post("/api/v1/workspaces/get", "{\"workspaceId\": null}").expectError(422);
    gale.api().post("/api/v1/workspaces/update", Json.object().put("workspaceId", UUID.randomUUID().toString())).expectError(404);
  }
}
