package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.SecretApiSource;
import dev.gale.server.testing.GaleServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secrets through {@code /api/v1/sources/*}, with the test-only {@link SecretApiSource} whose specification declares a
 * top-level and a nested secret: they are stored only encrypted, never answered, and kept when sent back masked.
 */
class ActorSecretsApiIT {
  static final String MASK = "**********";
  static final String API_KEY = "sk-live-7c1f9e2a-do-not-show";
  static final String PROXY_PASSWORD = "pw-3b8d41-do-not-show";
  static final String ROTATED_API_KEY = "sk-rotated-5e02-do-not-show";

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  private static SecretCipher cipher;

  UUID workspaceId;
  final List<String> answers = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    cipher = gale.testing().cipher();
  }

  @BeforeEach
  void newWorkspace() {
    workspaceId = UUID.fromString(post("/api/v1/workspaces/create", Map.of("name", "secrets " + UUID.randomUUID()))
        .expect(200).path("workspaceId").asText());
  }

  /** Every answer any test received, errors included, is checked for the secrets' values. */
  @AfterEach
  void noAnswerShowedASecret() {
    assertThat(answers).isNotEmpty()
        .allSatisfy(body -> assertThat(body).doesNotContain(API_KEY, PROXY_PASSWORD, ROTATED_API_KEY));
  }

  @Test
  void everyAnswerMasksEverySecret() {
    JsonNode created = create("Masked", config());
    UUID id = id(created);

    JsonNode masked = created.path("connectionConfiguration");
    assertThat(masked.path("api_key").asText()).isEqualTo(MASK);
    assertThat(masked.at("/proxy/password").asText()).isEqualTo(MASK);
    assertThat(masked.path("endpoint").asText()).isEqualTo("https://api.example.com/v2");
    assertThat(masked.at("/proxy/host").asText()).isEqualTo("proxy.internal");
    assertThat(post("/api/v1/sources/get", Map.of("sourceId", id)).expect(200)).isEqualTo(created);
    assertThat(post("/api/v1/sources/list", Map.of("workspaceId", workspaceId)).expect(200).path("sources"))
        .containsExactly(created);
    assertThat(post("/api/v1/sources/search", Map.of("sourceId", id)).expect(200).path("sources")).containsExactly(created);
    assertThat(post("/api/v1/sources/clone", Map.of("sourceCloneId", id)).expect(200).path("connectionConfiguration"))
        .isEqualTo(masked);
  }

  @Test
  void theStoredRowHoldsSecretsOnlyEncrypted() {
    UUID id = id(create("Stored", config()));

    String row = storedRow(id);

    assertThat(row).doesNotContain(API_KEY, PROXY_PASSWORD).contains("https://api.example.com/v2", "proxy.internal");
    assertThat(storedSecret(id, "/api_key")).isEqualTo(API_KEY);
    assertThat(storedSecret(id, "/proxy/password")).isEqualTo(PROXY_PASSWORD);
  }

  @Test
  void aConfigurationSentBackMaskedKeepsTheStoredSecrets() {
    JsonNode updated = sendBackChanged("endpoint", "https://api.example.com/v3");

    assertThat(updated.at("/connectionConfiguration/endpoint").asText()).isEqualTo("https://api.example.com/v3");
    assertThat(updated.at("/connectionConfiguration/api_key").asText()).isEqualTo(MASK);
    assertThat(storedSecret(id(updated), "/api_key")).isEqualTo(API_KEY);
    assertThat(storedSecret(id(updated), "/proxy/password")).isEqualTo(PROXY_PASSWORD);
    assertThat(Json.parse(storedRow(id(updated))).path("endpoint").asText()).isEqualTo("https://api.example.com/v3");
  }

  @Test
  void aSecretSentInPlainReplacesTheStoredOne() {
    JsonNode updated = sendBackChanged("api_key", ROTATED_API_KEY);

    assertThat(updated.at("/connectionConfiguration/api_key").asText()).isEqualTo(MASK);
    assertThat(storedSecret(id(updated), "/api_key")).isEqualTo(ROTATED_API_KEY);
    assertThat(storedSecret(id(updated), "/proxy/password")).isEqualTo(PROXY_PASSWORD);
  }

  @Test
  void aSecretSentMaskedWithNothingStoredIs422() {
    ObjectNode maskedKey = config().put("api_key", MASK);
    assertThat(ActorsApiIT.paths(post("/api/v1/sources/create", createBody("No key", maskedKey)).expectError(422)))
        .containsExactly("connectionConfiguration.api_key");

    ObjectNode withoutProxy = config();
    withoutProxy.remove("proxy");
    JsonNode read = create("No proxy", withoutProxy);
    ObjectNode maskedProxyPassword = read.path("connectionConfiguration").deepCopy();
    maskedProxyPassword.putObject("proxy").put("host", "proxy.internal").put("password", MASK);
    assertThat(ActorsApiIT.paths(update(id(read), "No proxy", maskedProxyPassword).expectError(422)))
        .containsExactly("connectionConfiguration.proxy.password");
  }

  @Test
  void validationErrorsNamePathsButNeverShowASecret() {
    ObjectNode invalid = config().put("page_size", 0);
    ((ObjectNode) invalid.path("proxy")).remove("host");

    JsonNode error = post("/api/v1/sources/create", createBody("Invalid", invalid)).expectError(422);

    assertThat(ActorsApiIT.paths(error)).containsExactlyInAnyOrder("connectionConfiguration.page_size",
        "connectionConfiguration.proxy.host");
    ObjectNode mistypedSecret = config().put("api_key", 73_519_004L);
    JsonNode secretError = post("/api/v1/sources/create", createBody("Mistyped", mistypedSecret)).expectError(422);
    assertThat(ActorsApiIT.paths(secretError)).containsExactly("connectionConfiguration.api_key");
    assertThat(secretError.path("validationErrors").get(0).path("invalidValue").textValue()).isNull();
    assertThat(answers.getLast()).doesNotContain("73519004");
  }

  @Test
  void searchNeverComparesSecretValues() {
    UUID id = id(create("Searched", config()));

    assertThat(searchByConfiguration(Map.of("api_key", API_KEY))).containsExactly(id);
    assertThat(searchByConfiguration(Map.of("api_key", "a guess"))).as("a search must not tell a secret").containsExactly(id);
    assertThat(searchByConfiguration(Map.of("endpoint", "https://api.example.com/v2", "page_size", 50.0)))
        .containsExactly(id);
    assertThat(searchByConfiguration(Map.of("endpoint", "https://elsewhere.example.com"))).isEmpty();
  }

  @Test
  void aCloneKeepsTheSecretsUnlessGivenNewOnes() {
    JsonNode original = create("Original", config());
    ObjectNode otherEndpoint = original.path("connectionConfiguration").deepCopy();
    otherEndpoint.put("endpoint", "https://eu.api.example.com/v2");

    UUID copy = id(post("/api/v1/sources/clone", Map.of("sourceCloneId", id(original))).expect(200));
    UUID reconfigured = id(post("/api/v1/sources/clone", Map.of("sourceCloneId", id(original),
        "sourceConfiguration", Map.of("connectionConfiguration", otherEndpoint))).expect(200));

    for (UUID clone : List.of(copy, reconfigured)) {
      assertThat(storedRow(clone)).doesNotContain(API_KEY, PROXY_PASSWORD);
      assertThat(storedSecret(clone, "/api_key")).isEqualTo(API_KEY);
      assertThat(storedSecret(clone, "/proxy/password")).isEqualTo(PROXY_PASSWORD);
    }
    assertThat(Json.parse(storedRow(reconfigured)).path("endpoint").asText()).isEqualTo("https://eu.api.example.com/v2");
  }

  private static ObjectNode config() {
    ObjectNode config = Json.object().put("api_key", API_KEY).put("endpoint", "https://api.example.com/v2")
        .put("page_size", 50);
    config.putObject("proxy").put("host", "proxy.internal").put("password", PROXY_PASSWORD);
    return config;
  }

  /** Creates a source, then sends its masked configuration back with one property changed, as scripts do. */
  private JsonNode sendBackChanged(String property, String value) {
    JsonNode read = create("Sent back", config());
    ObjectNode changed = read.path("connectionConfiguration").deepCopy();
    changed.put(property, value);
    return update(id(read), "Sent back", changed).expect(200);
  }

  private JsonNode create(String name, JsonNode config) {
    return post("/api/v1/sources/create", createBody(name, config)).expect(200);
  }

  private ObjectNode createBody(String name, JsonNode config) {
    ObjectNode body = Json.object().put("workspaceId", workspaceId.toString()).put("name", name)
        .put("sourceDefinitionId", SecretApiSource.DEFINITION_ID.toString());
    body.set("connectionConfiguration", config);
    return body;
  }

  private ApiResponse update(UUID id, String name, JsonNode config) {
    ObjectNode body = Json.object().put("sourceId", id.toString()).put("name", name);
    body.set("connectionConfiguration", config);
    return post("/api/v1/sources/update", body);
  }

  private List<UUID> searchByConfiguration(Map<String, Object> properties) {
    List<UUID> ids = new ArrayList<>();
    post("/api/v1/sources/search", Map.of("workspaceId", workspaceId, "connectionConfiguration", properties))
        .expect(200).path("sources").forEach(read -> ids.add(id(read)));
    return ids;
  }

  private ApiResponse post(String path, Object body) {
    ApiResponse response = gale.api().post(path, body);
    answers.add(response.rawBody());
    return response;
  }

  /** The configuration column as the database holds it. */
  private static String storedRow(UUID id) {
    return gale.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT configuration FROM actor WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .one());
  }

  /** Decrypts the envelope stored at a JSON pointer, with the key the server uses. */
  private static String storedSecret(UUID id, String pointer) {
    String envelope = Json.parse(storedRow(id)).at(pointer).asText();
    assertThat(SecretCipher.isEnvelope(envelope)).as("%s is stored as an envelope", pointer).isTrue();
    return Json.parse(cipher.decrypt(envelope)).asText();
  }

  private static UUID id(JsonNode read) {
    return UUID.fromString(read.path("sourceId").asText());
  }
}
