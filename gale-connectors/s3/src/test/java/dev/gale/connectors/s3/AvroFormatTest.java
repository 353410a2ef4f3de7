package dev.gale.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.config.ConfigException;
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
import java.io.File;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Avro objects written to local-s3-rest, downloaded and read back with Avro's own GenericDatumReader (DuckDB's avro
 * extension would need a download): every codec, every type, row by row, types from the file's schema.
 */
class AvroFormatTest {
  static final String BUCKET = "avro";
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

  @ParameterizedTest
  @CsvSource({
      "'{\"codec\":\"no compression\"}', null",
      "'{\"codec\":\"Deflate\",\"compression_level\":5}', deflate",
      "'{\"codec\":\"bzip2\"}', bzip2",
      "'{\"codec\":\"xz\",\"compression_level\":3}', xz",
      "'{\"codec\":\"zstandard\",\"compression_level\":-2,\"include_checksum\":true}', zstandard",
      "'{\"codec\":\"snappy\"}', snappy",
      "'{\"codec\":\"DEFLATE\"}', deflate",
      "'{\"codec\":\"Zstandard\"}', zstandard",
      "'{\"codec\":\"No Compression\"}', null",
      "'', null"})
  void everyCodecReadsBackTyped(String codec, String avroCodec) throws Exception {
    String path = "avro_" + Math.abs(codec.hashCode());
    JsonNode config = s3.config(BUCKET, path, "{\"format_type\":\"avro\""
        + (codec.isEmpty() ? "" : ",\"compression_codec\":" + codec) + "}");
    S3FormatsTest.write(new S3Destination(), config, "items", "shop", DestinationSyncMode.APPEND, 1, 120);

    List<Path> files = s3.download(BUCKET, path + "/shop/items/", Files.createTempDirectory(downloads, "a"));
    assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".avro"));
    List<GenericRecord> rows = new ArrayList<>();
    for (Path file : files) {
      try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
        assertThat(reader.getMetaString("avro.codec")).isEqualTo(avroCodec);
        assertSchema(reader.getSchema());
        reader.forEach(rows::add);
      }
    }
    rows.sort(java.util.Comparator.comparingLong(r -> (Long) r.get("id")));
    assertThat(rows).hasSize(120);
    for (int i = 0; i < rows.size(); i++) {
      GenericRecord row = rows.get(i);
      long id = i + 1;
      assertThat(row.get("id")).isEqualTo(id);
      Object[] expected = S3FormatsTest.row(id);
      assertThat(text(row.get("name"))).isEqualTo(expected[1]);
      assertThat(row.get("price")).isEqualTo(expected[2]);
      assertThat(row.get("active")).isEqualTo(expected[3]);
      assertThat(row.get("day") == null ? null : LocalDate.ofEpochDay((Integer) row.get("day"))).isEqualTo(expected[4]);
      assertThat(row.get("at") == null ? null : Instant.EPOCH.plus((Long) row.get("at"), ChronoUnit.MICROS))
          .isEqualTo(expected[5] == null ? null : ((OffsetDateTime) expected[5]).toInstant());
      assertThat(row.get("local_at") == null ? null
          : LocalDateTime.of(1970, 1, 1, 0, 0).plus((Long) row.get("local_at"), ChronoUnit.MICROS))
          .isEqualTo(expected[6]);
      assertThat(row.get("clock") == null ? null : LocalTime.ofNanoOfDay((Long) row.get("clock") * 1000))
          .isEqualTo(expected[7]);
      assertThat(row.get("doc") == null ? null : Json.parse(text(row.get("doc"))))
          .isEqualTo(expected[8] == null ? null : Json.parse((String) expected[8]));
      assertThat(text(row.get("_airbyte_raw_id"))).hasSize(36);
      assertThat(row.get("_airbyte_extracted_at")).isEqualTo(Instant.parse("2024-05-06T00:00:00Z").toEpochMilli());
      GenericRecord meta = (GenericRecord) row.get("_airbyte_meta");
      assertThat(meta.get("sync_id")).isEqualTo(42L);
      assertThat((List<?>) meta.get("changes")).isEmpty();
      assertThat(row.get("_airbyte_generation_id")).isEqualTo(S3FormatsTest.GENERATION);
    }
  }

  private static void assertSchema(Schema schema) {
    assertThat(schema.getName()).isEqualTo("items");
    assertThat(schema.getNamespace()).isEqualTo("shop");
    assertThat(schema.getFields()).extracting(Schema.Field::name).containsExactly("_airbyte_raw_id",
        "_airbyte_extracted_at", "_airbyte_meta", "_airbyte_generation_id", "id", "name", "price", "active", "day",
        "at", "local_at", "clock", "doc");
    assertThat(schema.getField("_airbyte_raw_id").schema().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(schema.getField("_airbyte_extracted_at").schema().getLogicalType().getName())
        .isEqualTo("timestamp-millis");
    Schema meta = schema.getField("_airbyte_meta").schema();
    assertThat(meta.getType()).isEqualTo(Schema.Type.RECORD);
    assertThat(meta.getField("sync_id").schema().getType()).isEqualTo(Schema.Type.LONG);
    assertThat(meta.getField("changes").schema().getElementType().getFields()).extracting(Schema.Field::name)
        .containsExactly("field", "change", "reason");
    assertThat(schema.getField("_airbyte_generation_id").schema().getType()).isEqualTo(Schema.Type.LONG);
    assertThat(nullable(schema, "id")).isEqualTo("long");
    assertThat(nullable(schema, "name")).isEqualTo("string");
    assertThat(nullable(schema, "price")).isEqualTo("double");
    assertThat(nullable(schema, "active")).isEqualTo("boolean");
    assertThat(nullable(schema, "day")).isEqualTo("int/date");
    assertThat(nullable(schema, "at")).isEqualTo("long/timestamp-micros");
    assertThat(nullable(schema, "local_at")).isEqualTo("long/local-timestamp-micros");
    assertThat(nullable(schema, "clock")).isEqualTo("long/time-micros");
    assertThat(nullable(schema, "doc")).isEqualTo("string");
  }

  /** The non-null branch of a field's ["null", T] union, as "type" or "type/logical type". */
  private static String nullable(Schema record, String field) {
    Schema union = record.getField(field).schema();
    assertThat(union.getType()).isEqualTo(Schema.Type.UNION);
    assertThat(union.getTypes()).hasSize(2);
    assertThat(union.getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
    assertThat(record.getField(field).defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    Schema type = union.getTypes().get(1);
    LogicalType logical = type.getLogicalType();
    return type.getName() + (logical == null ? "" : "/" + logical.getName());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** Names Avro would refuse are sanitised and deduplicated; binary and over-long integers get through. */
  @Test
  void invalidNamesBinaryAndHugeIntegers() throws Exception {
    List<Column> columns = List.of(new Column("1st name", ValueType.STRING), new Column("1st-name", ValueType.STRING),
        new Column("prïce €", ValueType.NUMBER), new Column("_airbyte_raw_id", ValueType.STRING),
        new Column("blob", ValueType.BINARY), new Column("big", ValueType.INTEGER),
        new Column("zoned_clock", ValueType.TIME_WITH_TIMEZONE));
    StreamDescriptor stream = new StreamDescriptor("my-stream", null);
    JsonNode config = s3.config(BUCKET, "names", "{\"format_type\":\"Avro\",\"compression_codec\":"
        + "{\"codec\":\"snappy\"}}");
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(
        AirbyteStream.of("my-stream", Json.parse("{\"type\":\"object\"}"), List.of(SyncMode.FULL_REFRESH)),
        SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)));
    try (DestinationWriter writer = new S3Destination().open(config, catalog, new WriteContext(7, (l, s) -> {}))) {
      RecordBatch.Builder batch = RecordBatch.builder(new RecordSchema(stream, columns), 10);
      batch.add(new Object[] {"a", "b", 1.5, "c", new byte[] {0, 1, (byte) 255}, BigInteger.ONE.shiftLeft(70),
          "10:11:12+02:00"});
      batch.add(new Object[] {null, null, null, null, null, BigInteger.valueOf(-5), null});
      writer.write(batch.build(Instant.parse("2024-05-06T00:00:00Z")));
      writer.complete();
    }
    List<Path> files = s3.download(BUCKET, "names/my-stream/", Files.createTempDirectory(downloads, "n"));
    assertThat(files).hasSize(1);
    File file = files.get(0).toFile();
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file, new GenericDatumReader<>())) {
      Schema schema = reader.getSchema();
      assertThat(schema.getName()).isEqualTo("my_stream");
      assertThat(schema.getFields()).extracting(Schema.Field::name).containsExactly("_airbyte_raw_id",
          "_airbyte_extracted_at", "_airbyte_meta", "_airbyte_generation_id", "_1st_name", "_1st_name_1",
          "price__", "_airbyte_raw_id_1", "blob", "big", "zoned_clock");
      assertThat(schema.getField("_1st_name_1").doc()).isEqualTo("1st-name");
      assertThat(nullable(schema, "blob")).isEqualTo("bytes");
      assertThat(nullable(schema, "zoned_clock")).isEqualTo("string");
      GenericRecord first = reader.next();
      assertThat(text(first.get("_1st_name"))).isEqualTo("a");
      assertThat(text(first.get("_1st_name_1"))).isEqualTo("b");
      assertThat(first.get("price__")).isEqualTo(1.5);
      assertThat(text(first.get("_airbyte_raw_id_1"))).isEqualTo("c");
      assertThat(text(first.get("_airbyte_raw_id"))).hasSize(36);
      assertThat(first.get("blob")).isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, (byte) 255}));
      assertThat(first.get("big")).isNull();
      assertThat(text(first.get("zoned_clock"))).isEqualTo("10:11:12+02:00");
      assertThat(((GenericRecord) first.get("_airbyte_meta")).get("sync_id")).isEqualTo(7L);
      GenericRecord second = reader.next();
      assertThat(second.get("_1st_name")).isNull();
      assertThat(second.get("blob")).isNull();
      assertThat(second.get("big")).isEqualTo(-5L);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void unknownCodecsAndLevelsAreRefused() {
    assertThatThrownBy(() -> S3Config.read(s3.config(BUCKET, "x", "{\"format_type\":\"Avro\","
        + "\"compression_codec\":{\"codec\":\"lz4\"}}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("format.compression_codec.codec must be one of")
        .hasMessageContaining("zstandard");
    assertThatThrownBy(() -> S3Config.read(s3.config(BUCKET, "x", "{\"format_type\":\"Avro\","
        + "\"compression_codec\":{\"codec\":\"Deflate\",\"compression_level\":12}}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("compression_level");
    assertThatThrownBy(() -> S3Config.read(s3.config(BUCKET, "x", "{\"format_type\":\"Avro\","
        + "\"compression_codec\":{\"codec\":\"zstandard\",\"compression_level\":23}}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("compression_level");
  }

  @Test
  void configReadsEveryCodec() {
    assertThat(S3Config.read(s3.config(BUCKET, "x", "{\"format_type\":\"AVRO\",\"compression_codec\":"
        + "{\"codec\":\"ZSTANDARD\",\"compression_level\":22,\"include_checksum\":true}}")).format())
        .isEqualTo(new OutputFormat.Avro(AvroCodec.ZSTANDARD, 22, true));
    assertThat(S3Config.read(s3.config(BUCKET, "x", "{\"format_type\":\"avro\",\"compression_codec\":"
        + "{\"codec\":\"xz\"}}")).format()).isEqualTo(new OutputFormat.Avro(AvroCodec.XZ, 6, false));
  }
}
