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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects and arrays with a declared shape in Parquet (read back with DuckDB) and Avro (read back with Avro's reader,
 * as DuckDB's avro extension would need a download): records, lists of scalars, of records and of lists, nulls at
 * every depth, empty lists, schemaless objects and arrays as JSON text, and values that do not fit their shape.
 */
class NestedFormatsTest {
  static final String BUCKET = "nested";
  static final String JSON_SCHEMA = """
      {"type":"object","properties":{
        "id":{"type":"integer"},
        "address":{"type":["null","object"],"properties":{"city":{"type":"string"},"zip":{"type":"integer"},
          "geo":{"type":"object","properties":{"lat":{"type":"number"},"lon":{"type":"number"}}}}},
        "tags":{"type":["null","array"],"items":{"type":"string"}},
        "lines":{"type":"array","items":{"type":"object","properties":{"sku":{"type":"string"},
          "qty":{"type":"integer"},"shipped":{"type":"string","format":"date"}}}},
        "matrix":{"type":"array","items":{"type":"array","items":{"type":"integer"}}},
        "extra":{"type":"object","additionalProperties":true},
        "loose":{"type":"array"},
        "either":{"type":["string","integer"]}}}""";
  static final List<Column> COLUMNS = List.of(new Column("id", ValueType.INTEGER),
      new Column("address", ValueType.JSON), new Column("tags", ValueType.JSON), new Column("lines", ValueType.JSON),
      new Column("matrix", ValueType.JSON), new Column("extra", ValueType.JSON), new Column("loose", ValueType.JSON),
      new Column("either", ValueType.JSON));

  /** Each row as the batch gives it: id, then the JSON text of each nested column (or null). */
  static final List<Object[]> ROWS = List.of(
      new Object[] {1L, "{\"city\":\"Oslo\",\"zip\":150,\"geo\":{\"lat\":59.9,\"lon\":10.7}}", "[\"a\",\"b\"]",
          "[{\"sku\":\"x\",\"qty\":2,\"shipped\":\"2024-01-02\"},{\"sku\":\"y\",\"qty\":null}]",
          "[[1,2],[],null,[3]]", "{\"k\":[1,2]}", "[1,\"two\"]", "\"text\""},
      // nulls at every depth
      new Object[] {2L, "{\"city\":null,\"geo\":null}", "[null,\"c\",null]", "[null,{}]", "[null]", "null", null,
          "7"},
      // null columns
      new Object[] {3L, null, null, null, null, null, null, null},
      // empty objects and lists
      new Object[] {4L, "{}", "[]", "[]", "[]", "{}", "[]", null},
      // values that do not fit their shape are nulled and reported
      new Object[] {5L, "\"not an object\"", "\"x\"", "[{\"sku\":1,\"qty\":\"many\",\"unknown\":true}]",
          "[[1,\"x\"]]", "\"just text\"", "{\"a\":1}", null},
      // coercions as Airbyte makes them; undeclared properties are dropped without a change
      new Object[] {6L, "{\"city\":\"Rome\",\"zip\":\"00185\",\"planet\":\"earth\"}", "[1,true]",
          "[{\"qty\":3.0}]", "[[\"4\"]]", null, null, null});

  /** What each row reads back as, column by column as JSON (null for a null column), then its changes. */
  static final List<String[]> EXPECTED = List.of(
      new String[] {"{\"city\":\"Oslo\",\"zip\":150,\"geo\":{\"lat\":59.9,\"lon\":10.7}}", "[\"a\",\"b\"]",
          "[{\"sku\":\"x\",\"qty\":2,\"shipped\":\"2024-01-02\"},{\"sku\":\"y\",\"qty\":null,\"shipped\":null}]",
          "[[1,2],[],null,[3]]", "{\"k\":[1,2]}", "[1,\"two\"]", "\"text\"", "[]"},
      new String[] {"{\"city\":null,\"zip\":null,\"geo\":null}", "[null,\"c\",null]",
          "[null,{\"sku\":null,\"qty\":null,\"shipped\":null}]", "[null]", "null", null, "7", "[]"},
      new String[] {null, null, null, null, null, null, null, "[]"},
      new String[] {"{\"city\":null,\"zip\":null,\"geo\":null}", "[]", "[]", "[]", "{}", "[]", null, "[]"},
      new String[] {null, null, "[{\"sku\":\"1\",\"qty\":null,\"shipped\":null}]", "[[1,null]]", "\"just text\"",
          "{\"a\":1}", null, "[\"address\",\"tags\",\"lines.[0].qty\",\"matrix.[0].[1]\"]"},
      new String[] {"{\"city\":\"Rome\",\"zip\":185,\"geo\":null}", "[\"1\",\"true\"]",
          "[{\"sku\":null,\"qty\":3,\"shipped\":null}]", "[[4]]", null, null, null, "[]"});

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

  static void write(String path, String format) throws Exception {
    JsonNode config = s3.config(BUCKET, path, format);
    StreamDescriptor stream = new StreamDescriptor("orders", "shop");
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(
        AirbyteStream.of("orders", Json.parse(JSON_SCHEMA), List.of(SyncMode.FULL_REFRESH)).withNamespace("shop"),
        SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)));
    try (DestinationWriter writer = new S3Destination().open(config, catalog, new WriteContext(42, (l, s) -> {}))) {
      RecordBatch.Builder batch = RecordBatch.builder(new RecordSchema(stream, COLUMNS), ROWS.size());
      ROWS.forEach(row -> batch.add(row.clone()));
      writer.write(batch.build(Instant.parse("2024-05-06T00:00:00Z")));
      writer.complete();
    }
  }

  @Test
  void parquetWritesGroupsAndListsAsAirbyteDoes() throws Exception {
    write("parquet", "{\"format_type\":\"Parquet\",\"compression_codec\":\"SNAPPY\"}");
    Path dir = Files.createTempDirectory(downloads, "p");
    List<Path> files = s3.download(BUCKET, "parquet/shop/orders/", dir);
    assertThat(files).hasSize(1);
    assertParquetJavaReadsTheLayout(files.get(0));
    String source = "read_parquet(" + DuckDb.glob(dir, "*.parquet") + ")";

    assertThat(DuckDb.types(source)).containsAllEntriesOf(Map.of(
        "address", "STRUCT(city VARCHAR, zip BIGINT, geo STRUCT(lat DOUBLE, lon DOUBLE))",
        "tags", "VARCHAR[]",
        "lines", "STRUCT(sku VARCHAR, qty BIGINT, shipped DATE)[]",
        "matrix", "BIGINT[][]",
        "extra", "VARCHAR", // an object without properties is JSON text
        "loose", "VARCHAR", // an array without items too
        "either", "VARCHAR")); // and a union (Airbyte: a record of its options, see NestedType)
    List<Map<String, Object>> rows = DuckDb.query("SELECT id, to_json(address)::VARCHAR AS address, "
        + "to_json(tags)::VARCHAR AS tags, to_json(lines)::VARCHAR AS lines, to_json(matrix)::VARCHAR AS matrix, "
        + "extra, loose, either, to_json(list_transform(_airbyte_meta.changes, lambda c: c.field))::VARCHAR AS changes, "
        + "to_json(list_distinct(list_transform(_airbyte_meta.changes, lambda c: c.change || '/' || c.reason)))::VARCHAR "
        + "AS kinds FROM " + source + " ORDER BY id");
    assertThat(rows).hasSize(ROWS.size());
    for (Map<String, Object> row : rows) {
      int index = (int) (long) (Long) row.get("id") - 1;
      String[] expected = EXPECTED.get(index);
      String[] names = {"address", "tags", "lines", "matrix", "extra", "loose", "either", "changes"};
      for (int i = 0; i < names.length; i++) {
        assertThat(json(row.get(names[i]))).as("row %d %s", index + 1, names[i]).isEqualTo(json(expected[i]));
      }
      assertThat(json(row.get("kinds"))).isEqualTo(json(index == 4
          ? "[\"NULLED/DESTINATION_SERIALIZATION_ERROR\"]" : "[]"));
    }
  }

  /**
   * The layout parquet-avro gives Airbyte's files (optional groups; lists as {@code list}/{@code element} groups), and
   * parquet-java's own record assembly over the levels written: a null list, an empty one, nulls among the elements.
   */
  private static void assertParquetJavaReadsTheLayout(Path file) throws Exception {
    MessageType expected = MessageTypeParser.parseMessageType("""
        message expected {
          optional group address {
            optional binary city (STRING);
            optional int64 zip;
            optional group geo { optional double lat; optional double lon; }
          }
          optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
          optional group lines (LIST) {
            repeated group list {
              optional group element { optional binary sku (STRING); optional int64 qty; optional int32 shipped (DATE); }
            }
          }
          optional group matrix (LIST) {
            repeated group list {
              optional group element (LIST) { repeated group list { optional int64 element; } }
            }
          }
        }""");
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      for (String column : List.of("address", "tags", "lines", "matrix")) {
        assertThat(schema.getType(column)).as(column).isEqualTo(expected.getType(column));
      }
      PageReadStore pages = reader.readNextRowGroup();
      RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
          .getRecordReader(pages, new GroupRecordConverter(schema));
      Map<Long, Group> byId = new java.util.HashMap<>();
      for (long i = 0; i < pages.getRowCount(); i++) {
        Group record = records.read();
        byId.put(record.getLong("id", 0), record);
      }
      assertThat(byId).hasSize(ROWS.size());
      Group matrix = byId.get(1L).getGroup("matrix", 0); // [[1,2],[],null,[3]]
      assertThat(matrix.getFieldRepetitionCount("list")).isEqualTo(4);
      assertThat(matrix.getGroup("list", 0).getGroup("element", 0).getFieldRepetitionCount("list")).isEqualTo(2);
      assertThat(matrix.getGroup("list", 1).getGroup("element", 0).getFieldRepetitionCount("list")).isZero();
      assertThat(matrix.getGroup("list", 2).getFieldRepetitionCount("element")).isZero();
      assertThat(matrix.getGroup("list", 3).getGroup("element", 0).getGroup("list", 0).getLong("element", 0))
          .isEqualTo(3L);
      assertThat(byId.get(3L).getFieldRepetitionCount("tags")).isZero(); // null
      assertThat(byId.get(4L).getGroup("tags", 0).getFieldRepetitionCount("list")).isZero(); // []
      assertThat(byId.get(2L).getGroup("address", 0).getFieldRepetitionCount("geo")).isZero();
      assertThat(byId.get(2L).getGroup("address", 0).getFieldRepetitionCount("zip")).isZero();
    }
  }

  @Test
  void avroWritesRecordsAndArraysAsAirbyteDoes() throws Exception {
    write("avro", "{\"format_type\":\"Avro\",\"compression_codec\":{\"codec\":\"snappy\"}}");
    List<Path> files = s3.download(BUCKET, "avro/shop/orders/", Files.createTempDirectory(downloads, "a"));
    assertThat(files).hasSize(1);
    List<GenericRecord> rows = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(files.get(0).toFile(),
        new GenericDatumReader<>())) {
      Schema schema = reader.getSchema();
      Schema address = nonNull(schema.getField("address").schema());
      assertThat(address.getType()).isEqualTo(Schema.Type.RECORD);
      assertThat(address.getFields()).extracting(Schema.Field::name).containsExactly("city", "zip", "geo");
      assertThat(nonNull(address.getField("zip").schema()).getType()).isEqualTo(Schema.Type.LONG);
      assertThat(address.getField("zip").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
      assertThat(nonNull(address.getField("geo").schema()).getFields()).extracting(Schema.Field::name)
          .containsExactly("lat", "lon");
      Schema tags = nonNull(schema.getField("tags").schema());
      assertThat(tags.getType()).isEqualTo(Schema.Type.ARRAY);
      assertThat(nonNull(tags.getElementType()).getType()).isEqualTo(Schema.Type.STRING);
      Schema line = nonNull(nonNull(schema.getField("lines").schema()).getElementType());
      assertThat(line.getType()).isEqualTo(Schema.Type.RECORD);
      assertThat(nonNull(line.getField("shipped").schema()).getLogicalType().getName()).isEqualTo("date");
      Schema matrix = nonNull(schema.getField("matrix").schema());
      assertThat(nonNull(nonNull(matrix.getElementType()).getElementType()).getType()).isEqualTo(Schema.Type.LONG);
      for (String text : List.of("extra", "loose", "either")) {
        assertThat(nonNull(schema.getField(text).schema()).getType()).as(text).isEqualTo(Schema.Type.STRING);
      }
      reader.forEach(rows::add);
    }
    rows.sort(Comparator.comparingLong(row -> (Long) row.get("id")));
    assertThat(rows).hasSize(ROWS.size());
    String shipped = String.valueOf(LocalDate.of(2024, 1, 2).toEpochDay()); // Avro's date is the epoch day
    for (int index = 0; index < rows.size(); index++) {
      GenericRecord row = rows.get(index);
      String[] expected = EXPECTED.get(index);
      String[] names = {"address", "tags", "lines", "matrix"};
      for (int i = 0; i < names.length; i++) {
        Object value = row.get(names[i]);
        // GenericData's toString is JSON (an array's own toString does not quote strings)
        assertThat(value == null ? null : Json.parse(GenericData.get().toString(value)))
            .as("row %d %s", index + 1, names[i])
            .isEqualTo(json(expected[i] == null ? null : expected[i].replace("\"2024-01-02\"", shipped)));
      }
      for (int i = 4; i < 7; i++) { // JSON text columns
        Object value = row.get(COLUMNS.get(i + 1).name());
        assertThat(json(value == null ? null : value.toString())).isEqualTo(json(expected[i]));
      }
      List<?> changes = (List<?>) ((GenericRecord) row.get("_airbyte_meta")).get("changes");
      JsonNode fields = Json.mapper().valueToTree(changes.stream()
          .map(c -> ((GenericRecord) c).get("field").toString()).toList());
      assertThat(fields).isEqualTo(Json.parse(expected[7]));
      changes.forEach(c -> {
        assertThat(((GenericRecord) c).get("change").toString()).isEqualTo("NULLED");
        assertThat(((GenericRecord) c).get("reason").toString()).isEqualTo("DESTINATION_SERIALIZATION_ERROR");
      });
    }
  }

  /** Records of equal names in different places get different full names; invalid field names are made valid. */
  @Test
  void avroRecordsAreNamedByTheirPath() {
    JsonNode schema = Json.parse("""
        {"properties":{
          "home":{"type":"object","properties":{"geo":{"type":"object","properties":{"lat":{"type":"number"}}}}},
          "work":{"type":"object","properties":{"geo":{"type":"object","properties":{"lat":{"type":"number"}}},
            "a b":{"type":"string"},"a_b":{"type":"string"}}},
          "trips":{"type":"array","items":{"type":"object","properties":{"geo":{"type":"object",
            "properties":{"lat":{"type":"number"}}}}}}}}""");
    List<Column> columns = List.of(new Column("home", ValueType.JSON), new Column("work", ValueType.JSON),
        new Column("trips", ValueType.JSON));
    Schema avro = AvroSchemas.of("orders", "shop", columns, NestedType.of(columns, schema));

    Schema home = nonNull(avro.getField("home").schema());
    Schema work = nonNull(avro.getField("work").schema());
    Schema trip = nonNull(nonNull(avro.getField("trips").schema()).getElementType());
    assertThat(List.of(home, nonNull(home.getField("geo").schema()), work, nonNull(work.getField("geo").schema()),
        trip, nonNull(trip.getField("geo").schema()))).extracting(Schema::getFullName).containsExactly(
        "shop.orders.home", "shop.orders.home.geo", "shop.orders.work", "shop.orders.work.geo",
        "shop.orders.trips.items", "shop.orders.trips.items.geo");
    assertThat(work.getFields()).extracting(Schema.Field::name).containsExactly("geo", "a_b", "a_b_1");
    assertThat(work.getField("a_b").doc()).isEqualTo("a b");
    assertThat(new Schema.Parser().parse(avro.toString())).isEqualTo(avro); // a schema Avro itself reads back
  }

  /** The non-null branch of a ["null", T] union. */
  private static Schema nonNull(Schema union) {
    assertThat(union.getType()).isEqualTo(Schema.Type.UNION);
    assertThat(union.getTypes()).hasSize(2);
    assertThat(union.getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
    return union.getTypes().get(1);
  }

  private static JsonNode json(Object text) {
    return text == null ? null : Json.parse(text.toString());
  }
}
