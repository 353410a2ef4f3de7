package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.GaleConfig;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.TestingGaleServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SystemApiIT {
  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  @Test
  void healthAnswersWithoutCredentials() {
    JsonNode health = gale.api().withAuthorization(null).get("/api/v1/health").expect(200);
    assertThat(health.path("available").asBoolean()).isTrue();
  }

  @Test
  void openApiDocumentDescribesEveryServedRoute() {
    gale.api().withAuthorization(null).get("/api/v1/openapi").expectError(401);
    JsonNode document = gale.api().get("/api/v1/openapi").expect(200);
    assertThat(document.path("openapi").asText()).startsWith("3.0");
    assertThat(document.path("paths").has("/api/v1/health")).isTrue();
    assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
  }

  @Test
  void missingCredentialsAre401WithChallenge() {
    var response = gale.api().withAuthorization(null).post("/api/v1/workspaces/list", "{}");
    response.expectError(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void wrongPasswordIs401() {
    gale.api().withAuthorization(ApiClient.basic("airbyte", "wrong")).post("/api/v1/workspaces/list", "{}").expectError(401);
    gale.api().withAuthorization("Basic !!!not-base64").post("/api/v1/workspaces/list", "{}").expectError(401);
  }

  @Test
  void unknownEndpointIs404AndWrongMethodIs405() {
    gale.api().post("/api/v1/nothing/here", "{}").expectError(404);
    gale.api().get("/api/v1/workspaces/list").expectError(405);
  }

  @Test
  void authIsOffOnlyWhenSwitchedOff() {
    try (TestingGaleServer open = TestingGaleServer.start(Database.Settings.h2Memory("open-" + UUID.randomUUID()),
        new GaleConfig.Auth(false, "airbyte", "password"))) {
      ApiClient anonymous = ApiClient.connect(open.uri(), "x", "y").withAuthorization(null);
      assertThat(anonymous.send("POST", "/api/v1/workspaces/list", null, null).status()).isEqualTo(200);
    }
  }
}
