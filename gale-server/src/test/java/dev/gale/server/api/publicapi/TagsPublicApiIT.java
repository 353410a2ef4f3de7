package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicFixtures.PUBLIC;
import static dev.gale.server.api.publicapi.PublicFixtures.connectionRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.GaleServerExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Public API's {@code /tags}, and tags on connections. */
class TagsPublicApiIT {
  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  static PublicFixtures fixtures;

  @BeforeAll
  static void fixtures() {
    fixtures = new PublicFixtures(gale);
  }

  @Test
  void tagIsCreatedReadListedRenamedAndDeleted() {
    UUID workspace = fixtures.workspace("tags");
    UUID other = fixtures.workspace("other tags");
    JsonNode created = createTag(workspace, "Analytics", "FF5733").expect(200);
    String id = created.path("tagId").asText();
    assertThat(created).isEqualTo(Json.parse("""
        {"tagId": "%s", "name": "Analytics", "color": "FF5733", "workspaceId": "%s"}""".formatted(id, workspace)));
    JsonNode elsewhere = createTag(other, "Analytics", "00FF00").expect(200);

    assertThat(fixtures.api().get(PUBLIC + "/tags/" + id).expect(200)).isEqualTo(created);
    assertThat(fixtures.api().get(PUBLIC + "/tags?workspaceIds=" + workspace).expect(200).path("data"))
        .containsExactly(created);
    assertThat(fixtures.api().get(PUBLIC + "/tags?workspaceIds=" + workspace + "&workspaceIds=" + other).expect(200)
        .path("data").findValuesAsText("tagId")).containsExactlyInAnyOrder(id, elsewhere.path("tagId").asText());
    assertThat(fixtures.api().get(PUBLIC + "/tags").expect(200).path("data").findValuesAsText("tagId"))
        .contains(id, elsewhere.path("tagId").asText());

    JsonNode renamed = patchTag(id, "Analytics team", "00aaFF").expect(200);
    assertThat(renamed.path("name").asText()).isEqualTo("Analytics team");
    assertThat(renamed.path("color").asText()).isEqualTo("00aaFF");
    assertThat(fixtures.api().get(PUBLIC + "/tags/" + id).expect(200)).isEqualTo(renamed);

    fixtures.api().send("DELETE", PUBLIC + "/tags/" + id, null, null).expect(204);
    fixtures.api().get(PUBLIC + "/tags/" + id).expectProblem(404);
    fixtures.api().send("DELETE", PUBLIC + "/tags/" + id, null, null).expectProblem(404);
    assertThat(fixtures.api().get(PUBLIC + "/tags?workspaceIds=" + workspace).expect(200).path("data")).isEmpty();
  }

  @Test
  void connectionsCarryTagsOfTheirWorkspace() {
    UUID workspace = fixtures.workspace("tagged connections");
    UUID source = fixtures.sampleSource(workspace);
    UUID destination = fixtures.devNull(workspace);
    JsonNode red = createTag(workspace, "red", "FF0000").expect(200);
    JsonNode blue = createTag(workspace, "blue", "0000FF").expect(200);

    // A generated client sends whole tags; only the id counts.
    ObjectNode request = connectionRequest(source, destination).put("name", "tagged");
    request.putArray("tags").add(red).add(red);
    JsonNode tagged = fixtures.createConnection(request);
    String id = tagged.path("connectionId").asText();
    assertThat(tagged.path("tags")).containsExactly(red);
    JsonNode untagged = fixtures.createConnection(connectionRequest(source, destination).put("name", "untagged"));

    ObjectNode both = Json.object();
    both.putArray("tags").add(Json.object().put("tagId", blue.path("tagId").asText())).add(red);
    // Gale reads a tag by its id alone, beyond Airbyte's document, which requires every field of a tag.
    JsonNode patched = fixtures.api().beyondAirbyteDocument()
        .send("PATCH", PUBLIC + "/connections/" + id, Json.write(both), "application/json").expect(200);
    assertThat(patched.path("tags").findValuesAsText("name")).containsExactly("blue", "red");
    assertThat(fixtures.api().get(PUBLIC + "/connections/" + id).expect(200).path("tags")).isEqualTo(patched.path("tags"));

    JsonNode byTag = fixtures.api().get(PUBLIC + "/connections?workspaceIds=" + workspace + "&tagIds="
        + blue.path("tagId").asText()).expect(200);
    assertThat(ConnectionsPublicApiIT.names(byTag)).containsExactly("tagged");
    assertThat(ConnectionsPublicApiIT.names(fixtures.api().get(PUBLIC + "/connections?workspaceIds=" + workspace)
        .expect(200))).containsExactly("tagged", "untagged");

    fixtures.api().send("DELETE", PUBLIC + "/tags/" + blue.path("tagId").asText(), null, null).expect(204);
    assertThat(fixtures.api().get(PUBLIC + "/connections/" + id).expect(200).path("tags").findValuesAsText("name"))
        .containsExactly("red");

    ObjectNode none = Json.object();
    none.putArray("tags");
    assertThat(patch(id, none).expect(200).path("tags")).isEmpty();
    assertThat(patch(id, Json.object().put("name", "still untagged")).expect(200).path("tags")).isEmpty();
    assertThat(untagged.path("tags")).isEmpty();
  }

  @Test
  void connectionTagsMustExistInItsWorkspace() {
    UUID workspace = fixtures.workspace("strict tags");
    UUID source = fixtures.sampleSource(workspace);
    UUID destination = fixtures.devNull(workspace);
    JsonNode foreign = createTag(fixtures.workspace("foreign tags"), "foreign", "123456").expect(200);

    ObjectNode foreignTag = connectionRequest(source, destination);
    foreignTag.putArray("tags").add(foreign);
    assertThat(fixtures.api().post(PUBLIC + "/connections", foreignTag).expectProblem(400).path("detail").asText())
        .contains("foreign", "workspace");
    ObjectNode unknownTag = connectionRequest(source, destination);
    unknownTag.putArray("tags").add(Json.object().put("tagId", UUID.randomUUID().toString()).put("name", "x")
        .put("color", "000000").put("workspaceId", workspace.toString()));
    fixtures.api().post(PUBLIC + "/connections", unknownTag).expectProblem(404);

    assertThat(fixtures.api().get(PUBLIC + "/connections?workspaceIds=" + workspace).expect(200).path("data"))
        .as("a refused tag creates no connection").isEmpty();
  }

  @Test
  void badTagsAre4xxProblems() {
    UUID workspace = fixtures.workspace("bad tags");
    createTag(workspace, "taken", "ABCDEF").expect(200);
    JsonNode other = createTag(workspace, "other", "ABCDEF").expect(200);

    assertThat(createTag(workspace, "taken", "000000").expectProblem(409).path("detail").asText()).contains("taken");
    patchTag(other.path("tagId").asText(), "taken", "000000").expectProblem(409);
    assertThat(createTag(workspace, "x".repeat(31), "000000").expectProblem(400).path("detail").asText()).contains("30");
    createTag(workspace, " ", "000000").expectProblem(400);
    assertThat(createTag(workspace, "hashed", "#ABCDEF").expectProblem(400).path("detail").asText()).contains("hexadecimal");
    createTag(workspace, "short", "FFF").expectProblem(400);
    createTag(UUID.randomUUID(), "nowhere", "000000").expectProblem(404);
    fixtures.api().post(PUBLIC + "/tags", Map.of("name", "no color", "workspaceId", workspace)).expectProblem(422);
    fixtures.api().send("POST", PUBLIC + "/tags", "{\"name\": \"broken\"", "application/json").expectProblem(400);
    fixtures.api().get(PUBLIC + "/tags/not-a-uuid").expectProblem(404);
    fixtures.api().get(PUBLIC + "/tags?workspaceIds=" + UUID.randomUUID()).expectProblem(404);
    fixtures.api().get(PUBLIC + "/tags?workspaceIds=nope").expectProblem(400);
    patchTag(UUID.randomUUID().toString(), "ghost", "000000").expectProblem(404);
  }

  private static ApiResponse createTag(UUID workspaceId, String name, String color) {
    return fixtures.api().post(PUBLIC + "/tags", Map.of("workspaceId", workspaceId, "name", name, "color", color));
  }

  private static ApiResponse patchTag(String tagId, String name, String color) {
    return fixtures.api().send("PATCH", PUBLIC + "/tags/" + tagId, Json.write(Map.of("name", name, "color", color)),
        "application/json");
  }

  private static ApiResponse patch(String connectionId, ObjectNode patch) {
    return fixtures.api().send("PATCH", PUBLIC + "/connections/" + connectionId, Json.write(patch), "application/json");
  }
}
