package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import dev.gale.connectors.postgres.source.PostgresSource;
import dev.gale.connectors.s3.S3Destination;
import dev.gale.protocol.Json;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.TestingPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The pipeline of Airbyte's API guide, called as the guide calls it: PostgreSQL {@code customers} and {@code orders},
 * incremental on {@code updated_at}, into an S3 store as Parquet with snappy under {@code bronze/}, every 6 hours; a
 * manual sync polled to its end, then a second one that writes only the new rows. The S3 store is local-s3-rest in
 * this JVM; the Parquet objects are read back with DuckDB, a reader that is not Gale's.
 */
class LakeGuideFlowApiIT {
  private static final String BUCKET = "lake";

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();

  private static LocalS3 s3;
  private static URI endpoint;
  private static S3Client client;

  @TempDir
  Path downloads;

  @BeforeAll
  static void startS3() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    s3 = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
    s3.start();
    endpoint = URI.create("http://localhost:" + port);
    client = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("minio", "minio-secret")))
        .build();
    client.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stopS3() {
    client.close();
    s3.shutdown();
  }

  @Test
  void postgresCustomersAndOrdersLandIncrementallyAsSnappyParquetUnderBronze() throws Exception {
    Database.Settings postgres = TestingPostgres.shared().newDatabase();
    execute(postgres, """
        CREATE TABLE customers (id bigint PRIMARY KEY, name text, updated_at timestamptz NOT NULL);
        CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, amount numeric(10,2), updated_at timestamptz NOT NULL);
        INSERT INTO customers SELECT g, 'customer ' || g, timestamptz '2024-01-01' + g * interval '1 minute'
          FROM generate_series(1, 3) g;
        INSERT INTO orders SELECT g, 1 + g % 3, g * 10.5, timestamptz '2024-01-01' + g * interval '1 minute'
          FROM generate_series(1, 5) g;""");
    ApiClient api = gale.api();
    String workspaceId = api.post("/api/v1/workspaces/list", null).expect(200).at("/workspaces/0/workspaceId").asText();

    String sourceId = api.post("/api/v1/sources/create", Map.of("workspaceId", workspaceId, "name", "Postgres",
        "sourceDefinitionId", PostgresSource.DEFINITION_ID.toString(), "connectionConfiguration", postgresConfig(postgres)))
        .expect(200).path("sourceId").asText();
    String destinationId = api.post("/api/v1/destinations/create", Map.of("workspaceId", workspaceId, "name", "MinIO",
        "destinationDefinitionId", S3Destination.DEFINITION_ID.toString(), "connectionConfiguration", Map.of(
            "s3_bucket_name", BUCKET, "s3_bucket_path", "bronze", "s3_bucket_region", "us-east-1",
            "access_key_id", "minio", "secret_access_key", "minio-secret", "s3_endpoint", endpoint.toString(),
            "format", Map.of("format_type", "Parquet", "compression_codec", "snappy"))))
        .expect(200).path("destinationId").asText();
    JsonNode stored = api.post("/api/v1/destinations/get", Map.of("destinationId", destinationId)).expect(200);
    assertThat(stored.at("/connectionConfiguration/format/compression_codec").asText()).as("read as Airbyte's enum")
        .isEqualTo("SNAPPY");
    assertThat(stored.at("/connectionConfiguration/secret_access_key").asText()).isEqualTo("**********");

    JsonNode discovered = api.post("/api/v1/sources/discover_schema", Map.of("sourceId", sourceId)).expect(200).path("catalog");
    ArrayNode streams = Json.mapper().createArrayNode();
    for (JsonNode entry : discovered.path("streams")) {
      ObjectNode chosen = entry.deepCopy();
      ((ObjectNode) chosen.path("config")).put("syncMode", "incremental").put("destinationSyncMode", "append")
          .put("selected", true).set("cursorField", Json.tree(List.of("updated_at")));
      streams.add(chosen);
    }
    ObjectNode create = Json.object().put("name", "postgres-to-bronze").put("sourceId", sourceId)
        .put("destinationId", destinationId).put("status", "active");
    create.putObject("schedule").put("units", 6).put("timeUnit", "hours");
    create.putObject("syncCatalog").set("streams", streams);
    String connectionId = api.post("/api/v1/connections/create", create).expect(200).path("connectionId").asText();
    assertThat(api.post("/api/v1/connections/get", Map.of("connectionId", connectionId)).expect(200)
        .at("/scheduleData/basicSchedule/units").asInt()).isEqualTo(6);

    JsonNode first = JobCalls.syncToEnd(api, connectionId);
    assertThat(JobCalls.status(first)).as("%s", first).isEqualTo("succeeded");
    assertThat(first.at("/job/aggregatedStats/recordsCommitted").asLong()).isEqualTo(8);

    execute(postgres, """
        INSERT INTO customers VALUES (4, 'customer 4', timestamptz '2024-02-01');
        INSERT INTO orders VALUES (6, 4, 99.90, timestamptz '2024-02-01'), (7, 4, 1.00, timestamptz '2024-02-02');
        UPDATE orders SET amount = 0, updated_at = timestamptz '2024-02-03' WHERE id = 1;""");
    JsonNode second = JobCalls.syncToEnd(api, connectionId);
    assertThat(JobCalls.status(second)).as("%s", second).isEqualTo("succeeded");
    assertThat(second.at("/job/aggregatedStats/recordsCommitted").asLong()).as("only the new and changed rows").isEqualTo(4);

    List<String> customerKeys = keys("bronze/public/customers/");
    List<String> orderKeys = keys("bronze/public/orders/");
    assertThat(customerKeys).hasSize(2).allMatch(key -> key.endsWith(".parquet"));
    assertThat(orderKeys).hasSize(2);
    assertThat(rows(customerKeys, "SELECT count(*), count(DISTINCT id) FROM ")).isEqualTo(List.of(4L, 4L));
    assertThat(rows(orderKeys, "SELECT count(*), sum(CASE WHEN id = 1 THEN 1 ELSE 0 END) FROM ")).isEqualTo(List.of(8L, 2L));
    assertThat(parquetCodec(customerKeys.getFirst())).isEqualTo("SNAPPY");
  }

  private static List<String> keys(String prefix) {
    return client.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).sorted().toList();
  }

  /** Downloads the objects and asks DuckDB {@code select} over all of them, answering the first row's two numbers. */
  private List<Long> rows(List<String> keys, String select) throws Exception {
    List<String> files = new ArrayList<>();
    for (String key : keys) {
      Path file = downloads.resolve(key.replace('/', '_'));
      Files.deleteIfExists(file);
      client.getObject(b -> b.bucket(BUCKET).key(key), file);
      files.add("'" + file + "'");
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = duck.createStatement();
         ResultSet result = statement.executeQuery(select + "read_parquet([" + String.join(", ", files) + "])")) {
      result.next();
      return List.of(result.getLong(1), result.getLong(2));
    }
  }

  private String parquetCodec(String key) throws Exception {
    Path file = downloads.resolve("codec.parquet");
    Files.deleteIfExists(file);
    client.getObject(b -> b.bucket(BUCKET).key(key), file);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = duck.createStatement();
         ResultSet result = statement.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + file + "') "
             + "WHERE path_in_schema = 'id'")) {
      result.next();
      return result.getString(1);
    }
  }

  private static ObjectNode postgresConfig(Database.Settings database) {
    ObjectNode config = Json.object().put("host", "localhost").put("port", TestingPostgres.shared().port())
        .put("database", database.url().replaceFirst("^.*/", "").replaceFirst("\\?.*$", ""))
        .put("username", database.user());
    config.putObject("ssl_mode").put("mode", "disable");
    config.putArray("schemas").add("public");
    config.putObject("replication_method").put("method", "Standard");
    return config;
  }

  private static void execute(Database.Settings database, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
