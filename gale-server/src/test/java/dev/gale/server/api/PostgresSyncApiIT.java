package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.connectors.postgres.source.PostgresSource;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.engine.EngineOptions;
import dev.gale.protocol.Json;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data through the whole stack: the Config API creates PostgreSQL sources and destinations, a worker claims the job,
 * the engine moves typed batches, and the rows land in a real PostgreSQL, with Gale's own store on H2.
 */
class PostgresSyncApiIT {
  private static TestingGaleServer gale;
  private static ApiClient api;
  private static String workspaceId;

  @BeforeAll
  static void start() {
    // Flush (and so commit state) at every checkpoint, so that a sync cut short has committed some state.
    gale = TestingGaleServer.start(Database.Settings.h2Memory("pg-sync-" + UUID.randomUUID()),
        TestingGaleServer.fastJobs().withEngine(EngineOptions.defaults().withFlushInterval(Duration.ZERO)));
    api = gale.client();
    workspaceId = api.post("/api/v1/workspaces/create", Map.of("name", "postgres syncs")).expect(200).path("workspaceId").asText();
  }

  @AfterAll
  static void stop() {
    gale.close();
  }

  @Test
  void incrementalDedupWithAwkwardNamesNamespaceAndPrefix() throws SQLException {
    Database.Settings source = TestingPostgres.shared().newDatabase();
    Database.Settings destination = TestingPostgres.shared().newDatabase();
    execute(source, """
        CREATE TABLE public."Order Items" (id bigint PRIMARY KEY, "select" text, updated_at timestamptz NOT NULL,
          amount numeric(10,2), "ünïcode ""q"" col" text);
        INSERT INTO public."Order Items" SELECT g, 'item ' || g, timestamptz '2024-01-01' + (g % 50) * interval '1 second',
          g * 1.25, 'ü' || g FROM generate_series(1, 500) g;""");
    String connectionId = connection(postgresSource(source), postgresDestination(destination), "Order Items", "updated_at",
        "gale_${SOURCE_NAMESPACE}", "p_");

    JsonNode first = JobCalls.syncToEnd(api, connectionId);
    assertThat(JobCalls.status(first)).isEqualTo("succeeded");
    assertThat(count(destination, "SELECT count(*) FROM gale_public.\"p_Order Items\"")).isEqualTo(500);

    // Ten rows change, five arrive; five of them share the newest cursor value with the changed ones.
    execute(source, """
        UPDATE public."Order Items" SET "select" = 'changed', updated_at = timestamptz '2024-01-01 00:01:00' WHERE id <= 10;
        INSERT INTO public."Order Items" SELECT g, 'new', timestamptz '2024-01-01 00:01:00', 1, 'n' FROM generate_series(501, 505) g;""");
    JsonNode second = JobCalls.syncToEnd(api, connectionId);
    assertThat(JobCalls.status(second)).isEqualTo("succeeded");
    assertThat(second.at("/job/aggregatedStats/recordsEmitted").asLong()).isEqualTo(15);
    assertThat(count(destination, "SELECT count(*) FROM gale_public.\"p_Order Items\"")).isEqualTo(505);
    assertThat(count(destination, "SELECT count(DISTINCT id) FROM gale_public.\"p_Order Items\"")).isEqualTo(505);
    assertThat(count(destination, "SELECT count(*) FROM gale_public.\"p_Order Items\" WHERE \"select\" = 'changed'")).isEqualTo(10);
    assertThat(count(destination, "SELECT count(*) FROM gale_public.\"p_Order Items\" WHERE \"ünïcode \"\"q\"\" col\" = 'ü7'"))
        .isEqualTo(1);

    // A reset empties the stream's table and forgets its state: the next sync starts over.
    long reset = JobCalls.id(api.post("/api/v1/connections/reset", JobCalls.body(connectionId)).expect(200));
    assertThat(JobCalls.status(JobCalls.awaitEnd(api, reset))).isEqualTo("succeeded");
    assertThat(count(destination, "SELECT count(*) FROM gale_public.\"p_Order Items\"")).isZero();
    assertThat(JobCalls.state(api, connectionId).path("stateType").asText()).isEqualTo("not_set");
    assertThat(JobCalls.syncToEnd(api, connectionId).at("/job/aggregatedStats/recordsCommitted").asLong()).isEqualTo(505);
  }

  @Test
  void aSyncCutShortResumesFromItsCommittedStateWithEveryRowExactlyOnce() throws SQLException {
    int users = 400_000;
    Database.Settings destination = TestingPostgres.shared().newDatabase();
    String sourceId = api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", "sample " + UUID.randomUUID(),
        "sourceDefinitionId", SampleDataSource.DEFINITION_ID.toString(), "connectionConfiguration",
        Map.of("count", users, "seed", 7, "records_per_slice", 5000, "always_updated", false, "parallelism", 1)))
        .expect(200).path("sourceId").asText();
    String connectionId = connection(sourceId, postgresDestination(destination), "users", "updated_at", null, "");

    long cut = JobCalls.id(JobCalls.sync(api, connectionId));
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
        .until(() -> JobCalls.state(api, connectionId).path("stateType").asText().equals("stream"));
    api.post("/api/v1/jobs/cancel", Json.object().put("id", cut)).expect(200);
    assertThat(JobCalls.status(JobCalls.awaitEnd(api, cut))).isEqualTo("cancelled");

    // No committed state ahead of the data: every user up to the committed cursor is in the destination.
    JsonNode state = JobCalls.state(api, connectionId).at("/streamState/0/streamState");
    long committedUsers = count(destination, "SELECT count(*) FROM public.users WHERE updated_at <= '"
        + state.path("updated_at").asText() + "'::timestamptz");
    long upToCursor = count(destination, "SELECT max(id) FROM public.users WHERE updated_at <= '"
        + state.path("updated_at").asText() + "'::timestamptz");
    assertThat(committedUsers).isPositive().isEqualTo(upToCursor);
    assertThat(count(destination, "SELECT count(*) FROM public.users")).isLessThan(users);

    JsonNode resumed = JobCalls.syncToEnd(api, connectionId);
    assertThat(JobCalls.status(resumed)).isEqualTo("succeeded");
    assertThat(resumed.at("/job/aggregatedStats/recordsEmitted").asLong()).isLessThan(users);
    assertThat(count(destination, "SELECT count(*) FROM public.users")).isEqualTo(users);
    assertThat(count(destination, "SELECT count(DISTINCT id) FROM public.users")).isEqualTo(users);
  }

  /** A connection syncing one stream incrementally with deduplication (primary key {@code id}). */
  private static String connection(String sourceId, String destinationId, String stream, String cursor, String namespaceFormat,
                                   String prefix) {
    JsonNode discovered = api.post("/api/v1/sources/discover_schema", Map.of("sourceId", sourceId)).expect(200).path("catalog");
    ArrayNode streams = Json.mapper().createArrayNode();
    for (JsonNode entry : discovered.path("streams")) {
      if (entry.at("/stream/name").asText().equals(stream)) {
        ObjectNode chosen = entry.deepCopy();
        ObjectNode config = (ObjectNode) chosen.path("config");
        config.put("syncMode", "incremental").put("destinationSyncMode", "append_dedup").put("selected", true);
        config.set("cursorField", Json.tree(java.util.List.of(cursor)));
        config.set("primaryKey", Json.tree(java.util.List.of(java.util.List.of("id"))));
        streams.add(chosen);
      }
    }
    ObjectNode request = Json.object().put("sourceId", sourceId).put("destinationId", destinationId).put("status", "active")
        .put("prefix", prefix);
    if (namespaceFormat != null) {
      request.put("namespaceDefinition", "customformat").put("namespaceFormat", namespaceFormat);
    }
    request.putObject("syncCatalog").set("streams", streams);
    return api.post("/api/v1/connections/create", request).expect(200).path("connectionId").asText();
  }

  private static String postgresSource(Database.Settings database) {
    ObjectNode config = connectionConfig(database);
    config.putArray("schemas").add("public");
    config.putObject("replication_method").put("method", "Standard");
    return api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", "pg " + UUID.randomUUID(),
        "sourceDefinitionId", PostgresSource.DEFINITION_ID.toString(), "connectionConfiguration", config))
        .expect(200).path("sourceId").asText();
  }

  private static String postgresDestination(Database.Settings database) {
    ObjectNode config = connectionConfig(database).put("schema", "public");
    return api.post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId, "name", "pg " + UUID.randomUUID(),
        "destinationDefinitionId", PostgresDestination.DEFINITION_ID.toString(), "connectionConfiguration", config))
        .expect(200).path("destinationId").asText();
  }

  private static ObjectNode connectionConfig(Database.Settings database) {
    String database_ = database.url().replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
    ObjectNode config = Json.object().put("host", "localhost").put("port", TestingPostgres.shared().port())
        .put("database", database_).put("username", database.user());
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }

  private static void execute(Database.Settings database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(Database.Settings database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
