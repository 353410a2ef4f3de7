package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicFixtures.JAVA_SDK_0_16;
import static dev.gale.server.api.publicapi.PublicFixtures.PUBLIC;
import static dev.gale.server.api.publicapi.PublicFixtures.connectionRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.GaleServerExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Public API's {@code /connections}, driven over HTTP against a real server, Sample Data to Dev Null. */
class ConnectionsPublicApiIT {
  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  static PublicFixtures fixtures;
  static UUID workspace;
  static UUID source;
  static UUID devNull;

  @BeforeAll
  static void actors() {
    fixtures = new PublicFixtures(gale);
    workspace = fixtures.workspace("connections");
    source = fixtures.sampleSource(workspace);
    devNull = fixtures.devNull(workspace);
  }

  @Test
  void withoutStreamsEveryStreamSyncsInFullRefreshOverwriteWithAirbytesDefaults() {
    JsonNode created = fixtures.createConnection(connectionRequest(source, devNull));

    assertThat(created.path("workspaceId").asText()).isEqualTo(workspace.toString());
    assertThat(created.path("status").asText()).isEqualTo("active");
    assertThat(created.path("schedule").path("scheduleType").asText()).isEqualTo("manual");
    assertThat(created.path("namespaceDefinition").asText()).isEqualTo("destination");
    assertThat(created.path("nonBreakingSchemaUpdatesBehavior").asText()).isEqualTo("ignore");
    assertThat(created.path("tags").isArray()).isTrue();
    assertThat(created.path("createdAt").asLong()).isPositive();
    JsonNode streams = created.path("configurations").path("streams");
    assertThat(streams.findValuesAsText("name")).containsExactlyInAnyOrder("users", "products", "purchases");
    assertThat(streams.findValuesAsText("syncMode")).containsOnly("full_refresh_overwrite");
    // The source defines cursor and primary key; they are kept on the stream.
    assertThat(streams.get(0).path("primaryKey")).isEqualTo(Json.parse("[[\"id\"]]"));

    JsonNode stored = fixtures.configRead(created.path("connectionId").asText());
    assertThat(stored.path("namespaceDefinition").asText()).isEqualTo("destination");
    assertThat(stored.path("sourceCatalogId").asText()).isNotBlank();
    stored.path("syncCatalog").path("streams").forEach(stream -> {
      assertThat(stream.path("config").path("selected").asBoolean()).isTrue();
      assertThat(stream.path("config").path("syncMode").asText()).isEqualTo("full_refresh");
      assertThat(stream.path("config").path("destinationSyncMode").asText()).isEqualTo("overwrite");
    });
  }

  @Test
  void namedStreamsAloneAreSelectedCompletedFromDiscovery() {
    ObjectNode request = connectionRequest(source, devNull, "users:incremental_deduped_history", "purchases");
    request.put("name", "two streams").put("status", "inactive").put("prefix", "pub_")
        .put("namespaceDefinition", "custom_format").put("namespaceFormat", "${SOURCE_NAMESPACE}_x")
        .put("nonBreakingSchemaUpdatesBehavior", "propagate_columns").put("dataResidency", "us");

    JsonNode created = fixtures.createConnection(request);

    assertThat(created.path("name").asText()).isEqualTo("two streams");
    assertThat(created.path("status").asText()).isEqualTo("inactive");
    assertThat(created.path("prefix").asText()).isEqualTo("pub_");
    assertThat(created.path("namespaceDefinition").asText()).isEqualTo("custom_format");
    assertThat(created.path("namespaceFormat").asText()).isEqualTo("${SOURCE_NAMESPACE}_x");
    assertThat(created.path("nonBreakingSchemaUpdatesBehavior").asText()).isEqualTo("propagate_columns");
    assertThat(created.path("dataResidency").asText()).isEqualTo("us");
    JsonNode users = stream(created, "users");
    assertThat(users.path("syncMode").asText()).isEqualTo("incremental_deduped_history");
    assertThat(users.path("cursorField")).isEqualTo(Json.parse("[\"updated_at\"]"));
    assertThat(users.path("primaryKey")).isEqualTo(Json.parse("[[\"id\"]]"));
    assertThat(stream(created, "purchases").path("syncMode").asText()).isEqualTo("full_refresh_overwrite");
    assertThat(created.path("configurations").path("streams").findValuesAsText("name"))
        .containsExactlyInAnyOrder("users", "purchases");

    JsonNode stored = fixtures.configRead(created.path("connectionId").asText());
    assertThat(stored.path("namespaceDefinition").asText()).isEqualTo("customformat");
    assertThat(stored.path("nonBreakingChangesPreference").asText()).isEqualTo("propagate_columns");
    assertThat(stored.path("geography").asText()).isEqualTo("us");
    JsonNode products = configStream(stored, "products");
    assertThat(products.path("config").path("selected").asBoolean()).as("unnamed stream stays, unselected").isFalse();
    assertThat(configStream(stored, "users").path("stream").path("jsonSchema").path("properties").has("email")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "full_refresh_overwrite, full_refresh, overwrite",
      "full_refresh_append, full_refresh, append",
      "incremental_append, incremental, append",
      "incremental_deduped_history, incremental, append_dedup"})
  void eachFlattenedModeIsStoredAsItsPairAndReadBack(String mode, String syncMode, String destinationSyncMode) {
    JsonNode created = fixtures.createConnection(connectionRequest(source, devNull, "products:" + mode));

    assertThat(stream(created, "products").path("syncMode").asText()).isEqualTo(mode);
    JsonNode config = configStream(fixtures.configRead(created.path("connectionId").asText()), "products").path("config");
    assertThat(config.path("syncMode").asText()).isEqualTo(syncMode);
    assertThat(config.path("destinationSyncMode").asText()).isEqualTo(destinationSyncMode);
    assertThat(stream(get(created), "products").path("syncMode").asText()).isEqualTo(mode);
  }

  @Test
  void selectedFieldsAreKeptAndChecked() {
    ObjectNode request = connectionRequest(source, devNull, "users:incremental_deduped_history");
    var fields = ((ObjectNode) request.at("/configurations/streams/0")).putArray("selectedFields");
    for (String field : List.of("id", "updated_at", "email")) {
      fields.addObject().putArray("fieldPath").add(field);
    }

    JsonNode created = fixtures.createConnection(request);

    assertThat(stream(created, "users").path("selectedFields")).isEqualTo(fields);
    JsonNode config = configStream(fixtures.configRead(created.path("connectionId").asText()), "users").path("config");
    assertThat(config.path("fieldSelectionEnabled").asBoolean()).isTrue();
    assertThat(config.path("selectedFields")).isEqualTo(fields);
    // A PATCH naming the stream again without fields keeps its selection.
    ObjectNode again = Json.object();
    again.putObject("configurations").putArray("streams").addObject().put("name", "users");
    assertThat(stream(patch(created, again).expect(200), "users").path("selectedFields")).isEqualTo(fields);

    // The cursor and primary key must stay selected; the catalog's own checks say so.
    fields.remove(1);
    assertThat(create(request).expectProblem(422).path("detail").asText()).contains("updated_at", "must stay selected");
    fields.addObject().putArray("fieldPath").add("no_such_field");
    assertThat(create(request).expectProblem(422).path("detail").asText()).contains("no_such_field");
  }

  @Test
  void aPairWithoutAFlattenedNameIsReadWithoutSyncMode() {
    ObjectNode catalog = (ObjectNode) fixtures.api().post("/api/v1/sources/discover_schema",
        Map.of("sourceId", source)).expect(200).path("catalog");
    catalog.path("streams").forEach(stream -> ((ObjectNode) stream.path("config")).put("syncMode", "full_refresh")
        .put("destinationSyncMode", "append_dedup"));
    ObjectNode configRequest = Json.object().put("sourceId", source.toString()).put("destinationId", devNull.toString())
        .put("status", "active");
    configRequest.set("syncCatalog", catalog);
    String id = fixtures.api().post("/api/v1/connections/create", configRequest).expect(200).path("connectionId").asText();

    JsonNode read = fixtures.api().get(PUBLIC + "/connections/" + id).expect(200);

    assertThat(read.path("configurations").path("streams")).hasSize(3);
    assertThat(stream(read, "users").has("syncMode")).isFalse();
  }

  @Test
  void cronScheduleIsReadInUtcOrTheGivenZone() {
    ObjectNode request = connectionRequest(source, devNull);
    request.putObject("schedule").put("scheduleType", "cron").put("cronExpression", "0 0 12 * * ?");
    JsonNode created = fixtures.createConnection(request);

    assertThat(created.path("schedule").path("scheduleType").asText()).isEqualTo("cron");
    assertThat(created.path("schedule").path("cronExpression").asText()).isEqualTo("0 0 12 * * ? UTC");
    JsonNode cron = fixtures.configRead(created.path("connectionId").asText()).path("scheduleData").path("cron");
    assertThat(cron.path("cronExpression").asText()).isEqualTo("0 0 12 * * ?");
    assertThat(cron.path("cronTimeZone").asText()).isEqualTo("UTC");

    // What a client read it can send back; a trailing IANA zone is kept.
    ObjectNode patch = Json.object();
    patch.putObject("schedule").put("scheduleType", "cron").put("cronExpression", "0 30 6 ? * MON-FRI Europe/Paris");
    JsonNode patched = patch(created, patch).expect(200);
    assertThat(patched.path("schedule").path("cronExpression").asText()).isEqualTo("0 30 6 ? * MON-FRI Europe/Paris");
    patch.putObject("schedule").put("scheduleType", "cron").put("cronExpression", "0 0 12 * * ? UTC");
    assertThat(patch(created, patch).expect(200).path("schedule").path("cronExpression").asText())
        .isEqualTo("0 0 12 * * ? UTC");

    patch.putObject("schedule").put("scheduleType", "manual");
    JsonNode manual = patch(created, patch).expect(200);
    assertThat(manual.path("schedule").path("scheduleType").asText()).isEqualTo("manual");
    assertThat(manual.path("schedule").has("cronExpression")).isFalse();
  }

  @Test
  void basicScheduleFromTheConfigApiIsReadAsBasicTiming() {
    JsonNode created = fixtures.createConnection(connectionRequest(source, devNull));
    fixtures.api().post("/api/v1/connections/update", Map.of("connectionId", created.path("connectionId").asText(),
        "scheduleType", "basic", "scheduleData", Map.of("basicSchedule", Map.of("timeUnit", "hours", "units", 24))))
        .expect(200);

    JsonNode schedule = get(created).path("schedule");

    assertThat(schedule.path("scheduleType").asText()).isEqualTo("basic");
    assertThat(schedule.path("basicTiming").asText()).isEqualTo("Every 24 HOURS");
    assertThat(schedule.has("cronExpression")).isFalse();
  }

  @Test
  void patchChangesWhatItNamesAndKeepsTheRest() {
    JsonNode created = fixtures.createConnection(connectionRequest(source, devNull, "users:incremental_append", "products"));
    String id = created.path("connectionId").asText();

    JsonNode renamed = patch(created, Json.object().put("name", "renamed").put("status", "inactive")
        .put("nonBreakingSchemaUpdatesBehavior", "disable_connection").put("prefix", "p_")).expect(200);
    assertThat(renamed.path("name").asText()).isEqualTo("renamed");
    assertThat(renamed.path("status").asText()).isEqualTo("inactive");
    assertThat(renamed.path("nonBreakingSchemaUpdatesBehavior").asText()).isEqualTo("disable_connection");
    assertThat(renamed.path("prefix").asText()).isEqualTo("p_");
    assertThat(renamed.path("configurations")).as("streams kept").isEqualTo(created.path("configurations"));

    // Named streams replace the selection; a stream given without a mode keeps the one it has.
    ObjectNode streams = Json.object();
    var list = streams.putObject("configurations").putArray("streams");
    list.addObject().put("name", "users");
    list.addObject().put("name", "purchases").put("syncMode", "full_refresh_append");
    JsonNode restreamed = patch(created, streams).expect(200);
    assertThat(restreamed.path("configurations").path("streams").findValuesAsText("name"))
        .containsExactlyInAnyOrder("users", "purchases");
    assertThat(stream(restreamed, "users").path("syncMode").asText()).isEqualTo("incremental_append");
    assertThat(stream(restreamed, "purchases").path("syncMode").asText()).isEqualTo("full_refresh_append");
    assertThat(restreamed.path("name").asText()).isEqualTo("renamed");
    assertThat(configStream(fixtures.configRead(id), "products").path("config").path("selected").asBoolean()).isFalse();
  }

  @Test
  void listPagesThroughAWorkspaceWithAbsoluteLinks() {
    UUID listed = fixtures.workspace("listed");
    UUID listedSource = fixtures.sampleSource(listed);
    UUID listedDestination = fixtures.devNull(listed);
    List<String> ids = new ArrayList<>();
    for (String name : List.of("c", "a", "b")) {
      ids.add(fixtures.createConnection(connectionRequest(listedSource, listedDestination).put("name", name))
          .path("connectionId").asText());
    }

    JsonNode first = fixtures.api().get(PUBLIC + "/connections?workspaceIds=" + listed + "&limit=2").expect(200);
    assertThat(names(first)).containsExactly("a", "b");
    assertThat(first.has("previous")).isFalse();
    String next = first.path("next").asText();
    assertThat(next).startsWith("http://").contains("workspaceIds=" + listed).contains("limit=2").contains("offset=2");

    JsonNode second = fixtures.api().get(pathOf(next)).expect(200);
    assertThat(names(second)).containsExactly("c");
    assertThat(second.has("next")).isFalse();
    assertThat(second.path("previous").asText()).contains("offset=0");

    fixtures.api().send("DELETE", PUBLIC + "/connections/" + ids.getFirst(), null, null).expect(204);
    assertThat(names(fixtures.api().get(PUBLIC + "/connections?workspaceIds=" + listed).expect(200)))
        .containsExactly("a", "b");
    JsonNode withDeleted = fixtures.api().get(PUBLIC + "/connections?workspaceIds=" + listed + "&includeDeleted=true")
        .expect(200);
    assertThat(withDeleted.path("data").findValuesAsText("status")).containsExactly("active", "active", "deprecated");

    // No workspace named: every workspace's connections.
    JsonNode everywhere = fixtures.api().get(PUBLIC + "/connections?limit=100").expect(200);
    assertThat(everywhere.path("data").findValuesAsText("connectionId")).contains(ids.get(1), ids.get(2));
  }

  @Test
  void deletedConnectionIsGoneHereAndDeprecatedInTheConfigApi() {
    JsonNode created = fixtures.createConnection(connectionRequest(source, devNull));
    String id = created.path("connectionId").asText();
    String path = PUBLIC + "/connections/" + id;

    assertThat(fixtures.api().send("DELETE", path, null, null).expect(204).isMissingNode()).isTrue();

    fixtures.api().get(path).expectProblem(404);
    patch(created, Json.object().put("name", "too late")).expectProblem(404);
    fixtures.api().send("DELETE", path, null, null).expectProblem(404);
    assertThat(fixtures.configRead(id).path("status").asText()).isEqualTo("deprecated");
    fixtures.api().send("DELETE", PUBLIC + "/connections/" + UUID.randomUUID(), null, null).expectProblem(404);
  }

  @Test
  void oldJavaSdkReadsOnlyValuesOfThe2023Document() {
    UUID writer = fixtures.destinationWriting(workspace, "overwrite", "append", "append_dedup", "update");
    ObjectNode request = connectionRequest(source, writer, "users:incremental_update", "products:incremental_append");
    request.put("nonBreakingSchemaUpdatesBehavior", "propagate_fully");
    JsonNode created = fixtures.createConnection(request);
    assertThat(stream(created, "users").path("syncMode").asText()).isEqualTo("incremental_update");
    assertThat(created.path("nonBreakingSchemaUpdatesBehavior").asText()).isEqualTo("propagate_fully");
    String path = PUBLIC + "/connections/" + created.path("connectionId").asText();

    JsonNode old = fixtures.api().withUserAgent(JAVA_SDK_0_16).get(path).expect(200);

    assertThat(old.path("nonBreakingSchemaUpdatesBehavior").asText()).isEqualTo("ignore");
    assertThat(stream(old, "users").has("syncMode")).as("no 2023 mode writes as update does").isFalse();
    assertThat(stream(old, "products").path("syncMode").asText()).isEqualTo("incremental_append");
    JsonNode oldList = fixtures.api().withUserAgent(JAVA_SDK_0_16).get(PUBLIC + "/connections?workspaceIds=" + workspace
        + "&limit=100").expect(200);
    assertThat(oldList.path("data").findValuesAsText("nonBreakingSchemaUpdatesBehavior")).doesNotContain("propagate_fully");
    assertThat(oldList.path("data").findValuesAsText("syncMode")).doesNotContain("incremental_update");
    // Clients of the current document get the values as they are.
    assertThat(fixtures.api().withUserAgent(PublicFixtures.PYTHON_SDK).get(path).expect(200)
        .path("nonBreakingSchemaUpdatesBehavior").asText()).isEqualTo("propagate_fully");
  }

  @Test
  void unknownIdsAre404Problems() {
    fixtures.api().post(PUBLIC + "/connections", connectionRequest(UUID.randomUUID(), devNull)).expectProblem(404);
    fixtures.api().post(PUBLIC + "/connections", connectionRequest(source, UUID.randomUUID())).expectProblem(404);
    fixtures.api().post(PUBLIC + "/connections", connectionRequest(devNull, devNull)).expectProblem(404);
    fixtures.api().get(PUBLIC + "/connections/" + UUID.randomUUID()).expectProblem(404);
    fixtures.api().get(PUBLIC + "/connections/not-a-uuid").expectProblem(404);
    fixtures.api().send("PATCH", PUBLIC + "/connections/" + UUID.randomUUID(), "{}", "application/json").expectProblem(404);
    fixtures.api().get(PUBLIC + "/connections?workspaceIds=" + UUID.randomUUID()).expectProblem(404);
  }

  @Test
  void streamsAndModesThatCannotSyncAre400Problems() {
    // A stream the source lacks is a 422 naming its path, as in the Config API (UnknownStreamsApiIT).
    assertDetail(create(connectionRequest(source, devNull, "nope")), 422, "configurations.streams[0].name",
        "no stream 'nope'", "users");
    assertDetail(create(connectionRequest(source, devNull, "users", "users:full_refresh_append")), 400,
        "Duplicate stream", "users");
    assertDetail(create(connectionRequest(source, devNull, "users:full_refresh_update")), 400,
        "Cannot set sync mode full_refresh_update for stream users", "incremental_deduped_history");
    assertDetail(create(connectionRequest(source, devNull, "users:full_refresh_overwrite_deduped")), 400,
        "full_refresh_overwrite_deduped", "overwrite_dedup");
    UUID localJson = fixtures.localJson(workspace);
    assertDetail(create(connectionRequest(source, localJson, "users:incremental_deduped_history")), 400,
        "Valid sync modes are", "incremental_append");
    ObjectNode conflictingCursor = connectionRequest(source, devNull, "users:incremental_append");
    ((ObjectNode) conflictingCursor.at("/configurations/streams/0")).putArray("cursorField").add("email");
    assertDetail(create(conflictingCursor), 400, "defined by the source", "updated_at");
    ObjectNode noFields = connectionRequest(source, devNull, "users");
    ((ObjectNode) noFields.at("/configurations/streams/0")).putArray("selectedFields");
    assertDetail(create(noFields), 400, "No fields selected", "users");
    ObjectNode mappers = connectionRequest(source, devNull, "users");
    ((ObjectNode) mappers.at("/configurations/streams/0")).putArray("mappers").addObject().put("type", "hashing");
    assertDetail(create(mappers), 400, "mappers", "users");
  }

  @Test
  void badSchedulesAre4xxProblems() {
    assertDetail(create(withSchedule("cron", "0 0 25 * * ?")), 400, "0 0 25 * * ?", "Quartz");
    assertDetail(create(withSchedule("cron", "not a cron")), 400, "not a cron", "seconds");
    assertDetail(create(withSchedule("cron", "* * * * * ?")), 400, "seconds", "number");
    assertDetail(create(withSchedule("cron", null)), 400, "Missing cron expression", "cronExpression");
    assertDetail(create(withSchedule("cron", "0 0 12 * * ? Mars/Olympus")), 400, "Mars/Olympus", "time zone");
    assertDetail(create(withSchedule("manual", "0 0 12 * * ?")), 400, "manual", "cronExpression");
    create(withSchedule("basic", null)).expectProblem(422);
  }

  @Test
  void malformedAndMistypedBodiesAre4xxProblems() {
    assertThat(fixtures.api().send("POST", PUBLIC + "/connections", "{\"sourceId\": ", "application/json")
        .expectProblem(400).path("detail").asText()).contains("Malformed JSON");
    create(Json.object().put("sourceId", 42).put("destinationId", devNull.toString())).expectProblem(422);
    create(Json.object().put("destinationId", devNull.toString())).expectProblem(422);
    create(connectionRequest(source, devNull).put("configurations", "all")).expectProblem(422);
    create(connectionRequest(source, devNull).put("status", "locked")).expectProblem(422);
    create(connectionRequest(source, devNull, "users:full_refresh_everything")).expectProblem(422);
    create(connectionRequest(source, devNull).put("dataResidency", "mars")).expectProblem(400);
    fixtures.api().get(PUBLIC + "/connections?limit=0").expectProblem(400);
    fixtures.api().get(PUBLIC + "/connections?workspaceIds=nope").expectProblem(400);
    fixtures.api().get(PUBLIC + "/connections?includeDeleted=maybe").expectProblem(400);
  }

  private static ObjectNode withSchedule(String type, String cron) {
    ObjectNode request = connectionRequest(source, devNull);
    ObjectNode schedule = request.putObject("schedule").put("scheduleType", type);
    if (cron != null) {
      schedule.put("cronExpression", cron);
    }
    return request;
  }

  private static dev.gale.server.testing.ApiResponse create(ObjectNode request) {
    return fixtures.api().post(PUBLIC + "/connections", request);
  }

  private static dev.gale.server.testing.ApiResponse patch(JsonNode connection, ObjectNode patch) {
    return fixtures.api().send("PATCH", PUBLIC + "/connections/" + connection.path("connectionId").asText(),
        Json.write(patch), "application/json");
  }

  private static JsonNode get(JsonNode connection) {
    return fixtures.api().get(PUBLIC + "/connections/" + connection.path("connectionId").asText()).expect(200);
  }

  private static void assertDetail(dev.gale.server.testing.ApiResponse response, int status, String... parts) {
    assertThat(response.expectProblem(status).path("detail").asText()).contains(parts);
  }

  private static JsonNode stream(JsonNode connection, String name) {
    for (JsonNode stream : connection.path("configurations").path("streams")) {
      if (stream.path("name").asText().equals(name)) {
        return stream;
      }
    }
    throw new AssertionError("no stream " + name + " in " + connection);
  }

  private static JsonNode configStream(JsonNode configRead, String name) {
    for (JsonNode stream : configRead.path("syncCatalog").path("streams")) {
      if (stream.path("stream").path("name").asText().equals(name)) {
        return stream;
      }
    }
    throw new AssertionError("no stream " + name + " in " + configRead);
  }

  /** The names of the connections of a list, in order. */
  static List<String> names(JsonNode connectionsResponse) {
    List<String> names = new ArrayList<>();
    connectionsResponse.path("data").forEach(connection -> names.add(connection.path("name").asText()));
    return names;
  }

  private static String pathOf(String absolute) {
    URI uri = URI.create(absolute);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
