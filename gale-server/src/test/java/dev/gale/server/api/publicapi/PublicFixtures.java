package dev.gale.server.api.publicapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.files.LocalJsonDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.StoreSamples;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What the Public API tests start from, made through the Config API as a client would (the Public API's own
 * workspaces, sources and destinations are another family's): workspaces, Sample Data sources, and Dev Null and
 * Local JSON destinations.
 */
final class PublicFixtures {
  static final String PUBLIC = "/api/public/v1";
  /** What Airbyte's Java SDK 0.16.2 sends: it reads only the 2023 document's enum values and shapes. */
  static final String JAVA_SDK_0_16 = "speakeasy-sdk/java 0.16.2 2.37.2 1.0.0";
  /** What Airbyte's Python SDK sends: it reads the current document. */
  static final String PYTHON_SDK = "speakeasy-sdk/python 0.52.2 2.474.15 1.0.0 airbyte-api";
  static final UUID SAMPLE_DATA = SampleDataSource.DEFINITION_ID;
  static final UUID DEV_NULL = DevNullDestination.DEFINITION_ID;
  static final UUID LOCAL_JSON = LocalJsonDestination.DEFINITION_ID;

  private final GaleServerExtension gale;

  PublicFixtures(GaleServerExtension gale) {
    this.gale = gale;
  }

  ApiClient api() {
    return gale.api();
  }

  UUID workspace(String name) {
    return id(api().post("/api/v1/workspaces/create", Map.of("name", name + " " + UUID.randomUUID())).expect(200),
        "workspaceId");
  }

  UUID sampleSource(UUID workspaceId) {
    return id(api().post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", "sample",
        "sourceDefinitionId", SAMPLE_DATA, "connectionConfiguration", Map.of("count", 10, "seed", 1))).expect(200),
        "sourceId");
  }

  UUID devNull(UUID workspaceId) {
    return destination(workspaceId, DEV_NULL, Map.of("test_destination", Map.of("test_destination_type", "SILENT")));
  }

  UUID localJson(UUID workspaceId) {
    return destination(workspaceId, LOCAL_JSON, Map.of("destination_path", "/local/public-api"));
  }

  /**
   * A destination whose spec lists these write modes, of a definition written to the store: no built-in destination
   * writes {@code update}, and only the modes matter to the tests that use one.
   */
  UUID destinationWriting(UUID workspaceId, String... modes) {
    TestingStore store = new TestingStore(gale.server());
    Instant now = Instant.now();
    ActorDefinition definition = StoreSamples.definition(ActorType.DESTINATION, "writes " + String.join(" ", modes)
        + " " + UUID.randomUUID(), true, now);
    ActorDefinitionVersion sample = StoreSamples.version(definition, "1.0.0", now);
    ObjectNode spec = sample.spec().deepCopy();
    spec.set("supported_destination_sync_modes", Json.tree(modes));
    store.definitions.insert(definition, new ActorDefinitionVersion(sample.id(), definition.id(), sample.dockerRepository(),
        sample.dockerImageTag(), sample.documentationUrl(), spec, sample.protocolVersion(), sample.releaseStage(),
        sample.releaseDate(), sample.supportLevel(), now));
    Actor actor = new Actor(UUID.randomUUID(), workspaceId, definition.id(), ActorType.DESTINATION, "writer",
        Json.parse("{}"), false, now, now);
    store.actors.insert(actor);
    return actor.id();
  }

  /** The smallest create request: a source and a destination. */
  static ObjectNode connectionRequest(UUID sourceId, UUID destinationId) {
    return Json.object().put("sourceId", sourceId.toString()).put("destinationId", destinationId.toString());
  }

  /** A create request naming streams, each {@code name} or {@code name:syncMode}. */
  static ObjectNode connectionRequest(UUID sourceId, UUID destinationId, String... streams) {
    ObjectNode request = connectionRequest(sourceId, destinationId);
    var list = request.putObject("configurations").putArray("streams");
    for (String stream : streams) {
      String[] parts = stream.split(":");
      ObjectNode entry = list.addObject().put("name", parts[0]);
      if (parts.length > 1) {
        entry.put("syncMode", parts[1]);
      }
    }
    return request;
  }

  JsonNode createConnection(ObjectNode request) {
    return api().post(PUBLIC + "/connections", request).expect(200);
  }

  /**
   * The connection as the Config API reads it, to see what the Public API's values were stored as. Checked against
   * Gale's own document only: Airbyte's 2023 Config API document lacks newer values the Public API may set
   * ({@code propagate_columns}).
   */
  JsonNode configRead(String connectionId) {
    return api().beyondAirbyteDocument().post("/api/v1/connections/get", Map.of("connectionId", connectionId)).expect(200);
  }

  private UUID destination(UUID workspaceId, UUID definitionId, Object configuration) {
    return id(api().post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId, "name", "destination",
        "destinationDefinitionId", definitionId, "connectionConfiguration", configuration)).expect(200), "destinationId");
  }

  private static UUID id(JsonNode body, String field) {
    return UUID.fromString(body.path(field).asText());
  }
}
