package dev.gale.server.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.GaleServer;
import dev.gale.server.auth.TokenClaims;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.GaleServerExtension;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Applications, tokens and bearer auth on the Public API and the Config API. */
class ApplicationsApiIT {
  private static final String PUBLIC = "/api/public/v1";
  private static final String FORM = "application/x-www-form-urlencoded";

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  @Test
  void publicHealthAnswersWithoutCredentials() {
    // Airbyte's document gives its health no body; Gale answers the Config API's HealthCheckRead there too.
    assertThat(gale.api().beyondAirbyteDocument().withAuthorization(null).get(PUBLIC + "/health").expect(200)
        .path("available").asBoolean()).isTrue();
  }

  @Test
  void applicationIsCreatedListedReadAndDeleted() {
    JsonNode created = gale.api().post(PUBLIC + "/applications", Map.of("name", "reporting")).expect(200);
    String id = created.path("id").asText();
    assertThat(created.path("name").asText()).isEqualTo("reporting");
    assertThat(created.path("clientId").asText()).isNotBlank();
    assertThat(created.path("clientSecret").asText()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(created.path("createdAt").asLong()).isPositive();

    JsonNode list = gale.api().get(PUBLIC + "/applications").expect(200);
    assertThat(list.path("applications").findValuesAsText("id")).contains(id);
    // The first application exists from the server's first start, as abctl's credentials do.
    assertThat(list.path("applications").get(0).path("name").asText()).isEqualTo("Default application");
    assertThat(gale.api().get(PUBLIC + "/applications/" + id).expect(200)).isEqualTo(created);

    assertThat(gale.api().send("DELETE", PUBLIC + "/applications/" + id, null, null).expect(200)).isEqualTo(created);
    gale.api().get(PUBLIC + "/applications/" + id).expectProblem(404);
    gale.api().send("DELETE", PUBLIC + "/applications/" + id, null, null).expectProblem(404);
    gale.api().get(PUBLIC + "/applications/not-a-uuid").expectProblem(404);
  }

  @Test
  void blankNameIs422Problem() {
    gale.api().post(PUBLIC + "/applications", Map.of("name", " ")).expectProblem(422);
    gale.api().post(PUBLIC + "/applications", Map.of()).expectProblem(422);
  }

  @Test
  void jsonTokenWorksOnBothApis() {
    JsonNode application = newApplication();
    // The Public API document spells it grant_type; older Config API documents spell it grant-type.
    JsonNode token = gale.api().beyondAirbyteDocument().withAuthorization(null).post(PUBLIC + "/applications/token",
        Map.of("client_id", application.path("clientId").asText(),
            "client_secret", application.path("clientSecret").asText(), "grant-type", "client_credentials")).expect(200);
    assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.path("expires_in").asLong()).isEqualTo(900);

    ApiClient bearer = gale.api().withAuthorization("Bearer " + token.path("access_token").asText());
    bearer.get(PUBLIC + "/applications").expect(200);
    bearer.send("POST", "/api/v1/workspaces/list", null, null).expect(200);
  }

  @Test
  void formTokenRequestsWorkOnBothTokenEndpoints() {
    JsonNode application = newApplication();
    String form = "grant_type=client_credentials&client_id=" + encode(application.path("clientId").asText())
        + "&client_secret=" + encode(application.path("clientSecret").asText());
    ApiClient anonymous = gale.api().withAuthorization(null);

    for (String path : new String[] {PUBLIC + "/applications/token", "/api/v1/applications/token"}) {
      String accessToken = anonymous.send("POST", path, form, FORM).expect(200).path("access_token").asText();
      gale.api().withAuthorization("Bearer " + accessToken).get(PUBLIC + "/applications").expect(200);
    }
  }

  @Test
  void wrongCredentialsAre401WithoutEchoingTheSecret() {
    JsonNode application = newApplication();
    String secret = application.path("clientSecret").asText();
    ApiClient anonymous = gale.api().withAuthorization(null);

    ApiResponse wrongSecret = anonymous.post(PUBLIC + "/applications/token", Map.of(
        "client_id", application.path("clientId").asText(), "client_secret", secret + "x"));
    wrongSecret.expectProblem(401);
    ApiResponse unknownClient = anonymous.post("/api/v1/applications/token", Map.of(
        "client_id", UUID.randomUUID().toString(), "client_secret", secret));
    unknownClient.expectError(401);
    assertThat(wrongSecret.rawBody() + unknownClient.rawBody()).doesNotContain(secret);
    anonymous.post(PUBLIC + "/applications/token", Map.of("client_id", application.path("clientId").asText(),
        "client_secret", secret, "grant_type", "password")).expectProblem(400);
  }

  @Test
  void missingOrBadTokensAre401WithBothChallenges() {
    ApiResponse none = gale.api().withAuthorization(null).get(PUBLIC + "/applications");
    assertThat(none.expectProblem(401).path("type").asText()).isEqualTo("error:unauthorized");
    assertThat(none.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Bearer"))
        .anyMatch(v -> v.startsWith("Basic"));

    String token = tokenFor(newApplication());
    String[] parts = token.split("\\.");
    String badSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    gale.api().withAuthorization("Bearer " + badSignature).get(PUBLIC + "/applications").expectProblem(401);
    gale.api().withAuthorization("Bearer " + badSignature).post("/api/v1/workspaces/list", "{}").expectError(401);
    gale.api().withAuthorization("Bearer not-a-jwt").get(PUBLIC + "/applications").expectProblem(401);
  }

  @Test
  void expiredTokenIs401() {
    JsonNode application = newApplication();
    SecretCipher cipher = gale.testing().cipher();
    Instant past = Instant.now().minusSeconds(3600);
    String expired = GaleServer.tokenCodec(cipher, Clock.systemUTC()).sign(new TokenClaims("gale",
        application.path("clientId").asText(), past, past.plusSeconds(900), UUID.randomUUID().toString()));

    gale.api().withAuthorization("Bearer " + expired).get(PUBLIC + "/applications").expectProblem(401);
  }

  @Test
  void tokenOfADeletedApplicationIs401() {
    JsonNode application = newApplication();
    ApiClient bearer = gale.api().withAuthorization("Bearer " + tokenFor(application));
    bearer.get(PUBLIC + "/applications").expect(200);

    gale.api().send("DELETE", PUBLIC + "/applications/" + application.path("id").asText(), null, null).expect(200);

    bearer.get(PUBLIC + "/applications").expectProblem(401);
    bearer.post("/api/v1/workspaces/list", "{}").expectError(401);
  }

  @Test
  void secretsAndTokensNeverReachTheLog() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger gale = (Logger) LoggerFactory.getLogger("dev.gale");
    Level level = gale.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    gale.setLevel(Level.DEBUG);
    try {
      JsonNode application = newApplication();
      String secret = application.path("clientSecret").asText();
      String token = tokenFor(application);
      ApiClient anonymous = ApplicationsApiIT.gale.api().withAuthorization(null);
      anonymous.post(PUBLIC + "/applications/token", Map.of("client_id", application.path("clientId").asText(),
          "client_secret", secret + "x")).expectProblem(401);
      anonymous.send("POST", PUBLIC + "/applications/token", "client_secret=" + secret + "&client_id=%ZZ", FORM)
          .expectProblem(400);
      ApplicationsApiIT.gale.api().withAuthorization("Bearer " + token + "x").get(PUBLIC + "/applications")
          .expectProblem(401);

      assertThat(appender.list).isNotEmpty();
      for (ILoggingEvent event : appender.list) {
        String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
        assertThat(line).doesNotContain(secret).doesNotContain(token);
      }
    } finally {
      root.detachAppender(appender);
      gale.setLevel(level);
    }
  }

  private static JsonNode newApplication() {
    return gale.api().post(PUBLIC + "/applications", Map.of("name", "app-" + UUID.randomUUID())).expect(200);
  }

  private static String tokenFor(JsonNode application) {
    return gale.api().withAuthorization(null).post(PUBLIC + "/applications/token", Map.of(
        "client_id", application.path("clientId").asText(), "client_secret", application.path("clientSecret").asText(),
        "grant_type", "client_credentials")).expect(200).path("access_token").asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }
}
