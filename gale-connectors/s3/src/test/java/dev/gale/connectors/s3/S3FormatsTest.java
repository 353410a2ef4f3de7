package dev.gale.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.ValueType;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format and codec, written to local-s3-rest, downloaded and read back with DuckDB row by row, types too. */
class S3FormatsTest {
  static final String BUCKET = "formats";
  /** The generation every stream here is written in: the objects must carry it, not a constant. */
  static final long GENERATION = 3;
  static final List<Column> COLUMNS = List.of(new Column("id", ValueType.INTEGER),
      new Column("name", ValueType.STRING), new Column("price", ValueType.NUMBER),
      new Column("active", ValueType.BOOLEAN), new Column("day", ValueType.DATE),
      new Column("at", ValueType.TIMESTAMP_WITH_TIMEZONE), new Column("local_at", ValueType.TIMESTAMP_WITHOUT_TIMEZONE),
      new Column("clock", ValueType.TIME_WITHOUT_TIMEZONE), new Column("doc", ValueType.JSON));
  static final String JSON_SCHEMA = """
      {"type":"object","properties":{"id":{"type":"integer"},"name":{"type":["null","string"]},
      "price":{"type":["null","number"]},"active":{"type":["null","boolean"]},
      "day":{"type":["null","string"],"format":"date"},
      "at":{"type":["null","string"],"format":"date-time","airbyte_type":"timestamp_with_timezone"},
      "local_at":{"type":["null","string"],"format":"date-time","airbyte_type":"timestamp_without_timezone"},
      "clock":{"type":["null","string"],"format":"time","airbyte_type":"time_without_timezone"},
      "doc":{"type":["null","object"]}}}""";
  static TestingS3 s3;
  @TempDir
  Path downloads;

  @BeforeAll
  static void start() throws Exception {
    s3 = new TestingS3();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  static Object[] row(long id) {
    if (id % 4 == 0) {
      return new Object[] {id, null, null, null, null, null, null, null, null};
    }
    return new Object[] {id, "name, \"" + id + "\"\nü", id + 0.25, id % 2 == 0, LocalDate.of(2024, 1, 1).plusDays(id),
        OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_000_000, ZoneOffset.ofHours(2)).plusMinutes(id),
        LocalDateTime.of(2023, 2, 3, 4, 5, 6).plusSeconds(id), LocalTime.of(10, 11, 12).plusSeconds(id),
        "{\"k\":" + id + ",\"list\":[1,2]}"};
  }

  /** Writes ids 1..count into a stream of {@code config}, flushing every 50 records. */
  static StreamDescriptor write(S3Destination destination, JsonNode config, String name, String namespace,
                                DestinationSyncMode mode, long from, long to) throws Exception {
    StreamDescriptor stream = new StreamDescriptor(name, namespace);
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(
        AirbyteStream.of(name, Json.parse(JSON_SCHEMA), List.of(SyncMode.FULL_REFRESH)).withNamespace(namespace),
        SyncMode.FULL_REFRESH, mode).withGenerations(GENERATION, 0L, 42L)));
    try (DestinationWriter writer = destination.open(config, catalog, new WriteContext(42, (level, line) -> {}))) {
      RecordBatch.Builder batch = RecordBatch.builder(new RecordSchema(stream, COLUMNS), 50);
      for (long id = from; id <= to; id++) {
        batch.add(row(id));
        if (batch.size() == 50 || id == to) {
          writer.write(batch.build(Instant.parse("2024-05-06T00:00:00Z")));
          writer.flush();
        }
      }
      writer.complete();
    }
    return stream;
  }

  @ParameterizedTest
  @ValueSource(strings = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4", "snappy", "zstd", "lz4"})
  void parquetWithEveryCodecReadsBackTyped(String codec) throws Exception {
    JsonNode config = s3.config(BUCKET, "parquet_" + codec, "{\"format_type\":\"parquet\",\"compression_codec\":\""
        + codec + "\",\"block_size_mb\":1,\"page_size_kb\":64}");
    write(new S3Destination(), config, "items", "shop", DestinationSyncMode.APPEND, 1, 120);

    Path dir = Files.createTempDirectory(downloads, "p");
    assertThat(s3.download(BUCKET, "parquet_" + codec + "/shop/items/", dir)).isNotEmpty()
        .allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".parquet"));
    String source = "read_parquet(" + DuckDb.glob(dir, "*.parquet") + ")";
    assertThat(DuckDb.types(source)).containsExactly(
        Map.entry("_airbyte_raw_id", "VARCHAR"), Map.entry("_airbyte_extracted_at", "TIMESTAMP WITH TIME ZONE"),
        Map.entry("_airbyte_meta", "STRUCT(sync_id BIGINT, changes STRUCT(field VARCHAR, change VARCHAR, reason VARCHAR)[])"),
        Map.entry("_airbyte_generation_id", "BIGINT"), Map.entry("id", "BIGINT"), Map.entry("name", "VARCHAR"),
        Map.entry("price", "DOUBLE"), Map.entry("active", "BOOLEAN"), Map.entry("day", "DATE"),
        Map.entry("at", "TIMESTAMP WITH TIME ZONE"), Map.entry("local_at", "TIMESTAMP"), Map.entry("clock", "TIME"),
        Map.entry("doc", "VARCHAR"));
    List<Map<String, Object>> rows = DuckDb.query("SELECT *, _airbyte_meta.sync_id AS sync_id, "
        + "len(_airbyte_meta.changes) AS changes FROM " + source + " ORDER BY id");
    assertThat(rows).hasSize(120);
    for (Map<String, Object> row : rows) {
      long id = (Long) row.get("id");
      Object[] expected = row(id);
      assertThat(row.get("name")).isEqualTo(expected[1]);
      assertThat(row.get("price")).isEqualTo(expected[2]);
      assertThat(row.get("active")).isEqualTo(expected[3]);
      assertThat(row.get("day")).isEqualTo(expected[4]);
      assertThat(row.get("at") == null ? null : ((OffsetDateTime) row.get("at")).toInstant())
          .isEqualTo(expected[5] == null ? null : ((OffsetDateTime) expected[5]).toInstant());
      assertThat(row.get("local_at") == null ? null : ((java.sql.Timestamp) row.get("local_at")).toLocalDateTime())
          .isEqualTo(expected[6]);
      assertThat(row.get("clock") == null ? null : row.get("clock") instanceof LocalTime time ? time
          : ((java.sql.Time) row.get("clock")).toLocalTime()).isEqualTo(expected[7]);
      assertThat(row.get("doc") == null ? null : Json.parse((String) row.get("doc")))
          .isEqualTo(expected[8] == null ? null : Json.parse((String) expected[8]));
      assertThat(row.get("sync_id")).isEqualTo(42L);
      assertThat(row.get("changes")).isEqualTo(0L);
      assertThat(row.get("_airbyte_generation_id")).isEqualTo(GENERATION);
      assertThat(((OffsetDateTime) row.get("_airbyte_extracted_at")).toInstant())
          .isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"JSONL|No flattening|No Compression", "JSONL|Root level flattening|GZIP",
      "jsonl|root level flattening|gzip", "CSV|No flattening|GZIP", "CSV|Root level flattening|No Compression",
      "csv|no flattening|no compression"})
  void textFormatsReadBack(String variant) throws Exception {
    String[] parts = variant.split("\\|");
    String path = "text_" + variant.replaceAll("[^A-Za-z]", "_");
    JsonNode config = s3.config(BUCKET, path, "{\"format_type\":\"" + parts[0] + "\",\"flattening\":\"" + parts[1]
        + "\",\"compression\":{\"compression_type\":\"" + parts[2] + "\"}}");
    write(new S3Destination(), config, "items", null, DestinationSyncMode.APPEND, 1, 60);

    Path dir = Files.createTempDirectory(downloads, "t");
    boolean csv = parts[0].equalsIgnoreCase("csv");
    boolean gzip = parts[2].equalsIgnoreCase("gzip");
    boolean flat = parts[1].toLowerCase().startsWith("root");
    String extension = (csv ? ".csv" : ".jsonl") + (gzip ? ".gz" : "");
    assertThat(s3.download(BUCKET, path + "/items/", dir)).isNotEmpty()
        .allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(extension));
    String files = DuckDb.glob(dir, "*" + extension);
    String source = csv ? "read_csv(" + files + ", header=true, all_varchar=true)"
        : "(SELECT json::VARCHAR AS line FROM read_ndjson_objects(" + files + "))";
    List<Map<String, Object>> rows = DuckDb.query("SELECT * FROM " + source);
    assertThat(rows).hasSize(60);
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      JsonNode record = csv ? csvRecord(row, flat) : Json.parse(row.values().iterator().next().toString());
      JsonNode data = flat ? record : (csv ? Json.parse(record.path("_airbyte_data").asText())
          : record.path("_airbyte_data"));
      long id = data.path("id").asLong();
      ids.add(id);
      Object[] expected = row(id);
      assertThat(data.path("name").isNull() || data.path("name").isMissingNode() || data.path("name").asText().isEmpty()
          ? null : data.path("name").asText()).isEqualTo(expected[1]);
      if (expected[2] != null) {
        assertThat(new BigDecimal(data.path("price").asText())).isEqualByComparingTo(BigDecimal.valueOf((Double) expected[2]));
        assertThat(OffsetDateTime.parse(data.path("at").asText()).toInstant())
            .isEqualTo(((OffsetDateTime) expected[5]).toInstant());
        assertThat(LocalDate.parse(data.path("day").asText())).isEqualTo(expected[4]);
        JsonNode doc = data.path("doc").isTextual() ? Json.parse(data.path("doc").asText()) : data.path("doc");
        assertThat(doc).isEqualTo(Json.parse((String) expected[8]));
      }
      assertThat(record.path("_airbyte_raw_id").asText()).hasSize(36);
      assertThat(record.path("_airbyte_generation_id").asLong()).isEqualTo(GENERATION);
      assertThat(record.path("_airbyte_extracted_at").asLong()).isEqualTo(Instant.parse("2024-05-06T00:00:00Z").toEpochMilli());
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList());
  }

  private static JsonNode csvRecord(Map<String, Object> row, boolean flat) {
    var node = Json.object();
    row.forEach((name, value) -> node.put(name, value == null ? null : value.toString()));
    return node;
  }
}
