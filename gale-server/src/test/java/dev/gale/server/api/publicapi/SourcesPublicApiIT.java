package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicApiCalls.MASK;
import static dev.gale.server.api.publicapi.PublicApiCalls.delete;
import static dev.gale.server.api.publicapi.PublicApiCalls.get;
import static dev.gale.server.api.publicapi.PublicApiCalls.patch;
import static dev.gale.server.api.publicapi.PublicApiCalls.post;
import static dev.gale.server.api.publicapi.PublicApiCalls.put;
import static dev.gale.server.api.publicapi.PublicApiCalls.walk;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.postgres.source.PostgresSource;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
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
import org.slf4j.LoggerFactory;

/** {@code /api/public/v1/sources}: CRUD with tokens, PATCH and PUT semantics, masking, and wrong requests. */
class SourcesPublicApiIT {
  private static final String PASSWORD = "pg-pass-51c7e0-do-not-show";
  private static final String ROTATED = "pg-rotated-9d2a44-do-not-show";

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  private static ApiClient bearer;
  private static SecretCipher cipher;

  private String workspaceId;
  private final List<String> answers = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    bearer = PublicApiCalls.bearer(gale);
    cipher = gale.testing().cipher();
  }

  @BeforeEach
  void newWorkspace() {
    workspaceId = post(bearer, "/workspaces", Map.of("name", "sources " + UUID.randomUUID())).expect(200)
        .path("workspaceId").asText();
  }

  /** Every answer a test received, errors included, is checked for the passwords. */
  @AfterEach
  void noAnswerShowedAPassword() {
    assertThat(answers).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(PASSWORD, ROTATED));
  }

  @Test
  void sourceIsCreatedReadListedAndDeletedWithAToken() {
    JsonNode created = seen(post(bearer, "/sources", Map.of("name", "Sample", "workspaceId", workspaceId,
        "definitionId", SampleDataSource.DEFINITION_ID.toString(), "configuration", Map.of("count", 10)))).expect(200);
    String id = created.path("sourceId").asText();
    assertThat(created.path("name").asText()).isEqualTo("Sample");
    assertThat(created.path("sourceType").asText()).isEqualTo("faker");
    assertThat(created.path("definitionId").asText()).isEqualTo(SampleDataSource.DEFINITION_ID.toString());
    assertThat(created.path("workspaceId").asText()).isEqualTo(workspaceId);
    assertThat(created.at("/configuration/count").asInt()).isEqualTo(10);
    assertThat(created.path("createdAt").asLong()).isPositive();
    assertThat(seen(get(bearer, "/sources/" + id)).expect(200)).isEqualTo(created);
    // The Config API sees the same source.
    assertThat(gale.api().post("/api/v1/sources/get", Map.of("sourceId", id)).expect(200).path("name").asText())
        .isEqualTo("Sample");

    JsonNode list = seen(get(bearer, "/sources?workspaceIds=" + workspaceId)).expect(200);
    assertThat(list.path("data")).containsExactly(created);

    assertThat(seen(delete(bearer, "/sources/" + id)).expect(204).isMissingNode()).isTrue();
    seen(get(bearer, "/sources/" + id)).expectProblem(404);
    seen(delete(bearer, "/sources/" + id)).expectProblem(404);
    seen(patch(bearer, "/sources/" + id, Map.of("name", "Gone"))).expectProblem(404);
    seen(put(bearer, "/sources/" + id, Map.of("name", "Gone", "configuration", Map.of("count", 1)))).expectProblem(404);
    assertThat(seen(get(bearer, "/sources?workspaceIds=" + workspaceId)).expect(200).path("data").isEmpty()).isTrue();
    assertThat(seen(get(bearer, "/sources?includeDeleted=true&workspaceIds=" + workspaceId)).expect(200).path("data")
        .findValuesAsText("sourceId")).containsExactly(id);
  }

  @Test
  void theDefinitionFollowsFromTheSourceTypeAsTheSdksSendIt() {
    JsonNode sample = seen(post(bearer, "/sources", Map.of("name", "By type", "workspaceId", workspaceId,
        "configuration", Map.of("sourceType", "faker", "count", 5)))).expect(200);
    assertThat(sample.path("definitionId").asText()).isEqualTo(SampleDataSource.DEFINITION_ID.toString());
    assertThat(sample.path("sourceType").asText()).isEqualTo("faker");

    JsonNode postgres = seen(post(bearer, "/sources", Map.of("name", "pg", "workspaceId", workspaceId,
        "configuration", postgresConfig().put("sourceType", "postgres")))).expect(200);
    assertThat(postgres.path("definitionId").asText()).isEqualTo(PostgresSource.DEFINITION_ID.toString());
    assertThat(postgres.path("sourceType").asText()).isEqualTo("postgres");
  }

  @Test
  void thePasswordIsMaskedInEveryAnswerAndKeptInTheStore() {
    JsonNode created = seen(post(bearer, "/sources", postgresSource("Masked"))).expect(200);
    String id = created.path("sourceId").asText();
    assertThat(created.at("/configuration/password").asText()).isEqualTo(MASK);
    assertThat(seen(get(bearer, "/sources/" + id)).expect(200).at("/configuration/password").asText()).isEqualTo(MASK);
    assertThat(seen(get(bearer, "/sources?workspaceIds=" + workspaceId)).expect(200).at("/data/0/configuration/password")
        .asText()).isEqualTo(MASK);
    assertThat(storedSecret(id, "/password")).isEqualTo(PASSWORD);
  }

  @Test
  void patchMergesIntoTheStoredConfigurationAndKeepsTheSecret() {
    String id = seen(post(bearer, "/sources", postgresSource("Before"))).expect(200).path("sourceId").asText();

    JsonNode renamed = seen(patch(bearer, "/sources/" + id, Map.of("name", "After"))).expect(200);
    assertThat(renamed.path("name").asText()).isEqualTo("After");
    assertThat(renamed.at("/configuration/host").asText()).isEqualTo("db.internal");

    JsonNode moved = seen(patch(bearer, "/sources/" + id, Map.of("configuration", Map.of("port", 6543,
        "ssl_mode", Map.of("mode", "require"))))).expect(200);
    assertThat(moved.path("name").asText()).isEqualTo("After");
    assertThat(moved.at("/configuration/port").asInt()).isEqualTo(6543);
    assertThat(moved.at("/configuration/ssl_mode/mode").asText()).isEqualTo("require");
    assertThat(moved.at("/configuration/host").asText()).isEqualTo("db.internal");
    assertThat(moved.at("/configuration/password").asText()).isEqualTo(MASK);
    assertThat(storedSecret(id, "/password")).isEqualTo(PASSWORD);

    // A null removes a property; a new secret replaces the stored one.
    String changes = "{\"configuration\": {\"jdbc_url_params\": null, \"password\": \"" + ROTATED + "\"}}";
    JsonNode rotated = seen(patch(bearer, "/sources/" + id, changes)).expect(200);
    assertThat(rotated.path("configuration").has("jdbc_url_params")).isFalse();
    assertThat(rotated.at("/configuration/password").asText()).isEqualTo(MASK);
    assertThat(storedSecret(id, "/password")).isEqualTo(ROTATED);

    // The result is validated whole.
    JsonNode problem = seen(patch(bearer, "/sources/" + id, Map.of("configuration", Map.of("port", "not a port"))))
        .expectProblem(422);
    assertThat(problem.path("detail").asText()).contains("configuration.port");
    seen(patch(bearer, "/sources/" + id, Map.of("configuration", "port=1"))).expectProblem(422);
    assertThat(seen(get(bearer, "/sources/" + id)).expect(200).at("/configuration/port").asInt()).isEqualTo(6543);
  }

  @Test
  void putReplacesTheWholeConfiguration() {
    JsonNode created = seen(post(bearer, "/sources", postgresSource("Whole"))).expect(200);
    String id = created.path("sourceId").asText();

    // Sent back masked, the password keeps its value; what is left out is gone.
    ObjectNode configuration = (ObjectNode) created.path("configuration").deepCopy();
    configuration.remove("jdbc_url_params");
    configuration.put("database", "warehouse");
    JsonNode replaced = seen(put(bearer, "/sources/" + id, Map.of("name", "Replaced", "configuration", configuration)))
        .expect(200);
    assertThat(replaced.path("name").asText()).isEqualTo("Replaced");
    assertThat(replaced.at("/configuration/database").asText()).isEqualTo("warehouse");
    assertThat(replaced.path("configuration").has("jdbc_url_params")).isFalse();
    assertThat(storedSecret(id, "/password")).isEqualTo(PASSWORD);

    configuration.remove("password");
    JsonNode withoutPassword = seen(put(bearer, "/sources/" + id, Map.of("name", "No password",
        "configuration", configuration))).expect(200);
    assertThat(withoutPassword.path("configuration").has("password")).isFalse();

    seen(put(bearer, "/sources/" + id, Map.of("name", "Half"))).expectProblem(422);
    configuration.remove("host");
    assertThat(seen(put(bearer, "/sources/" + id, Map.of("name", "No host", "configuration", configuration)))
        .expectProblem(422).path("detail").asText()).contains("host");
  }

  @Test
  void listsSelectWorkspacesAndPage() {
    String other = post(bearer, "/workspaces", Map.of("name", "other " + UUID.randomUUID())).expect(200)
        .path("workspaceId").asText();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(seen(post(bearer, "/sources", sample("mine " + i, workspaceId))).expect(200).path("sourceId").asText());
    }
    String theirs = seen(post(bearer, "/sources", sample("theirs", other))).expect(200).path("sourceId").asText();

    List<JsonNode> mine = walk(bearer, "/sources?workspaceIds=" + workspaceId + "&limit=2", 2);
    assertThat(mine.stream().map(row -> row.path("sourceId").asText()).toList()).containsExactlyElementsOf(ids);
    JsonNode both = seen(get(bearer, "/sources?workspaceIds=" + workspaceId + "&workspaceIds=" + other + "&limit=100")).expect(200);
    assertThat(both.path("data").findValuesAsText("sourceId")).hasSize(6).contains(theirs);
    assertThat(both.has("next")).isFalse();
    JsonNode all = seen(get(bearer, "/sources?limit=100")).expect(200);
    assertThat(all.path("data").findValuesAsText("sourceId")).contains(theirs, ids.get(0));

    seen(get(bearer, "/sources?limit=0")).expectProblem(400);
    seen(get(bearer, "/sources?limit=101")).expectProblem(400);
    seen(get(bearer, "/sources?workspaceIds=nope")).expectProblem(400);
  }

  @Test
  void wrongRequestsAre4xxProblems() {
    seen(post(bearer, "/sources", "{\"name\": \"x\",")).expectProblem(400);
    seen(post(bearer, "/sources", Map.of("name", "No config", "workspaceId", workspaceId))).expectProblem(422);
    seen(post(bearer, "/sources", Map.of("name", "Bad id", "workspaceId", "nope", "configuration", Map.of())))
        .expectProblem(422);
    assertThat(seen(post(bearer, "/sources", Map.of("name", "No type", "workspaceId", workspaceId,
        "configuration", Map.of("count", 1)))).expectProblem(422).path("detail").asText()).contains("sourceType");
    assertThat(seen(post(bearer, "/sources", Map.of("name", "Unknown type", "workspaceId", workspaceId,
        "configuration", Map.of("sourceType", "salesforce")))).expectProblem(422).path("detail").asText())
        .contains("salesforce").contains("faker");
    assertThat(seen(post(bearer, "/sources", Map.of("name", "Invalid", "workspaceId", workspaceId,
        "definitionId", SampleDataSource.DEFINITION_ID.toString(), "configuration", Map.of("count", "many"))))
        .expectProblem(422).path("detail").asText()).contains("configuration.count");
    seen(post(bearer, "/sources", Map.of("name", "Array", "workspaceId", workspaceId,
        "definitionId", SampleDataSource.DEFINITION_ID.toString(), "configuration", List.of(1)))).expectProblem(422);
    seen(post(bearer, "/sources", Map.of("name", "Destination definition", "workspaceId", workspaceId,
        "definitionId", DevNullDestination.DEFINITION_ID.toString(), "configuration", Map.of()))).expectProblem(404);
    seen(post(bearer, "/sources", sample("Nowhere", UUID.randomUUID().toString()))).expectProblem(404);
    ObjectNode withOAuth = Json.tree(sample("OAuth", workspaceId)).deepCopy();
    withOAuth.put("secretId", "abc");
    assertThat(seen(post(bearer, "/sources", withOAuth)).expectProblem(422).path("detail").asText()).contains("secretId");

    String id = seen(post(bearer, "/sources", sample("Target", workspaceId))).expect(200).path("sourceId").asText();
    seen(patch(bearer, "/sources/" + id, Map.of("name", " "))).expectProblem(422);
    seen(patch(bearer, "/sources/" + id, Map.of("workspaceId", UUID.randomUUID().toString()))).expectProblem(422);
    assertThat(seen(patch(bearer, "/sources/" + id, Map.of("workspaceId", workspaceId))).expect(200).path("name").asText())
        .isEqualTo("Target");
    seen(get(bearer, "/sources/" + UUID.randomUUID())).expectProblem(404);
    seen(get(bearer, "/sources/not-a-uuid")).expectProblem(404);
    seen(patch(bearer, "/sources/not-a-uuid", Map.of("name", "x"))).expectProblem(404);
    seen(delete(bearer, "/sources/12345")).expectProblem(404);
    // A destination's id is no source's.
    String destination = seen(post(bearer, "/destinations", Map.of("name", "Sink", "workspaceId", workspaceId,
        "configuration", Map.of("destinationType", "dev-null", "test_destination",
            Map.of("test_destination_type", "SILENT"))))).expect(200).path("destinationId").asText();
    seen(get(bearer, "/sources/" + destination)).expectProblem(404);
  }

  @Test
  void passwordsNeverReachTheLog() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger galeLogger = (Logger) LoggerFactory.getLogger("dev.gale");
    Level level = galeLogger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    galeLogger.setLevel(Level.DEBUG);
    try {
      String id = seen(post(bearer, "/sources", postgresSource("Logged"))).expect(200).path("sourceId").asText();
      seen(patch(bearer, "/sources/" + id, Map.of("configuration", Map.of("password", ROTATED, "port", "x"))))
          .expectProblem(422);
      seen(patch(bearer, "/sources/" + id, Map.of("configuration", Map.of("password", ROTATED)))).expect(200);
      seen(put(bearer, "/sources/" + id, Map.of("name", "Logged", "configuration", Map.of("password", PASSWORD))))
          .expectProblem(422);

      assertThat(appender.list).isNotEmpty();
      for (ILoggingEvent event : appender.list) {
        String line = event.getFormattedMessage()
            + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
        assertThat(line).doesNotContain(PASSWORD).doesNotContain(ROTATED);
      }
    } finally {
      root.detachAppender(appender);
      galeLogger.setLevel(level);
    }
  }

  private ApiResponse seen(ApiResponse response) {
    answers.add(response.rawBody());
    return response;
  }

  private Map<String, Object> postgresSource(String name) {
    return Map.of("name", name, "workspaceId", workspaceId, "definitionId", PostgresSource.DEFINITION_ID.toString(),
        "configuration", postgresConfig());
  }

  private static ObjectNode postgresConfig() {
    ObjectNode config = Json.object().put("host", "db.internal").put("port", 5432).put("database", "app")
        .put("username", "reader").put("password", PASSWORD).put("jdbc_url_params", "connectTimeout=5");
    config.putArray("schemas").add("public");
    config.putObject("ssl_mode").put("mode", "disable");
    config.putObject("replication_method").put("method", "Standard");
    return config;
  }

  private static Map<String, Object> sample(String name, String workspace) {
    return Map.of("name", name, "workspaceId", workspace, "definitionId", SampleDataSource.DEFINITION_ID.toString(),
        "configuration", Map.of("count", 1));
  }

  /** Decrypts the envelope stored at a JSON pointer, with the key the server uses. */
  private static String storedSecret(String sourceId, String pointer) {
    String row = gale.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT configuration FROM actor WHERE id = :id")
        .bind("id", UUID.fromString(sourceId))
        .mapTo(String.class)
        .one());
    String envelope = Json.parse(row).at(pointer).asText();
    assertThat(SecretCipher.isEnvelope(envelope)).as("%s is stored as an envelope", pointer).isTrue();
    return Json.parse(cipher.decrypt(envelope)).asText();
  }
}
