package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicFixtures.JAVA_SDK_0_16;
import static dev.gale.server.api.publicapi.PublicFixtures.PUBLIC;
import static dev.gale.server.api.publicapi.PublicFixtures.PYTHON_SDK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.store.CatalogRepository;
import dev.gale.server.testing.GaleServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Public API's {@code GET /streams}: a bare array for the current document's clients, {@code {"streams": [...]}}
 * for Airbyte's Java SDK 0.x, which reads only that.
 */
class StreamsPublicApiIT {
  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  static PublicFixtures fixtures;
  static UUID workspace;
  static UUID source;
  static UUID devNull;

  @BeforeAll
  static void actors() {
    fixtures = new PublicFixtures(gale);
    workspace = fixtures.workspace("streams");
    source = fixtures.sampleSource(workspace);
    devNull = fixtures.devNull(workspace);
  }

  @Test
  void currentClientsGetABareArrayOfWhatEachStreamOffers() {
    for (String agent : new String[] {null, PYTHON_SDK}) {
      JsonNode streams = fixtures.api().withUserAgent(agent).get(query(devNull)).expect(200);

      assertThat(streams.isArray()).as("answer to %s", agent).isTrue();
      assertThat(streams.findValuesAsText("streamName")).containsExactlyInAnyOrder("users", "products", "purchases");
      JsonNode users = byName(streams, "users");
      assertThat(modes(users)).containsExactlyInAnyOrder("full_refresh_overwrite", "full_refresh_append",
          "incremental_append", "incremental_deduped_history");
      assertThat(users.path("sourceDefinedCursorField").asBoolean()).isTrue();
      assertThat(users.path("defaultCursorField")).isEqualTo(Json.parse("[\"updated_at\"]"));
      assertThat(users.path("sourceDefinedPrimaryKey")).isEqualTo(Json.parse("[[\"id\"]]"));
      List<JsonNode> fields = new ArrayList<>();
      users.path("propertyFields").forEach(fields::add);
      assertThat(fields).contains(Json.parse("[\"email\"]"), Json.parse("[\"address\"]"),
          Json.parse("[\"address\", \"city\"]"));
    }
  }

  @Test
  void javaSdk016GetsTheObjectItReads() {
    // Airbyte's current document declares the array, so this answer is checked against Gale's own document only.
    JsonNode answer = fixtures.api().beyondAirbyteDocument().withUserAgent(JAVA_SDK_0_16).get(query(devNull)).expect(200);

    assertThat(answer.isObject()).isTrue();
    assertThat(answer.path("streams").findValuesAsText("streamName")).containsExactlyInAnyOrder("users", "products", "purchases");
    assertThat(modes(byName(answer.path("streams"), "products"))).contains("incremental_deduped_history");
  }

  @Test
  void syncModesAreWhatTheDestinationWrites() {
    assertThat(modes(byName(fixtures.api().get(query(fixtures.localJson(workspace))).expect(200), "users")))
        .containsExactlyInAnyOrder("full_refresh_overwrite", "full_refresh_append", "incremental_append");

    UUID writer = fixtures.destinationWriting(workspace, "append", "update");
    assertThat(modes(byName(fixtures.api().get(query(writer)).expect(200), "users")))
        .containsExactlyInAnyOrder("full_refresh_append", "full_refresh_update", "incremental_append", "incremental_update");
    // The 2023 document has no *_update mode: an old client is offered only the modes it can read.
    JsonNode old = fixtures.api().beyondAirbyteDocument().withUserAgent(JAVA_SDK_0_16).get(query(writer)).expect(200);
    assertThat(modes(byName(old.path("streams"), "users"))).containsExactlyInAnyOrder("full_refresh_append", "incremental_append");

    // Without a destination: every mode the source's streams read in, with any write mode Gale has.
    assertThat(modes(byName(fixtures.api().get(PUBLIC + "/streams?sourceId=" + source).expect(200), "users")))
        .contains("full_refresh_overwrite", "incremental_deduped_history", "incremental_soft_delete");
  }

  @Test
  void ignoreCacheDiscoversAgain() {
    CatalogRepository catalogs = new CatalogRepository(gale.server().database());
    JsonNode cached = fixtures.api().get(query(devNull)).expect(200);
    UUID cachedFetch = catalogs.findLatestFetch(source).orElseThrow().id();

    assertThat(fixtures.api().get(query(devNull)).expect(200)).isEqualTo(cached);
    assertThat(catalogs.findLatestFetch(source).orElseThrow().id()).as("answered from the cache").isEqualTo(cachedFetch);

    assertThat(fixtures.api().get(query(devNull) + "&ignoreCache=true").expect(200)).isEqualTo(cached);
    assertThat(catalogs.findLatestFetch(source).orElseThrow().id()).as("discovered anew").isNotEqualTo(cachedFetch);
  }

  @Test
  void badParametersAre4xxProblems() {
    assertThat(fixtures.api().get(PUBLIC + "/streams").expectProblem(400).path("detail").asText()).contains("sourceId");
    fixtures.api().get(PUBLIC + "/streams?sourceId=not-a-uuid").expectProblem(400);
    fixtures.api().get(PUBLIC + "/streams?sourceId=" + UUID.randomUUID() + "&destinationId=" + devNull).expectProblem(404);
    fixtures.api().get(PUBLIC + "/streams?sourceId=" + source + "&destinationId=" + UUID.randomUUID()).expectProblem(404);
    fixtures.api().get(PUBLIC + "/streams?sourceId=" + devNull).expectProblem(404);
    fixtures.api().get(query(devNull) + "&ignoreCache=yes").expectProblem(400);
  }

  private static String query(UUID destinationId) {
    return PUBLIC + "/streams?sourceId=" + source + "&destinationId=" + destinationId;
  }

  private static JsonNode byName(JsonNode streams, String name) {
    for (JsonNode stream : streams) {
      if (stream.path("streamName").asText().equals(name)) {
        return stream;
      }
    }
    throw new AssertionError("no stream " + name + " in " + streams);
  }

  private static List<String> modes(JsonNode stream) {
    List<String> modes = new ArrayList<>();
    stream.path("syncModes").forEach(mode -> modes.add(mode.asText()));
    return modes;
  }
}
