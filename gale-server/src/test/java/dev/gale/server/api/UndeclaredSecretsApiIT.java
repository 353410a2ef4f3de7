package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.connectors.postgres.source.PostgresSource;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.SecretApiSource;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Secrets a specification does not declare: properties whose names Airbyte's connectors keep secrets under
 * ({@code client_secret}, {@code *_token}, {@code credentials} ...) are stored encrypted and answered masked like
 * declared ones, through the Config API and the Public API; and an SSH tunnel, which no Gale connector can open, is
 * refused naming {@code tunnel_method} rather than stored and ignored. No test may let one of these values reach an
 * answer, the store or the log.
 */
class UndeclaredSecretsApiIT {
  static final String MASK = "**********";
  static final String PUBLIC = "/api/public/v1";
  static final String API_KEY = "sk-declared-1f0c-do-not-show";
  static final String CLIENT_SECRET = "cs-undeclared-8a51-do-not-show";
  static final String MY_TOKEN = "tk-undeclared-2e9b-do-not-show";
  static final String CREDENTIAL = "cred-undeclared-77d3-do-not-show";
  static final String TUNNEL_PASSWORD = "ssh-pw-4c21-do-not-show";
  static final String SSH_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----b3BlbnNzaC1rZXktdjEAAAAA-do-not-show";
  static final String DB_PASSWORD = "pg-pw-0b6e-do-not-show";
  static final List<String> SECRETS =
      List.of(API_KEY, CLIENT_SECRET, MY_TOKEN, CREDENTIAL, TUNNEL_PASSWORD, SSH_KEY, DB_PASSWORD);

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  private static SecretCipher cipher;
  private static ApiClient bearer;

  UUID workspaceId;
  final List<String> answers = new ArrayList<>();
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private Level galeLevel;

  @BeforeAll
  static void setUp() {
    cipher = gale.testing().cipher();
    bearer = publicApiClient();
  }

  @BeforeEach
  void newWorkspaceAndLog() {
    Logger galeLogger = (Logger) LoggerFactory.getLogger("dev.gale");
    galeLevel = galeLogger.getLevel();
    galeLogger.setLevel(Level.DEBUG);
    log.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    workspaceId = UUID.fromString(post("/api/v1/workspaces/create", Map.of("name", "undeclared " + UUID.randomUUID()))
        .expect(200).path("workspaceId").asText());
  }

  /** No answer, no log line and no stored configuration of any test holds a secret's value. */
  @AfterEach
  void noSecretLeft() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    ((Logger) LoggerFactory.getLogger("dev.gale")).setLevel(galeLevel);
    assertThat(answers).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(SECRETS));
    for (ILoggingEvent event : log.list) {
      String line = event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      assertThat(line).doesNotContain(SECRETS);
    }
    List<String> rows = gale.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT configuration FROM actor").mapTo(String.class).list());
    assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContain(SECRETS));
  }

  @Test
  void undeclaredSecretLikePropertiesAreStoredOnlyEncrypted() {
    UUID id = id(create("Stored", config()));

    String row = storedRow(id);
    assertThat(row).contains("\"region\":\"eu-west-1\"", "\"auth_type\":\"OAuth\"");
    assertThat(storedSecret(id, "/client_secret")).isEqualTo(Json.tree(CLIENT_SECRET));
    assertThat(storedSecret(id, "/my_token")).isEqualTo(Json.tree(MY_TOKEN));
    assertThat(storedSecret(id, "/credentials")).isEqualTo(Json.object().put("anything", CREDENTIAL).put("slot", 7));
    assertThat(storedSecret(id, "/oauth/refresh_token")).isEqualTo(Json.tree(MY_TOKEN + "-refresh"));
  }

  @Test
  void everyAnswerOfBothApisMasksThem() {
    JsonNode created = create("Masked", config());
    UUID id = id(created);

    JsonNode masked = created.path("connectionConfiguration");
    assertThat(masked.path("client_secret").asText()).isEqualTo(MASK);
    assertThat(masked.path("my_token").asText()).isEqualTo(MASK);
    assertThat(masked.path("credentials").asText()).isEqualTo(MASK);
    assertThat(masked.at("/oauth/refresh_token").asText()).isEqualTo(MASK);
    assertThat(masked.at("/oauth/auth_type").asText()).isEqualTo("OAuth");
    assertThat(masked.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(post("/api/v1/sources/get", Map.of("sourceId", id)).expect(200)).isEqualTo(created);
    assertThat(post("/api/v1/sources/list", Map.of("workspaceId", workspaceId)).expect(200).path("sources"))
        .containsExactly(created);
    assertThat(post("/api/v1/sources/search", Map.of("sourceId", id)).expect(200).path("sources")).containsExactly(created);
    assertThat(post("/api/v1/sources/clone", Map.of("sourceCloneId", id)).expect(200).path("connectionConfiguration"))
        .isEqualTo(masked);

    JsonNode publicRead = seen(bearer.get(PUBLIC + "/sources/" + id)).expect(200);
    assertThat(publicRead.path("configuration")).isEqualTo(masked);
    JsonNode publicList = seen(bearer.get(PUBLIC + "/sources?workspaceIds=" + workspaceId)).expect(200);
    assertThat(publicList.path("data")).isNotEmpty()
        .allSatisfy(source -> assertThat(source.at("/configuration/client_secret").asText()).isEqualTo(MASK));
  }

  @Test
  void aConfigurationSentBackMaskedKeepsTheStoredValues() {
    JsonNode read = create("Sent back", config());
    ObjectNode changed = read.path("connectionConfiguration").deepCopy();
    changed.put("region", "us-east-1");

    JsonNode updated = update(id(read), changed).expect(200);

    assertThat(updated.at("/connectionConfiguration/region").asText()).isEqualTo("us-east-1");
    assertThat(storedSecret(id(updated), "/client_secret")).isEqualTo(Json.tree(CLIENT_SECRET));
    assertThat(storedSecret(id(updated), "/credentials").path("anything").asText()).isEqualTo(CREDENTIAL);
    assertThat(storedSecret(id(updated), "/api_key")).isEqualTo(Json.tree(API_KEY));

    JsonNode patched = seen(bearer.patch(PUBLIC + "/sources/" + id(read),
        Map.of("configuration", Map.of("region", "ap-south-1", "my_token", MASK)))).expect(200);
    assertThat(patched.at("/configuration/my_token").asText()).isEqualTo(MASK);
    assertThat(storedSecret(id(read), "/my_token")).isEqualTo(Json.tree(MY_TOKEN));
  }

  @Test
  void aTunnelIsRefusedOnEveryConfigApiPathNamingTunnelMethod() {
    for (ObjectNode tunnel : List.of(passwordTunnel(), keyTunnel())) {
      assertTunnelRefused(post("/api/v1/sources/create", postgresSourceBody("Tunnel", withTunnel(tunnel))),
          "connectionConfiguration.tunnel_method");
      assertTunnelRefused(post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId, "name", "Tunnel",
          "destinationDefinitionId", PostgresDestination.DEFINITION_ID, "connectionConfiguration",
          withTunnel(postgresDestinationConfig(), tunnel))), "connectionConfiguration.tunnel_method");
      assertTunnelRefused(post("/api/v1/scheduler/sources/check_connection", Map.of("workspaceId", workspaceId,
          "sourceDefinitionId", PostgresSource.DEFINITION_ID, "connectionConfiguration", withTunnel(tunnel))),
          "connectionConfiguration.tunnel_method");
      assertTunnelRefused(post("/api/v1/scheduler/destinations/check_connection", Map.of("workspaceId", workspaceId,
          "destinationDefinitionId", PostgresDestination.DEFINITION_ID, "connectionConfiguration",
          withTunnel(postgresDestinationConfig(), tunnel))), "connectionConfiguration.tunnel_method");
    }

    JsonNode direct = post("/api/v1/sources/create", postgresSourceBody("Direct", withTunnel(noTunnel()))).expect(200);
    UUID id = id(direct);
    assertThat(direct.at("/connectionConfiguration/tunnel_method/tunnel_method").asText()).isEqualTo("NO_TUNNEL");
    assertThat(direct.at("/connectionConfiguration/password").asText()).isEqualTo(MASK);
    ObjectNode tunnelled = direct.path("connectionConfiguration").deepCopy();
    tunnelled.set("tunnel_method", keyTunnel());
    assertTunnelRefused(update(id, tunnelled), "connectionConfiguration.tunnel_method");
    assertTunnelRefused(post("/api/v1/sources/check_connection_for_update", Map.of("sourceId", id, "name", "Direct",
        "connectionConfiguration", tunnelled)), "connectionConfiguration.tunnel_method");
    assertTunnelRefused(post("/api/v1/sources/clone", Map.of("sourceCloneId", id, "sourceConfiguration",
        Map.of("connectionConfiguration", tunnelled))), "sourceConfiguration.connectionConfiguration.tunnel_method");
    assertThat(post("/api/v1/sources/get", Map.of("sourceId", id)).expect(200).at("/connectionConfiguration/tunnel_method"))
        .isEqualTo(noTunnel());
  }

  @Test
  void aTunnelIsRefusedThroughThePublicApiNamingTunnelMethod() {
    for (ObjectNode tunnel : List.of(passwordTunnel(), keyTunnel())) {
      ObjectNode source = withTunnel(tunnel).put("sourceType", "postgres");
      assertPublicTunnelRefused(bearer.post(PUBLIC + "/sources", Map.of("name", "Tunnel",
          "workspaceId", workspaceId, "configuration", source)));
      assertPublicTunnelRefused(bearer.post(PUBLIC + "/destinations", Map.of("name", "Tunnel",
          "workspaceId", workspaceId, "definitionId", PostgresDestination.DEFINITION_ID,
          "configuration", withTunnel(postgresDestinationConfig(), tunnel))));
    }

    JsonNode direct = seen(bearer.post(PUBLIC + "/sources", Map.of("name", "Direct", "workspaceId", workspaceId,
        "definitionId", PostgresSource.DEFINITION_ID, "configuration", withTunnel(noTunnel())))).expect(200);
    String id = direct.path("sourceId").asText();
    assertPublicTunnelRefused(bearer.patch(PUBLIC + "/sources/" + id,
        Map.of("configuration", Map.of("tunnel_method", passwordTunnel()))));
    assertThat(seen(bearer.get(PUBLIC + "/sources/" + id)).expect(200).at("/configuration/tunnel_method"))
        .isEqualTo(noTunnel());
  }

  @Test
  void aTunnelSavedBeforeTunnelsWereRefusedIsRefusedWhenUsed() {
    ObjectNode legacyTunnel = Json.object().put("tunnel_method", "SSH_PASSWORD_AUTH").put("tunnel_host", "bastion")
        .put("tunnel_port", 22).put("tunnel_user", "gale")
        .put("tunnel_user_password", cipher.encrypt(Json.write(Json.tree("legacy-tunnel-password"))));
    ObjectNode stored = withTunnel(postgresSourceConfig(), legacyTunnel);
    stored.put("password", cipher.encrypt(Json.write(Json.tree("legacy-db-password"))));
    Instant now = Instant.now();
    Actor saved = new Actor(UUID.randomUUID(), workspaceId, PostgresSource.DEFINITION_ID, ActorType.SOURCE,
        "Saved with a tunnel", stored, false, now, now);
    new TestingStore(gale.server()).actors.insert(saved);

    assertTunnelRefused(post("/api/v1/sources/check_connection", Map.of("sourceId", saved.id())),
        "connectionConfiguration.tunnel_method");
  }

  private void assertTunnelRefused(ApiResponse response, String path) {
    seen(response);
    JsonNode error = response.expectError(422);
    assertThat(ActorsApiIT.paths(error)).containsExactly(path);
    assertThat(error.path("validationErrors").get(0).path("invalidValue").isMissingNode()
        || error.path("validationErrors").get(0).path("invalidValue").isNull()).isTrue();
    assertThat(error.path("message").asText()).contains("SSH tunnels", "NO_TUNNEL");
  }

  private void assertPublicTunnelRefused(ApiResponse response) {
    seen(response);
    assertThat(response.expectProblem(422).path("detail").asText())
        .startsWith("configuration.tunnel_method: ").contains("NO_TUNNEL");
  }

  /** A Secret API configuration with its declared secret and undeclared ones the name rule must catch. */
  private static ObjectNode config() {
    ObjectNode config = Json.object().put("api_key", API_KEY).put("endpoint", "https://api.example.com/v2")
        .put("client_secret", CLIENT_SECRET).put("my_token", MY_TOKEN).put("region", "eu-west-1");
    config.putObject("credentials").put("anything", CREDENTIAL).put("slot", 7);
    config.putObject("oauth").put("auth_type", "OAuth").put("refresh_token", MY_TOKEN + "-refresh");
    return config;
  }

  private static ObjectNode postgresSourceConfig() {
    ObjectNode config = Json.object().put("host", "db.internal").put("port", 5432).put("database", "app")
        .put("username", "reader").put("password", DB_PASSWORD);
    config.putArray("schemas").add("public");
    config.putObject("ssl_mode").put("mode", "disable");
    config.putObject("replication_method").put("method", "Standard");
    return config;
  }

  private static ObjectNode postgresDestinationConfig() {
    ObjectNode config = Json.object().put("host", "db.internal").put("port", 5432).put("database", "warehouse")
        .put("username", "writer").put("password", DB_PASSWORD).put("schema", "public");
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }

  private static ObjectNode withTunnel(ObjectNode tunnel) {
    return withTunnel(postgresSourceConfig(), tunnel);
  }

  private static ObjectNode withTunnel(ObjectNode config, ObjectNode tunnel) {
    config.set("tunnel_method", tunnel);
    return config;
  }

  private static ObjectNode passwordTunnel() {
    return Json.object().put("tunnel_method", "SSH_PASSWORD_AUTH").put("tunnel_host", "bastion.internal")
        .put("tunnel_port", 22).put("tunnel_user", "airbyte").put("tunnel_user_password", TUNNEL_PASSWORD);
  }

  private static ObjectNode keyTunnel() {
    return Json.object().put("tunnel_method", "SSH_KEY_AUTH").put("tunnel_host", "bastion.internal")
        .put("tunnel_port", 22).put("tunnel_user", "airbyte").put("ssh_key", SSH_KEY);
  }

  private static ObjectNode noTunnel() {
    return Json.object().put("tunnel_method", "NO_TUNNEL");
  }

  private Map<String, Object> postgresSourceBody(String name, ObjectNode config) {
    return Map.of("workspaceId", workspaceId, "name", name, "sourceDefinitionId", PostgresSource.DEFINITION_ID,
        "connectionConfiguration", config);
  }

  private JsonNode create(String name, JsonNode config) {
    ObjectNode body = Json.object().put("workspaceId", workspaceId.toString()).put("name", name)
        .put("sourceDefinitionId", SecretApiSource.DEFINITION_ID.toString());
    body.set("connectionConfiguration", config);
    return post("/api/v1/sources/create", body).expect(200);
  }

  private ApiResponse update(UUID id, JsonNode config) {
    ObjectNode body = Json.object().put("sourceId", id.toString()).put("name", "Updated");
    body.set("connectionConfiguration", config);
    return post("/api/v1/sources/update", body);
  }

  private ApiResponse post(String path, Object body) {
    return seen(gale.api().post(path, body));
  }

  private ApiResponse seen(ApiResponse response) {
    answers.add(response.rawBody());
    return response;
  }

  /** A client with a bearer token bought with the default application's credentials, as Public API scripts use. */
  private static ApiClient publicApiClient() {
    JsonNode application = null;
    for (JsonNode candidate : gale.api().get(PUBLIC + "/applications").expect(200).path("applications")) {
      if (candidate.path("name").asText().equals("Default application")) {
        application = candidate;
      }
    }
    assertThat(application).as("the default application").isNotNull();
    String token = gale.api().withAuthorization(null).post(PUBLIC + "/applications/token", Map.of(
            "client_id", application.path("clientId").asText(), "client_secret", application.path("clientSecret").asText(),
            "grant_type", "client_credentials"))
        .expect(200).path("access_token").asText();
    return gale.api().withAuthorization("Bearer " + token);
  }

  private static String storedRow(UUID id) {
    return gale.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT configuration FROM actor WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .one());
  }

  /** Decrypts the envelope stored at a JSON pointer, with the key the server uses, into the JSON value it holds. */
  private static JsonNode storedSecret(UUID id, String pointer) {
    String envelope = Json.parse(storedRow(id)).at(pointer).asText();
    assertThat(SecretCipher.isEnvelope(envelope)).as("%s is stored as an envelope", pointer).isTrue();
    return Json.parse(cipher.decrypt(envelope));
  }

  private static UUID id(JsonNode read) {
    return UUID.fromString(read.path("sourceId").asText());
  }
}
