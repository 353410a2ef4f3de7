package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.DefinitionsPublicApiIT.PUBLIC;
import static dev.gale.server.api.publicapi.DefinitionsPublicApiIT.client;
import static dev.gale.server.api.publicapi.DefinitionsPublicApiIT.newWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A workspace's declarative source definitions: stored with every manifest version (their syncs are
 * {@code DeclarativeSyncApiIT}'s).
 *
 * <p>The tests marked {@link EnabledIf @EnabledIf("referenceManifests")} need Airbyte's real manifests in
 * {@code ../shared/reference/manifests} beside the checkout (or under {@code -Dgale.reference.dir}); the CI gate has
 * them, a bare clone does not.
 */
class DeclarativeSourceDefinitionsApiIT {
  private static final String FAKER = SampleDataSource.DEFINITION_ID.toString();

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "bearer"})
  void declarativeDefinitionLifecycleVersionsTheManifest(String auth) {
    ApiClient api = client(gale, auth);
    String workspace = newWorkspace(gale, "declarative " + auth);
    String declaratives = PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources";
    ObjectNode first = manifest("items");

    JsonNode created = api.post(declaratives, Map.of("workspaceId", workspace, "name", "Items API", "manifest", first))
        .expect(200);
    String id = created.path("id").asText();
    assertThat(created.path("name").asText()).isEqualTo("Items API");
    assertThat(created.path("version").asLong()).isEqualTo(1);
    assertThat(created.path("manifest")).isEqualTo(first);
    assertThat(api.get(declaratives + "/" + id).expect(200)).isEqualTo(created);
    assertThat(api.get(declaratives).expect(200).path("data")).containsExactly(created);

    ObjectNode second = manifest("orders");
    JsonNode updated = api.put(declaratives + "/" + id, Map.of("manifest", second)).expect(200);
    assertThat(updated.path("version").asLong()).isEqualTo(2);
    assertThat(updated.path("manifest")).isEqualTo(second);
    assertThat(updated.path("name").asText()).isEqualTo("Items API");
    JsonNode third = api.put(declaratives + "/" + id, Map.of("manifest", first)).expect(200);
    assertThat(third.path("version").asLong()).isEqualTo(3);
    assertThat(api.get(declaratives + "/" + id).expect(200)).isEqualTo(third);

    // It is a source definition of the workspace, whose versions are its manifest's.
    JsonNode asSource = api.get(PUBLIC + "/workspaces/" + workspace + "/definitions/sources/" + id).expect(200);
    assertThat(asSource.path("dockerRepository").asText()).isEqualTo("airbyte/source-declarative-manifest");
    assertThat(asSource.path("dockerImageTag").asText()).isEqualTo("3");
    assertThat(asSource.path("documentationUrl").asText()).isEqualTo("https://example.com/docs/items");
    assertThat(api.get(PUBLIC + "/connector_definitions?type=source&workspaceId=" + workspace).expect(200)
        .path("data").findValuesAsText("id")).contains(id, FAKER);

    assertThat(api.delete(declaratives + "/" + id).expect(200)).isEqualTo(third);
    api.get(declaratives + "/" + id).expectProblem(404);
    api.delete(declaratives + "/" + id).expectProblem(404);
    api.put(declaratives + "/" + id, Map.of("manifest", first)).expectProblem(404);
    assertThat(api.get(declaratives).expect(200).path("data").size()).isZero();
  }

  @Test
  void theManifestsSpecificationIsTheDefinitionsAndSourcesFollowIt() {
    String workspace = newWorkspace(gale, "declarative spec");
    String id = create(workspace, "Spec API", manifest("items")).path("id").asText();

    JsonNode spec = gale.api().post("/api/v1/source_definition_specifications/get",
        Map.of("sourceDefinitionId", id, "workspaceId", workspace)).expect(200);
    assertThat(spec.at("/connectionSpecification/properties/api_key/airbyte_secret").asBoolean()).isTrue();

    JsonNode source = gale.api().post("/api/v1/sources/create", Map.of("sourceDefinitionId", id, "workspaceId",
        workspace, "name", "items", "connectionConfiguration", Map.of("api_key", "k-" + UUID.randomUUID()))).expect(200);
    assertThat(source.at("/connectionConfiguration/api_key").asText()).isEqualTo("**********");
    JsonNode refused = gale.api().post("/api/v1/sources/create", Map.of("sourceDefinitionId", id, "workspaceId",
        workspace, "name", "items", "connectionConfiguration", Map.of())).expectError(422);
    assertThat(refused.path("message").asText()).contains("api_key");
  }

  @Test
  void itChangesOnlyThroughItsManifest() {
    String workspace = newWorkspace(gale, "declarative not custom");
    String id = create(workspace, "Manifest only", manifest("items")).path("id").asText();

    JsonNode problem = gale.api().put(PUBLIC + "/workspaces/" + workspace + "/definitions/sources/" + id,
        Map.of("name", "Renamed", "dockerImageTag", "9")).expectProblem(403);
    assertThat(problem.path("detail").asText()).contains("declarative_sources/" + id);
    gale.api().post("/api/v1/source_definitions/update", Map.of("sourceDefinitionId", id, "dockerImageTag", "9"))
        .expectError(422);
    assertThat(gale.api().get(PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources/" + id)
        .expect(200).path("version").asLong()).isEqualTo(1);
  }

  @Test
  void invalidManifestsAre422ProblemsNamingWhatIsWrong() {
    String workspace = newWorkspace(gale, "declarative invalid");
    String declaratives = PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources";

    JsonNode empty = gale.api().post(declaratives, Map.of("name", "Empty", "manifest", Map.of())).expectProblem(422);
    assertThat(empty.path("detail").asText()).contains("manifest.version", "manifest.check", "'streams' or 'dynamic_streams'");
    ObjectNode noChecks = manifest("items");
    noChecks.remove("check");
    noChecks.put("streams", "items");
    assertThat(gale.api().post(declaratives, Map.of("name", "Broken", "manifest", noChecks)).expectProblem(422)
        .path("detail").asText()).contains("manifest.check", "manifest.streams");
    gale.api().post(declaratives, Map.of("name", "Text", "manifest", "version: 6.33.0")).expectProblem(422);
    gale.api().post(declaratives, Map.of("name", "List", "manifest", List.of(manifest("items")))).expectProblem(422);
    gale.api().post(declaratives, "{\"name\": \"Null\", \"manifest\": null}").expectProblem(422);
    gale.api().post(declaratives, Map.of("name", "No manifest")).expectProblem(422);
    gale.api().post(declaratives, Map.of("manifest", manifest("items"))).expectProblem(422);
    gale.api().post(declaratives, Map.of("name", "  ", "manifest", manifest("items"))).expectProblem(422);
    gale.api().post(declaratives, "{\"name\": \"Cut\", \"manifest\": {").expectProblem(400);
    gale.api().post(declaratives, Map.of("workspaceId", UUID.randomUUID(), "name", "Elsewhere", "manifest",
        manifest("items"))).expectProblem(422);

    String id = create(workspace, "Kept", manifest("items")).path("id").asText();
    gale.api().put(declaratives + "/" + id, Map.of("manifest", Map.of("version", "6.33.0"))).expectProblem(422);
    gale.api().put(declaratives + "/" + id, Map.of("manifest", 42)).expectProblem(422);
    gale.api().put(declaratives + "/" + id, Map.of()).expectProblem(422);
    gale.api().send("PUT", declaratives + "/" + id, "{\"manifest\": ", "application/json").expectProblem(400);
    JsonNode kept = gale.api().get(declaratives + "/" + id).expect(200);
    assertThat(kept.path("version").asLong()).isEqualTo(1);
    assertThat(gale.api().get(declaratives).expect(200).path("data")).extracting(d -> d.path("name").asText())
        .containsExactly("Kept");
  }

  @Test
  void unknownWorkspacesAndDefinitionsAre404() {
    String workspace = newWorkspace(gale, "declarative unknowns");
    String stranger = newWorkspace(gale, "declarative stranger");
    String declaratives = PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources";
    String id = create(workspace, "Mine", manifest("items")).path("id").asText();

    gale.api().get(PUBLIC + "/workspaces/" + UUID.randomUUID() + "/definitions/declarative_sources").expectProblem(404);
    gale.api().post(PUBLIC + "/workspaces/" + UUID.randomUUID() + "/definitions/declarative_sources",
        Map.of("name", "Nowhere", "manifest", manifest("items"))).expectProblem(404);
    gale.api().get(declaratives + "/" + UUID.randomUUID()).expectProblem(404);
    gale.api().get(declaratives + "/not-a-uuid").expectProblem(404);
    JsonNode notDeclarative = gale.api().get(declaratives + "/" + FAKER).expectProblem(404);
    assertThat(notDeclarative.path("detail").asText()).contains("without a manifest");
    gale.api().put(declaratives + "/" + FAKER, Map.of("manifest", manifest("items"))).expectProblem(404);
    gale.api().delete(declaratives + "/" + FAKER).expectProblem(404);

    String strangers = PUBLIC + "/workspaces/" + stranger + "/definitions/declarative_sources";
    gale.api().get(strangers + "/" + id).expectProblem(404);
    gale.api().put(strangers + "/" + id, Map.of("manifest", manifest("taken"))).expectProblem(404);
    gale.api().delete(strangers + "/" + id).expectProblem(404);
    assertThat(gale.api().get(strangers).expect(200).path("data").size()).isZero();
    assertThat(gale.api().get(declaratives + "/" + id).expect(200).path("version").asLong()).isEqualTo(1);
  }

  @Test
  @EnabledIf("referenceManifests")
  void aRealManifestRoundTripsAndVersions() {
    String workspace = newWorkspace(gale, "declarative real");
    String declaratives = PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources";
    JsonNode pokeapi = realManifest("source-pokeapi");
    JsonNode xkcd = realManifest("source-xkcd");

    JsonNode created = create(workspace, "PokeAPI", pokeapi);
    String id = created.path("id").asText();
    assertThat(created.path("manifest")).isEqualTo(pokeapi);
    assertThat(gale.api().get(declaratives + "/" + id).expect(200).path("manifest")).isEqualTo(pokeapi);

    JsonNode updated = gale.api().put(declaratives + "/" + id, Map.of("manifest", xkcd)).expect(200);
    assertThat(updated.path("version").asLong()).isEqualTo(2);
    assertThat(gale.api().get(declaratives + "/" + id).expect(200).path("manifest")).isEqualTo(xkcd);

    JsonNode spec = gale.api().post("/api/v1/source_definition_specifications/get",
        Map.of("sourceDefinitionId", id, "workspaceId", workspace)).expect(200);
    assertThat(spec.path("connectionSpecification")).isEqualTo(xkcd.at("/spec/connection_specification"));
  }

  @Test
  @EnabledIf("referenceManifests")
  void everyReferenceManifestLoadsAndIsAccepted() throws IOException {
    String workspace = newWorkspace(gale, "declarative all");
    List<Path> folders;
    try (Stream<Path> listed = Files.list(manifestsDir())) {
      folders = listed.filter(folder -> Files.isRegularFile(folder.resolve("manifest.yaml"))).sorted().toList();
    }
    assertThat(folders).hasSizeGreaterThan(40);
    for (Path folder : folders) {
      JsonNode manifest = realManifest(folder.getFileName().toString());
      assertThat(create(workspace, folder.getFileName().toString(), manifest).path("manifest"))
          .as(folder.getFileName().toString()).isEqualTo(manifest);
    }
    assertThat(gale.api().get(PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources").expect(200)
        .path("data").size()).isEqualTo(folders.size());
  }

  private static JsonNode create(String workspace, String name, JsonNode manifest) {
    return gale.api().post(PUBLIC + "/workspaces/" + workspace + "/definitions/declarative_sources",
        Map.of("workspaceId", workspace, "name", name, "manifest", manifest)).expect(200);
  }

  /** A small manifest of one stream, with a secret in its specification. */
  private static ObjectNode manifest(String stream) {
    return (ObjectNode) Json.parse("""
        {"version": "6.33.0", "type": "DeclarativeSource",
         "check": {"type": "CheckStream", "stream_names": ["%1$s"]},
         "definitions": {"requester": {"type": "HttpRequester", "url_base": "https://api.example.com"}},
         "streams": [{"type": "DeclarativeStream", "name": "%1$s", "primary_key": ["id"],
           "retriever": {"type": "SimpleRetriever", "requester": {"$ref": "#/definitions/requester", "path": "/%1$s"},
             "record_selector": {"type": "RecordSelector", "extractor": {"type": "DpathExtractor", "field_path": ["data"]}}},
           "schema_loader": {"type": "InlineSchemaLoader", "schema": {"type": "object", "properties": {"id": {"type": "integer"}}}}}],
         "spec": {"type": "Spec", "documentation_url": "https://example.com/docs/%1$s",
           "connection_specification": {"type": "object", "required": ["api_key"],
             "properties": {"api_key": {"type": "string", "airbyte_secret": true}}}}}
        """.formatted(stream));
  }

  static boolean referenceManifests() {
    return Files.isDirectory(manifestsDir());
  }

  private static Path manifestsDir() {
    String configured = System.getProperty("gale.reference.dir", "");
    // Tests run in the module's folder; the reference folder is beside the checkout.
    Path reference = configured.isBlank() ? Path.of("..", "..", "shared", "reference") : Path.of(configured);
    return reference.resolve("manifests").toAbsolutePath().normalize();
  }

  /** A manifest as a client would send it: the YAML file read into JSON (and normalised as JSON reads back). */
  private static JsonNode realManifest(String connector) {
    try {
      return Json.parse(Json.write(new YAMLMapper().readTree(manifestsDir().resolve(connector).resolve("manifest.yaml").toFile())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
