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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Parquet objects are laid out: columns of mostly distinct values are written without a dictionary while repeated
 * values keep theirs, and a stream bigger than the block size is written as several row groups.
 */
class ParquetLayoutTest {
  private static final String BUCKET = "dictionaries";
  private static final List<Column> COLUMNS = List.of(new Column("id", ValueType.INTEGER),
      new Column("status", ValueType.STRING), new Column("amount", ValueType.NUMBER));
  private static TestingS3 s3;
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

  @Test
  void distinctColumnsArePlainAndRepeatedOnesKeepTheirDictionary() throws Exception {
    Map<String, Boolean> dictionaries = write("mixed", true, 2000);

    assertThat(dictionaries).containsExactlyInAnyOrderEntriesOf(Map.of("_airbyte_raw_id", false,
        "_airbyte_extracted_at", true, "_airbyte_meta.sync_id", true, "_airbyte_generation_id", true, "id", false,
        "status", true, "amount", false));
  }

  @Test
  void aSampleTooSmallToJudgeLeavesEveryColumnToParquet() {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (long id = 1; id < DictionaryColumns.MIN_SAMPLE; id++) {
      rows.add(new Object[] {id, "paid", id * 1.5});
    }
    assertThat(DictionaryColumns.mostlyDistinct(COLUMNS, rows)).isEmpty();
    rows.add(new Object[] {0L, "paid", null});
    assertThat(DictionaryColumns.mostlyDistinct(COLUMNS, rows)).containsExactly("id");
  }

  @Test
  void dictionaryEncodingOffMeansNoDictionaryAnywhere() throws Exception {
    assertThat(write("off", false, 2000).values()).containsOnly(false);
  }

  @Test
  void aStreamBeyondTheBlockSizeIsWrittenInSeveralRowGroupsThatReadBackWhole() throws Exception {
    int rows = 60_000; // about 4 MiB of buffered values against a block of 1 MiB
    Path file = writeOne("groups", "{\"format_type\":\"Parquet\",\"block_size_mb\":1,\"page_size_kb\":64}", rows);

    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(reader.getFooter().getBlocks()).hasSizeGreaterThan(2)
          .allSatisfy(block -> assertThat(block.getRowCount()).isPositive());
      assertThat(reader.getRecordCount()).isEqualTo(rows);
    }
    String source = "read_parquet('" + file + "')";
    assertThat(DuckDb.query("SELECT count(*) AS n, count(DISTINCT id) AS ids, sum(id)::BIGINT AS total, count(amount) AS amounts,"
        + " count(DISTINCT _airbyte_raw_id) AS raw_ids, min(len(_airbyte_meta.changes)) AS changes FROM " + source))
        .containsExactly(Map.of("n", (long) rows, "ids", (long) rows, "total", rows * (rows + 1L) / 2,
            "amounts", rows - rows / 7L, "raw_ids", (long) rows, "changes", 0L));
    assertThat(DuckDb.query("SELECT status, amount IS NULL AS missing, coalesce(amount, 0) AS amount FROM " + source
        + " WHERE id IN (7, 8) ORDER BY id")).containsExactly(Map.of("status", "refunded", "missing", true, "amount", 0.0),
        Map.of("status", "pending", "missing", false, "amount", 12.0));
  }

  /** Writes {@code rows} rows in one batch and answers, per column of the object, whether it has a dictionary. */
  private Map<String, Boolean> write(String path, boolean dictionary, int rows) throws Exception {
    Path file = writeOne(path, "{\"format_type\":\"Parquet\",\"dictionary_encoding\":" + dictionary + "}", rows);
    Map<String, Boolean> dictionaries = new TreeMap<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      for (ColumnChunkMetaData chunk : reader.getFooter().getBlocks().getFirst().getColumns()) {
        if (!chunk.getPath().toDotString().startsWith("_airbyte_meta.changes")) {
          dictionaries.put(chunk.getPath().toDotString(), chunk.hasDictionaryPage());
        }
      }
    }
    return dictionaries;
  }

  /**
   * Writes {@code rows} payments in one batch under {@code path} and answers the one object written. Every seventh
   * amount is null.
   */
  private Path writeOne(String path, String format, int rows) throws Exception {
    JsonNode config = s3.config(BUCKET, path, format);
    StreamDescriptor stream = new StreamDescriptor("payments", null);
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(
        AirbyteStream.of("payments", Json.parse("""
            {"type":"object","properties":{"id":{"type":"integer"},"status":{"type":"string"},
            "amount":{"type":"number"}}}"""), List.of(SyncMode.FULL_REFRESH)),
        SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)));
    RecordBatch.Builder batch = RecordBatch.builder(new RecordSchema(stream, COLUMNS), rows);
    List<String> statuses = List.of("paid", "refunded", "pending");
    for (long id = 1; id <= rows; id++) {
      batch.add(new Object[] {id, statuses.get((int) (id % 3)), id % 7 == 0 ? null : id * 1.5});
    }
    try (DestinationWriter writer = new S3Destination().open(config, catalog, new WriteContext(1, (l, m) -> {}))) {
      writer.write(batch.build(Instant.now()));
      writer.complete();
    }
    List<Path> files = s3.download(BUCKET, path + "/payments/", Files.createTempDirectory(downloads, path));
    assertThat(files).hasSize(1);
    return files.getFirst();
  }
}
