package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.GaleServerExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/v1/sources/*} and {@code /api/v1/destinations/*}, the same behaviour run once per family: with the
 * built-in Sample Data source and the Dev Null destination.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("families")
class ActorsApiIT {
  static final UUID SAMPLE_DATA = UUID.fromString("dfd88b22-b603-4c3d-aad7-3701784586b1");
  static final UUID DEV_NULL = UUID.fromString("a7bcc9d8-13b3-4e49-b80d-d020b90045e3");
  static final String SAMPLE_CONFIG = "{\"count\":1000,\"seed\":42}";
  static final String DEV_NULL_CONFIG = "{\"test_destination\":{\"test_destination_type\":\"SILENT\"}}";

  /**
   * One API family and the connector it is tested with.
   *
   * @param otherConfig another valid configuration
   * @param invalidConfig a configuration the specification rejects at {@code invalidPath}
   * @param unmatchedConfig a configuration property no actor created here has
   */
  record Family(String label, UUID definitionId, UUID otherTypeDefinitionId, String config, String otherConfig,
                String invalidConfig, String invalidPath, String unmatchedConfig) {
    String path(String method) {
      return "/api/v1/" + label + "s/" + method;
    }

    String id() {
      return label + "Id";
    }

    String definitionIdField() {
      return label + "DefinitionId";
    }

    @Override
    public String toString() {
      return label;
    }
  }

  static List<Family> families() {
    return List.of(
        new Family("source", SAMPLE_DATA, DEV_NULL, SAMPLE_CONFIG, "{\"count\":5,\"seed\":7,\"parallelism\":2}",
            "{\"count\":0}", "connectionConfiguration.count", "{\"count\":999999}"),
        new Family("destination", DEV_NULL, SAMPLE_DATA, DEV_NULL_CONFIG, DEV_NULL_CONFIG, "{}",
            "connectionConfiguration.test_destination", "{\"test_destination\":{\"test_destination_type\":\"LOGGING\"}}"));
  }

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  @Parameter
  Family family;

  UUID workspaceId;


  @BeforeEach
  void newWorkspace() {
    workspaceId = createWorkspace("actors " + UUID.randomUUID());
  }

  @Test
  void createAnswersTheActorWithItsDefinitionsNameAndIcon() {
    Instant before = Instant.now().minusSeconds(1);
    JsonNode created = create("Mine", family.config());

    JsonNode definition = gale.api().post("/api/v1/" + family.label() + "_definitions/get",
        Map.of(family.definitionIdField(), family.definitionId())).expect(200);
    assertThat(created.path(family.id()).asText()).isNotBlank();
    assertThat(created.path("workspaceId").asText()).isEqualTo(workspaceId.toString());
    assertThat(created.path(family.definitionIdField()).asText()).isEqualTo(family.definitionId().toString());
    assertThat(created.path("name").asText()).isEqualTo("Mine");
    assertThat(created.path(family.label() + "Name").asText()).isEqualTo(definition.path("name").asText());
    assertThat(created.path("icon").asText()).isNotBlank().isEqualTo(definition.path("icon").asText());
    assertThat(created.path("connectionConfiguration")).isEqualTo(Json.parse(family.config()));
    assertThat(created.path("createdAt").asLong()).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond() + 1);
    assertThat(get(id(created)).expect(200)).isEqualTo(created);
  }

  @Test
  void createNeedsALiveWorkspace() {
    gale.api().post(family.path("create"), createBody(UUID.randomUUID(), family.definitionId(), "x", family.config()))
        .expectError(404);
    UUID deleted = createWorkspace("to delete");
    gale.api().post("/api/v1/workspaces/delete", Map.of("workspaceId", deleted)).expect(204);

    JsonNode error = gale.api().post(family.path("create"), createBody(deleted, family.definitionId(), "x", family.config()))
        .expectError(404);

    assertThat(error.path("message").asText()).contains("workspace", deleted.toString());
  }

  @Test
  void createNeedsALiveDefinitionOfItsTypeThatTheWorkspaceMayUse() {
    UUID unknown = UUID.randomUUID();
    assertThat(gale.api().post(family.path("create"), createBody(workspaceId, unknown, "x", family.config())).expectError(404)
        .path("id").asText()).isEqualTo(unknown.toString());

    JsonNode wrongType = gale.api().post(family.path("create"),
        createBody(workspaceId, family.otherTypeDefinitionId(), "x", family.config())).expectError(404);
    assertThat(wrongType.path("message").asText()).contains("Could not find " + family.label() + " definition",
        family.otherTypeDefinitionId().toString(), "it is a " + (family.label().equals("source") ? "destination" : "source")
            + " definition");

    UUID elsewhere = createCustomDefinition(createWorkspace("other"));
    gale.api().post(family.path("create"), createBody(workspaceId, elsewhere, "x", family.config())).expectError(404);

    UUID custom = createCustomDefinition(workspaceId);
    create(workspaceId, custom, "from custom", family.config()).expect(200);
    gale.api().post("/api/v1/" + family.label() + "_definitions/delete", Map.of(family.definitionIdField(), custom)).expect(204);
    create(workspaceId, custom, "from deleted", family.config()).expectError(404);
  }

  @Test
  void createRejectsAConfigurationItsSpecificationRejects() {
    JsonNode error = create(workspaceId, family.definitionId(), "bad", family.invalidConfig()).expectError(422);

    assertThat(paths(error)).contains(family.invalidPath());
    assertThat(list(workspaceId)).isEmpty();
  }

  @Test
  void createRejectsMissingBlankAndMistypedProperties() {
    JsonNode missing = gale.api().post(family.path("create"), Map.of("workspaceId", workspaceId,
        family.definitionIdField(), family.definitionId(), "connectionConfiguration", Json.parse(family.config())))
        .expectError(422);
    assertThat(paths(missing)).containsExactly("name");

    assertThat(paths(create(workspaceId, family.definitionId(), " ", family.config()).expectError(422))).containsExactly("name");
    assertThat(paths(create(workspaceId, family.definitionId(), "x", "\"not an object\"").expectError(422)))
        .containsExactly("connectionConfiguration");
    assertThat(paths(create(workspaceId, family.definitionId(), "x", "null").expectError(422)))
        .containsExactly("connectionConfiguration");

    ObjectNode mistyped = createBody(workspaceId, family.definitionId(), "x", family.config());
    mistyped.put("workspaceId", "not-a-uuid");
    assertThat(paths(gale.api().post(family.path("create"), mistyped).expectError(422))).containsExactly("workspaceId");
  }

  @Test
  void updateReplacesNameAndConfiguration() {
    JsonNode created = create("Before", family.config());

    JsonNode updated = update(id(created), "After", family.otherConfig()).expect(200);

    assertThat(updated.path("name").asText()).isEqualTo("After");
    assertThat(updated.path("connectionConfiguration")).isEqualTo(Json.parse(family.otherConfig()));
    assertThat(updated.path("createdAt")).isEqualTo(created.path("createdAt"));
    assertThat(get(id(created)).expect(200)).isEqualTo(updated);
  }

  @Test
  void updateValidatesAndChangesNothingWhenInvalid() {
    JsonNode created = create("Kept", family.config());

    assertThat(paths(update(id(created), "Changed", family.invalidConfig()).expectError(422))).contains(family.invalidPath());
    assertThat(paths(update(id(created), "", family.config()).expectError(422))).containsExactly("name");
    assertThat(paths(gale.api().post(family.path("update"), Map.of(family.id(), id(created), "name", "x")).expectError(422)))
        .containsExactly("connectionConfiguration");

    assertThat(get(id(created)).expect(200)).isEqualTo(created);
  }

  @Test
  void unknownIdsAndIdsOfTheOtherTypeAre404() {
    UUID unknown = UUID.randomUUID();
    assertThat(get(unknown).expectError(404).path("message").asText())
        .isEqualTo("Could not find " + family.label() + " with id: " + unknown);
    update(unknown, "x", family.config()).expectError(404);
    gale.api().post(family.path("clone"), Map.of(family.label() + "CloneId", unknown)).expectError(404);
    gale.api().post(family.path("delete"), Map.of(family.id(), unknown)).expectError(404);

    UUID other = otherTypeActor();
    assertThat(get(other).expectError(404).path("message").asText()).contains(other.toString(), "it is a");
    update(other, "x", family.config()).expectError(404);
    gale.api().post(family.path("delete"), Map.of(family.id(), other)).expectError(404);
    assertThat(paths(gale.api().post(family.path("get"), Map.of(family.id(), "nope")).expectError(422))).containsExactly(family.id());
  }

  @Test
  void listShowsTheLiveActorsOfOneWorkspaceByName() {
    UUID b = id(create("b", family.config()));
    UUID a = id(create("A", family.config()));
    UUID deleted = id(create("deleted", family.config()));
    gale.api().post(family.path("delete"), Map.of(family.id(), deleted)).expect(204);
    UUID otherWorkspace = createWorkspace("other");
    create(otherWorkspace, family.definitionId(), "elsewhere", family.config()).expect(200);
    otherTypeActor();

    assertThat(list(workspaceId)).containsExactly(a, b);
    gale.api().post(family.path("list"), Map.of("workspaceId", UUID.randomUUID())).expectError(404);
  }

  @Test
  void searchMatchesEveryPropertyGiven() {
    JsonNode mine = create("Mine", family.config());
    JsonNode other = create("Other", family.otherConfig());
    JsonNode deleted = create("Mine", family.config());
    gale.api().post(family.path("delete"), Map.of(family.id(), id(deleted))).expect(204);
    create(createWorkspace("elsewhere"), family.definitionId(), "Mine", family.config()).expect(200);

    assertThat(search(Map.of("workspaceId", workspaceId))).containsExactly(id(mine), id(other));
    assertThat(search(Map.of("workspaceId", workspaceId, "name", "Mine"))).containsExactly(id(mine));
    assertThat(search(Map.of("workspaceId", workspaceId, "name", "Min"))).isEmpty();
    assertThat(search(Map.of("workspaceId", workspaceId, "name", " "))).containsExactly(id(mine), id(other));
    assertThat(search(Map.of(family.id(), id(other)))).containsExactly(id(other));
    assertThat(search(Map.of(family.id(), id(deleted)))).isEmpty();
    assertThat(search(Map.of("workspaceId", workspaceId, family.definitionIdField(), family.definitionId())))
        .containsExactly(id(mine), id(other));
    assertThat(search(Map.of("workspaceId", workspaceId, family.definitionIdField(), UUID.randomUUID()))).isEmpty();
    assertThat(search(Map.of("workspaceId", workspaceId, family.label() + "Name", mine.path(family.label() + "Name").asText())))
        .containsExactly(id(mine), id(other));
    assertThat(search(Map.of("workspaceId", workspaceId, family.label() + "Name", "Nothing Like It"))).isEmpty();
    assertThat(search(Map.of("workspaceId", workspaceId, "connectionConfiguration", Json.parse(family.config()))))
        .contains(id(mine));
    assertThat(search(Map.of("workspaceId", workspaceId, "connectionConfiguration", Json.parse(family.unmatchedConfig()))))
        .isEmpty();
    assertThat(paths(gale.api().post(family.path("search"), Map.of("connectionConfiguration", List.of(1))).expectError(422)))
        .containsExactly("connectionConfiguration");
  }

  @Test
  void searchWithoutCriteriaFindsEveryLiveActor() {
    UUID mine = id(create("Mine", family.config()));

    assertThat(search(Map.of())).contains(mine).doesNotContain(otherTypeActor());
  }

  @Test
  void cloneCopiesUnderTheOriginalsNameWithCopySuffix() {
    JsonNode original = create("Original", family.config());

    JsonNode clone = gale.api().post(family.path("clone"), Map.of(family.label() + "CloneId", id(original))).expect(200);

    assertThat(id(clone)).isNotEqualTo(id(original));
    assertThat(clone.path("name").asText()).isEqualTo("Original (Copy)");
    assertThat(clone.path("workspaceId")).isEqualTo(original.path("workspaceId"));
    assertThat(clone.path(family.definitionIdField())).isEqualTo(original.path(family.definitionIdField()));
    assertThat(clone.path("connectionConfiguration")).isEqualTo(original.path("connectionConfiguration"));
    assertThat(list(workspaceId)).containsExactly(id(original), id(clone));
  }

  @Test
  void cloneTakesAGivenNameAndConfiguration() {
    JsonNode original = create("Original", family.config());

    JsonNode clone = cloneWith(id(original), Map.of("name", "Renamed",
        "connectionConfiguration", Json.parse(family.otherConfig()))).expect(200);

    assertThat(clone.path("name").asText()).isEqualTo("Renamed");
    assertThat(clone.path("connectionConfiguration")).isEqualTo(Json.parse(family.otherConfig()));
    assertThat(get(id(original)).expect(200)).isEqualTo(original);
  }

  @Test
  void cloneValidatesWhatItIsGiven() {
    UUID original = id(create("Original", family.config()));
    String overrides = family.label() + "Configuration";

    assertThat(paths(cloneWith(original, Map.of("connectionConfiguration", Json.parse(family.invalidConfig())))
        .expectError(422))).contains(overrides + "." + family.invalidPath());
    assertThat(paths(cloneWith(original, Map.of("name", "")).expectError(422))).containsExactly(overrides + ".name");
    assertThat(list(workspaceId)).containsExactly(original);
  }

  @Test
  void deleteTombstonesTheActorAndDeprecatesItsConnections() {
    UUID source = family.label().equals("source") ? id(create("Doomed", family.config())) : otherTypeActor();
    UUID destination = family.label().equals("destination") ? id(create("Doomed", family.config())) : otherTypeActor();
    UUID deleted = family.label().equals("source") ? source : destination;
    UUID spareSource = actor("source", SAMPLE_DATA, SAMPLE_CONFIG);
    UUID spareDestination = actor("destination", DEV_NULL, DEV_NULL_CONFIG);
    ConnectionRepository connections = new ConnectionRepository(gale.server().database());
    Connection using = connection(connections, source, destination);
    Connection notUsing = connection(connections, spareSource, spareDestination);
    JsonNode before = get(deleted).expect(200);

    gale.api().post(family.path("delete"), Map.of(family.id(), deleted)).expect(204);

    assertThat(connections.find(using.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.DEPRECATED);
    assertThat(connections.find(notUsing.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(get(deleted).expect(200)).as("a deleted actor still resolves by id").isEqualTo(before);
    assertThat(list(workspaceId)).doesNotContain(deleted);
    assertThat(gale.api().post(family.path("delete"), Map.of(family.id(), deleted)).expectError(404).path("message").asText())
        .contains("deleted");
    update(deleted, "revived", family.config()).expectError(404);
    gale.api().post(family.path("clone"), Map.of(family.label() + "CloneId", deleted)).expectError(404);
  }

  private JsonNode create(String name, String config) {
    return create(workspaceId, family.definitionId(), name, config).expect(200);
  }

  private ApiResponse create(UUID workspace, UUID definitionId, String name, String config) {
    return gale.api().post(family.path("create"), createBody(workspace, definitionId, name, config));
  }

  private ObjectNode createBody(UUID workspace, UUID definitionId, String name, String config) {
    ObjectNode body = Json.object().put("workspaceId", workspace.toString()).put("name", name)
        .put(family.definitionIdField(), definitionId.toString());
    body.set("connectionConfiguration", Json.parse(config));
    return body;
  }

  private ApiResponse update(UUID id, String name, String config) {
    ObjectNode body = Json.object().put(family.id(), id.toString()).put("name", name);
    body.set("connectionConfiguration", Json.parse(config));
    return gale.api().post(family.path("update"), body);
  }

  private ApiResponse get(UUID id) {
    return gale.api().post(family.path("get"), Map.of(family.id(), id));
  }

  private ApiResponse cloneWith(UUID id, Map<String, Object> overrides) {
    return gale.api().post(family.path("clone"), Map.of(family.label() + "CloneId", id, family.label() + "Configuration", overrides));
  }

  private List<UUID> list(UUID workspace) {
    return ids(gale.api().post(family.path("list"), Map.of("workspaceId", workspace)).expect(200));
  }

  private List<UUID> search(Map<String, Object> criteria) {
    return ids(gale.api().post(family.path("search"), criteria).expect(200));
  }

  private List<UUID> ids(JsonNode readList) {
    List<UUID> ids = new ArrayList<>();
    readList.path(family.label() + "s").forEach(read -> ids.add(id(read)));
    return ids;
  }

  private UUID id(JsonNode read) {
    return UUID.fromString(read.path(family.id()).asText());
  }

  /** An actor of the other family in this test's workspace. */
  private UUID otherTypeActor() {
    return family.label().equals("source") ? actor("destination", DEV_NULL, DEV_NULL_CONFIG)
        : actor("source", SAMPLE_DATA, SAMPLE_CONFIG);
  }

  private UUID actor(String label, UUID definitionId, String config) {
    ObjectNode body = Json.object().put("workspaceId", workspaceId.toString()).put("name", label + " " + UUID.randomUUID())
        .put(label + "DefinitionId", definitionId.toString());
    body.set("connectionConfiguration", Json.parse(config));
    return UUID.fromString(gale.api().post("/api/v1/" + label + "s/create", body).expect(200).path(label + "Id").asText());
  }

  private static Connection connection(ConnectionRepository connections, UUID source, UUID destination) {
    Connection connection = StoreSamples.connection(source, destination, "c " + UUID.randomUUID(), List.of(), Instant.now());
    connections.insert(connection);
    return connection;
  }

  private UUID createCustomDefinition(UUID workspace) {
    String repository = family.label().equals("source") ? "airbyte/source-faker" : "airbyte/destination-dev-null";
    JsonNode created = gale.api().post("/api/v1/" + family.label() + "_definitions/create_custom", Map.of("workspaceId", workspace,
        family.label() + "Definition", Map.of("name", "Custom " + UUID.randomUUID(), "dockerRepository", repository,
            "dockerImageTag", "1.0.0", "documentationUrl", "https://docs.example.com"))).expect(200);
    return UUID.fromString(created.path(family.definitionIdField()).asText());
  }

  private static UUID createWorkspace(String name) {
    return UUID.fromString(gale.api().post("/api/v1/workspaces/create", Map.of("name", name)).expect(200).path("workspaceId").asText());
  }

  /** The property paths of a 422's validation errors. */
  static List<String> paths(JsonNode error) {
    List<String> paths = new ArrayList<>();
    error.path("validationErrors").forEach(e -> paths.add(e.path("propertyPath").asText()));
    return paths;
  }
}
