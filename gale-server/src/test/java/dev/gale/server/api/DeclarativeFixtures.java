package dev.gale.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.protocol.Json;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.TestingItemsApi;
import dev.gale.server.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Declarative sources of {@link TestingItemsApi} synced into a real PostgreSQL through the Config API. */
final class DeclarativeFixtures {
  static final String PUBLIC = "/api/public/v1";

  private final ApiClient api;

  DeclarativeFixtures(ApiClient api) {
    this.api = api;
  }

  String workspace(String name) {
    return api.post("/api/v1/workspaces/create", Map.of("name", name + " " + UUID.randomUUID())).expect(200)
        .path("workspaceId").asText();
  }

  /** The configuration Airbyte's image of the connector takes: the API's URL, its key, where to start. */
  static ObjectNode config(TestingItemsApi items, String apiKey) {
    return Json.object().put("base_url", items.baseUrl()).put("api_key", apiKey)
        .put("start_date", "2023-12-31T00:00:00Z");
  }

  String source(String workspace, String definitionId, ObjectNode config) {
    return api.post("/api/v1/sources/create", Map.of("workspaceId", workspace, "name", "items " + UUID.randomUUID(),
        "sourceDefinitionId", definitionId, "connectionConfiguration", config)).expect(200).path("sourceId").asText();
  }

  String postgresDestination(String workspace, Database.Settings database) {
    String name = database.url().replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
    ObjectNode config = Json.object().put("host", "localhost").put("port", TestingPostgres.shared().port())
        .put("database", name).put("username", database.user()).put("schema", "public");
    config.putObject("ssl_mode").put("mode", "disable");
    return api.post("/api/v1/destinations/create", Map.of("workspaceId", workspace, "name", "pg " + UUID.randomUUID(),
        "destinationDefinitionId", PostgresDestination.DEFINITION_ID.toString(), "connectionConfiguration", config))
        .expect(200).path("destinationId").asText();
  }

  String devNullDestination(String workspace) {
    return api.post("/api/v1/destinations/create", Map.of("workspaceId", workspace, "name", "nowhere " + UUID.randomUUID(),
        "destinationDefinitionId", ConnectionFixtures.DEV_NULL.toString(), "connectionConfiguration",
        Map.of("test_destination", Map.of("test_destination_type", "SILENT")))).expect(200).path("destinationId").asText();
  }

  JsonNode discover(String sourceId) {
    return api.post("/api/v1/sources/discover_schema", Map.of("sourceId", sourceId)).expect(200).path("catalog");
  }

  /** A connection syncing the discovered streams {@code streams} in the given modes, deduplicated by the source's key. */
  String connection(String sourceId, String destinationId, Set<String> streams, String syncMode, String destinationSyncMode) {
    ArrayNode chosen = Json.mapper().createArrayNode();
    for (JsonNode entry : discover(sourceId).path("streams")) {
      if (streams.contains(entry.at("/stream/name").asText())) {
        ObjectNode stream = entry.deepCopy();
        ObjectNode config = (ObjectNode) stream.path("config");
        config.put("syncMode", syncMode).put("destinationSyncMode", destinationSyncMode).put("selected", true);
        config.set("cursorField", entry.at("/stream/defaultCursorField").deepCopy());
        config.set("primaryKey", entry.at("/stream/sourceDefinedPrimaryKey").deepCopy());
        chosen.add(stream);
      }
    }
    ObjectNode request = Json.object().put("sourceId", sourceId).put("destinationId", destinationId)
        .put("status", "active");
    request.putObject("syncCatalog").set("streams", chosen);
    return api.post("/api/v1/connections/create", request).expect(200).path("connectionId").asText();
  }

  /**
   * The requests the API received, as {@code path?name=value&...} texts (parameters decoded and sorted by name), and
   * forgets them.
   */
  static List<String> takeRequests(TestingItemsApi items) {
    List<String> requests = items.requests().stream()
        .map(request -> request.getUrl().encodedPath() + "?" + request.getUrl().queryParameterNames().stream().sorted()
            .map(name -> name + "=" + request.getUrl().queryParameter(name))
            .collect(Collectors.joining("&")))
        .toList();
    items.clearRequests();
    return requests;
  }

  static long count(Database.Settings database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
