package dev.gale.server.api;

import static dev.gale.server.api.ConnectionFixtures.assertInvalid;
import static dev.gale.server.api.ConnectionFixtures.connectionId;
import static dev.gale.server.api.ConnectionFixtures.createRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changing a connection's schedule the way clients do: Airbyte's API guide reads the whole connection, changes
 * {@code schedule.units} and sends it all back, so the body still carries the old {@code scheduleData}; PyAirbyte
 * writes cron expressions in Unix form. Config API, web backend and Public API, over HTTP against a real server.
 */
class ScheduleUpdatesApiIT {
  private static final String PUBLIC = "/api/public/v1/connections";
  private static final String BOTH_FORMS = "'0 0 * * *'";
  private static final String QUARTZ_FORM = "'0 0 0 * * ?'";

  @RegisterExtension
  static final ConnectionFixtures fixtures = new ConnectionFixtures();
  private static ApiClient api;
  private static Actor source;
  private static Actor destination;

  @BeforeAll
  static void actors() {
    api = fixtures.api;
    UUID workspaceId = fixtures.newWorkspace("schedule updates " + UUID.randomUUID());
    source = fixtures.source(workspaceId, "Sample");
    destination = fixtures.destination(workspaceId, "Nowhere");
  }

  @Test
  void theGuidesReadModifyWriteOfTheLegacyScheduleChangesTheSchedule() {
    JsonNode created = daily();

    // As the guide does it: connection["schedule"]["units"] = 12, the whole object posted back.
    ObjectNode connection = read(created);
    ((ObjectNode) connection.path("schedule")).put("units", 12);
    JsonNode updated = api.post("/api/v1/connections/update", connection).expect(200);

    assertBasic(updated, "hours", 12);
    assertBasic(read(created), "hours", 12);

    ObjectNode again = read(created);
    ((ObjectNode) again.path("schedule")).put("timeUnit", "days");
    assertBasic(api.post("/api/v1/connections/update", again).expect(200), "days", 12);
    assertBasic(read(created), "days", 12);
  }

  @Test
  void theWholeBodyWithChangedScheduleDataChangesTheSchedule() {
    JsonNode created = daily();

    ObjectNode connection = read(created);
    ((ObjectNode) connection.at("/scheduleData/basicSchedule")).put("units", 6).put("timeUnit", "minutes");
    api.post("/api/v1/connections/update", connection).expect(200);

    assertBasic(read(created), "minutes", 6);
  }

  @Test
  void scheduleAndScheduleDataChangedTogetherMustAgree() {
    JsonNode created = daily();

    ObjectNode agreeing = read(created);
    ((ObjectNode) agreeing.path("schedule")).put("units", 2).put("timeUnit", "days");
    ((ObjectNode) agreeing.at("/scheduleData/basicSchedule")).put("units", 2).put("timeUnit", "days");
    assertBasic(api.post("/api/v1/connections/update", agreeing).expect(200), "days", 2);

    ObjectNode disagreeing = read(created);
    ((ObjectNode) disagreeing.path("schedule")).put("units", 3);
    ((ObjectNode) disagreeing.at("/scheduleData/basicSchedule")).put("units", 4);
    ApiResponse refused = api.post("/api/v1/connections/update", disagreeing);
    assertThat(refused.expectError(422).path("message").asText()).contains("schedule", "scheduleData", "every 3 days",
        "every 4 days");
    assertInvalid(refused, "scheduleData");
    assertInvalid(refused, "schedule");
    assertBasic(read(created), "days", 2);
  }

  @Test
  void theWebBackendTakesItsOwnReadBackTheSameWay() {
    JsonNode created = daily();

    ObjectNode connection = webBackendRead(created);
    ((ObjectNode) connection.path("schedule")).put("units", 8);
    assertBasic(api.post("/api/v1/web_backend/connections/update", connection).expect(200), "hours", 8);
    assertBasic(read(created), "hours", 8);

    ObjectNode byData = webBackendRead(created);
    ((ObjectNode) byData.at("/scheduleData/basicSchedule")).put("units", 1).put("timeUnit", "weeks");
    assertBasic(api.post("/api/v1/web_backend/connections/update", byData).expect(200), "weeks", 1);

    ObjectNode disagreeing = webBackendRead(created);
    ((ObjectNode) disagreeing.path("schedule")).put("units", 2);
    ((ObjectNode) disagreeing.at("/scheduleData/basicSchedule")).put("units", 3);
    ApiResponse refused = api.post("/api/v1/web_backend/connections/update", disagreeing);
    assertInvalid(refused, "schedule");
    assertInvalid(refused, "scheduleData");
    assertBasic(read(created), "weeks", 1);
  }

  @Test
  void aUnixCronOnTheConfigApiIsStoredAndShownAsQuartz() {
    ObjectNode request = createRequest(source, destination).put("scheduleType", "cron");
    request.set("scheduleData", cron("0 0 * * *", "UTC"));
    JsonNode created = fixtures.createConnection(request);
    assertThat(created.at("/scheduleData/cron/cronExpression").asText()).isEqualTo("0 0 0 * * ?");

    // Sundays at 02:30 in Paris: Unix counts Sunday as 0, Quartz as 1.
    ObjectNode connection = read(created);
    ((ObjectNode) connection.at("/scheduleData/cron")).put("cronExpression", "30 2 * * 0").put("cronTimeZone", "Europe/Paris");
    api.post("/api/v1/connections/update", connection).expect(200);

    JsonNode stored = read(created);
    assertThat(stored.path("scheduleType").asText()).isEqualTo("cron");
    assertThat(stored.at("/scheduleData/cron")).isEqualTo(Json.parse(
        "{\"cronExpression\": \"0 30 2 ? * 1\", \"cronTimeZone\": \"Europe/Paris\"}"));
  }

  @Test
  void aUnixCronOnThePublicApiIsStoredAndShownAsQuartz() {
    ObjectNode request = Json.object().put("sourceId", source.id().toString()).put("destinationId", destination.id().toString());
    request.putObject("schedule").put("scheduleType", "cron").put("cronExpression", "0 0 * * *");
    JsonNode created = api.post(PUBLIC, request).expect(200);
    assertThat(created.at("/schedule/cronExpression").asText()).isEqualTo("0 0 0 * * ? UTC");
    assertThat(configCron(created)).isEqualTo(Json.parse("{\"cronExpression\": \"0 0 0 * * ?\", \"cronTimeZone\": \"UTC\"}"));

    ObjectNode patch = Json.object();
    patch.putObject("schedule").put("scheduleType", "cron").put("cronExpression", "*/15 * * * * Europe/Paris");
    assertThat(patch(created, patch).expect(200).at("/schedule/cronExpression").asText())
        .isEqualTo("0 */15 * * * ? Europe/Paris");

    patch.putObject("schedule").put("scheduleType", "cron").put("cronExpression", "0 9 * * 1-5");
    assertThat(patch(created, patch).expect(200).at("/schedule/cronExpression").asText()).isEqualTo("0 0 9 ? * 2-6 UTC");
    assertThat(api.get(PUBLIC + "/" + created.path("connectionId").asText()).expect(200).at("/schedule/cronExpression")
        .asText()).isEqualTo("0 0 9 ? * 2-6 UTC");
    assertThat(configCron(created).path("cronExpression").asText()).isEqualTo("0 0 9 ? * 2-6");
  }

  @Test
  void brokenCronsAreRefusedShowingBothForms() {
    for (String broken : new String[] {"0 0 * *", "0 0 * * * * *", "0 0 * * FUNDAY", "0 0 1 * 1"}) {
      ObjectNode request = createRequest(source, destination).put("scheduleType", "cron");
      request.set("scheduleData", cron(broken, "UTC"));
      ApiResponse refused = api.post("/api/v1/connections/create", request);
      assertThat(refused.expectError(422).path("message").asText()).as(broken).contains(BOTH_FORMS, QUARTZ_FORM);
      assertInvalid(refused, "scheduleData.cron.cronExpression");

      ObjectNode publicRequest = Json.object().put("sourceId", source.id().toString())
          .put("destinationId", destination.id().toString());
      publicRequest.putObject("schedule").put("scheduleType", "cron").put("cronExpression", broken);
      assertThat(api.post(PUBLIC, publicRequest).expectProblem(400).path("detail").asText()).as(broken)
          .contains(broken, BOTH_FORMS, QUARTZ_FORM);
    }

    JsonNode created = daily();
    ObjectNode connection = read(created);
    connection.put("scheduleType", "cron").set("scheduleData", cron("0 0 * * 8", "UTC"));
    assertThat(api.post("/api/v1/connections/update", connection).expectError(422).path("message").asText())
        .contains(BOTH_FORMS, QUARTZ_FORM);
    assertBasic(read(created), "hours", 24);
  }

  private static JsonNode daily() {
    ObjectNode request = createRequest(source, destination);
    request.set("schedule", Json.parse("{\"units\": 24, \"timeUnit\": \"hours\"}"));
    JsonNode created = fixtures.createConnection(request);
    assertBasic(created, "hours", 24);
    return created;
  }

  private static ObjectNode read(JsonNode connection) {
    return (ObjectNode) api.post("/api/v1/connections/get", connectionId(connection)).expect(200);
  }

  private static ObjectNode webBackendRead(JsonNode connection) {
    return (ObjectNode) api.post("/api/v1/web_backend/connections/get",
        ((ObjectNode) connectionId(connection)).put("withRefreshedCatalog", false)).expect(200);
  }

  /** The Config API's cron of a connection made by the Public API, which Airbyte's 2023 document may not describe. */
  private static JsonNode configCron(JsonNode connection) {
    return api.beyondAirbyteDocument().post("/api/v1/connections/get", connectionId(connection)).expect(200)
        .at("/scheduleData/cron");
  }

  private static ApiResponse patch(JsonNode connection, ObjectNode patch) {
    return api.patch(PUBLIC + "/" + connection.path("connectionId").asText(), patch);
  }

  private static ObjectNode cron(String expression, String zone) {
    ObjectNode data = Json.object();
    data.putObject("cron").put("cronExpression", expression).put("cronTimeZone", zone);
    return data;
  }

  /** Both forms of a basic schedule say the same. */
  private static void assertBasic(JsonNode connection, String timeUnit, long units) {
    assertThat(connection.path("scheduleType").asText()).isEqualTo("basic");
    // Parsed, so that the numbers are of the kind the response's are.
    assertThat(connection.path("schedule"))
        .isEqualTo(Json.parse("{\"units\": %d, \"timeUnit\": \"%s\"}".formatted(units, timeUnit)));
    assertThat(connection.at("/scheduleData/basicSchedule"))
        .isEqualTo(Json.parse("{\"timeUnit\": \"%s\", \"units\": %d}".formatted(timeUnit, units)));
  }
}
