package dev.gale.connectors.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tables, types, modes and names as DuckDB itself shows them after a sync. */
class DuckDbDestinationTest {
  static final StreamDescriptor USERS = new StreamDescriptor("users", "crm");
  static final RecordSchema USER_ROWS = new RecordSchema(USERS, List.of(new Column("id", ValueType.INTEGER),
      new Column("name", ValueType.STRING), new Column("updated", ValueType.INTEGER)));

  private final DuckDbDestination destination = new DuckDbDestination();
  private final String file = "test_" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void everyTypeIsStoredInItsDuckDbTypeAndReadsBackAsSent() throws Exception {
    String jsonSchema = """
        {"type":"object","properties":{
          "i":{"type":"integer"}, "n":{"type":"number"}, "b":{"type":"boolean"}, "s":{"type":"string"},
          "d":{"type":"string","format":"date"},
          "tstz":{"type":"string","format":"date-time","airbyte_type":"timestamp_with_timezone"},
          "ts":{"type":"string","format":"date-time","airbyte_type":"timestamp_without_timezone"},
          "ttz":{"type":"string","format":"time","airbyte_type":"time_with_timezone"},
          "t":{"type":"string","format":"time","airbyte_type":"time_without_timezone"},
          "bin":{"type":"string","contentEncoding":"base64"},
          "obj":{"type":"object"}, "arr":{"type":"array"}}}""";
    StreamDescriptor stream = new StreamDescriptor("types", null);
    RecordSchema schema = RecordSchema.fromJsonSchema(stream, Json.parse(jsonSchema));
    Object[] values = {Long.MIN_VALUE, new BigDecimal("12345678901234567890.123456789"), true, "text ü \"q\"",
        LocalDate.of(1, 1, 1), OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123456000, ZoneOffset.ofHours(2)),
        LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999999000), OffsetTime.of(10, 11, 12, 0, ZoneOffset.ofHours(-3)),
        LocalTime.of(1, 2, 3, 456000), new byte[] {0, 1, 2, (byte) 255}, "{\"a\":{\"b\":[1,2]}}", "[1,\"x\",null]"};
    Object[] nulls = new Object[values.length];
    ConfiguredAirbyteStream configured = ConfiguredAirbyteStream.of(AirbyteStream.of("types", Json.parse(jsonSchema),
        List.of(SyncMode.FULL_REFRESH)), SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND);
    try (DestinationWriter writer = open(new ConfiguredAirbyteCatalog(List.of(configured)))) {
      writer.write(RecordBatch.builder(schema, 2).add(values).add(nulls).build(Instant.parse("2024-01-02T03:04:05Z")));
      writer.flush();
      writer.complete();
    }

    assertThat(query("""
        SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'types'
        ORDER BY ordinal_position""")).containsExactly(
        List.of("_airbyte_raw_id", "UUID"), List.of("_airbyte_extracted_at", "TIMESTAMP WITH TIME ZONE"),
        List.of("_airbyte_meta", "JSON"), List.of("_airbyte_generation_id", "BIGINT"), List.of("i", "BIGINT"),
        List.of("n", "DECIMAL(38,9)"), List.of("b", "BOOLEAN"), List.of("s", "VARCHAR"), List.of("d", "DATE"),
        List.of("tstz", "TIMESTAMP WITH TIME ZONE"), List.of("ts", "TIMESTAMP"), List.of("ttz", "TIME WITH TIME ZONE"),
        List.of("t", "TIME"), List.of("bin", "BLOB"), List.of("obj", "JSON"), List.of("arr", "JSON"));
    List<List<Object>> rows = query("SELECT i, n, b, s, d, tstz, ts::VARCHAR, ttz, t, bin::VARCHAR, obj::VARCHAR, "
        + "arr::VARCHAR, json_extract(obj, '$.a.b[1]')::BIGINT, _airbyte_extracted_at, _airbyte_meta::VARCHAR "
        + "FROM main.types ORDER BY i NULLS LAST");
    assertThat(rows.get(0)).containsExactly(Long.MIN_VALUE, new BigDecimal("12345678901234567890.123456789"), true,
        "text ü \"q\"", LocalDate.of(1, 1, 1), OffsetDateTime.parse("2024-05-06T05:08:09.123456Z"),
        "1999-12-31 23:59:59.999999", OffsetTime.of(10, 11, 12, 0, ZoneOffset.ofHours(-3)), LocalTime.of(1, 2, 3, 456000),
        "\\x00\\x01\\x02\\xFF", "{\"a\":{\"b\":[1,2]}}", "[1,\"x\",null]", 2L,
        OffsetDateTime.parse("2024-01-02T03:04:05Z"), "{\"changes\":[],\"sync_id\":42}");
    assertThat(rows.get(1).subList(0, 12)).containsOnlyNulls();
  }

  @Test
  void aValueTheColumnCannotHoldIsNulledAndARoundedDecimalIsNamedInTheMeta() throws Exception {
    String jsonSchema = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
        + "\"n\":{\"type\":\"number\"}}}";
    StreamDescriptor stream = new StreamDescriptor("odd", null);
    RecordSchema mistyped = new RecordSchema(stream, List.of(new Column("id", ValueType.STRING),
        new Column("n", ValueType.NUMBER)));
    ConfiguredAirbyteStream configured = ConfiguredAirbyteStream.of(AirbyteStream.of("odd", Json.parse(jsonSchema),
        List.of(SyncMode.FULL_REFRESH)), SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND);
    try (DestinationWriter writer = open(new ConfiguredAirbyteCatalog(List.of(configured)))) {
      writer.write(RecordBatch.builder(mistyped, 3).add(new Object[] {"12", new BigDecimal("1e40")})
          .add(new Object[] {"not a number", new BigDecimal("0.1234567891")}).add(new Object[] {"13", Double.NaN})
          .build(Instant.now()));
      writer.flush();
      writer.complete();
    }

    assertThat(query("SELECT id, n, _airbyte_meta::VARCHAR FROM main.odd ORDER BY id NULLS FIRST")).containsExactly(
        Arrays.asList(null, new BigDecimal("0.123456789"), "{\"changes\":[{\"field\":\"id\",\"change\":\"NULLED\","
            + "\"reason\":\"DESTINATION_SERIALIZATION_ERROR\"},{\"field\":\"n\",\"change\":\"TRUNCATED\",\"reason\":"
            + "\"DESTINATION_FIELD_SIZE_LIMITATION\"}],\"sync_id\":42}"),
        Arrays.asList(12L, null, "{\"changes\":[{\"field\":\"n\",\"change\":\"NULLED\",\"reason\":"
            + "\"DESTINATION_SERIALIZATION_ERROR\"}],\"sync_id\":42}"),
        Arrays.asList(13L, null, "{\"changes\":[{\"field\":\"n\",\"change\":\"NULLED\",\"reason\":"
            + "\"DESTINATION_SERIALIZATION_ERROR\"}],\"sync_id\":42}"));
  }

  @Test
  void appendKeepsEveryRowWithAirbytesMetadataInTheNamespace() throws Exception {
    sync(DestinationSyncMode.APPEND, batch(row(1, "ann", 1), row(2, "bob", 1)));
    sync(DestinationSyncMode.APPEND, batch(row(1, "ann", 2)));

    assertThat(query("SELECT id, name, updated FROM crm.users ORDER BY id, updated"))
        .containsExactly(List.of(1L, "ann", 1L), List.of(1L, "ann", 2L), List.of(2L, "bob", 1L));
    assertThat(query("SELECT count(DISTINCT _airbyte_raw_id), min(_airbyte_generation_id) FROM crm.users"))
        .containsExactly(List.of(3L, 7L));
  }

  @Test
  void rowsNotYetFlushedAreRolledBackWhenTheSyncFails() throws Exception {
    try (DestinationWriter writer = open(DestinationSyncMode.APPEND)) {
      writer.write(batch(row(1, "flushed", 1)));
      writer.flush();
      // More rows than the appender holds in one chunk, so some reach DuckDB before the failure.
      List<Object[]> many = new ArrayList<>();
      for (int id = 2; id < 10_000; id++) {
        many.add(row(id, "never flushed", 1));
      }
      writer.write(batch(many.toArray(Object[][]::new)));
    }

    assertThat(query("SELECT id, name FROM crm.users")).containsExactly(List.of(1L, "flushed"));
  }

  /**
   * A cancel interrupts the sync thread and closes the writer without {@code complete()} once the thread stops (see
   * the engine's ReplicationRun): an append cancelled before its first flush leaves the table as it was.
   */
  @Test
  void anAppendCancelledMidSyncLeavesTheTableAsBefore() throws Exception {
    sync(DestinationSyncMode.APPEND, batch(row(1, "before", 1), row(2, "before", 1)));

    DestinationWriter writer = open(DestinationSyncMode.APPEND);
    try {
      List<Object[]> many = new ArrayList<>();
      for (int id = 3; id < 10_000; id++) {
        many.add(row(id, "cancelled", 1));
      }
      writer.write(batch(many.toArray(Object[][]::new)));
      Thread.currentThread().interrupt(); // the cancel
      try {
        writer.write(batch(row(10_000, "cancelled", 1)));
      } catch (Exception e) {
        // A write interrupted by the cancel may fail; the sync is over either way.
      }
    } finally {
      Thread.interrupted(); // as the engine clears it, so that closing can wait for its own I/O
      writer.close();
    }

    assertThat(query("SELECT id, name FROM crm.users ORDER BY id"))
        .containsExactly(List.of(1L, "before"), List.of(2L, "before"));
  }

  @Test
  void connectionsBoundDuckDbsMemory() throws Exception {
    try (java.sql.Connection connection = DuckDbFile.open(TestingDuckDb.file(file));
         java.sql.Statement statement = connection.createStatement();
         java.sql.ResultSet result = statement.executeQuery("SELECT current_setting('memory_limit')")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo("512.0 MiB");
    }
  }

  @Test
  void overwriteReplacesTheTableAtCompletionAndLeavesNoStagingTable() throws Exception {
    sync(DestinationSyncMode.OVERWRITE, batch(row(1, "old", 1), row(2, "old", 1)));
    sync(DestinationSyncMode.OVERWRITE, batch(row(3, "new", 1)));

    assertThat(query("SELECT id, name FROM crm.users")).containsExactly(List.of(3L, "new"));
    assertThat(query("SELECT table_name FROM information_schema.tables ORDER BY 1"))
        .containsExactly(List.of("users"));
  }

  @Test
  void anOverwriteFailingMidStreamLeavesThePreviousTable() throws Exception {
    sync(DestinationSyncMode.OVERWRITE, batch(row(1, "old", 1)));

    try (DestinationWriter writer = open(DestinationSyncMode.OVERWRITE)) {
      writer.write(batch(row(2, "new", 1)));
      writer.flush();
      writer.write(batch(row(3, "new", 1)));
      assertThat(query("SELECT id, name FROM crm.users")).containsExactly(List.of(1L, "old"));
    } // closed without complete, as after a failure
    assertThat(query("SELECT id, name FROM crm.users")).containsExactly(List.of(1L, "old"));
    assertThat(query("SELECT id FROM crm.users_gale_tmp")).containsExactly(List.of(2L));
  }

  @Test
  void aRetryOfTheSameGenerationResumesTheOverwriteAnotherStartsAfresh() throws Exception {
    try (DestinationWriter writer = open(DestinationSyncMode.OVERWRITE)) {
      writer.write(batch(row(1, "first attempt", 1)));
      writer.flush();
    }
    sync(DestinationSyncMode.OVERWRITE, batch(row(2, "second attempt", 1)));
    assertThat(query("SELECT id FROM crm.users ORDER BY id")).containsExactly(List.of(1L), List.of(2L));

    try (DestinationWriter writer = open(DestinationSyncMode.OVERWRITE)) {
      writer.write(batch(row(3, "generation 7", 1)));
      writer.flush();
    }
    try (DestinationWriter writer = open(new ConfiguredAirbyteCatalog(List.of(
        stream(DestinationSyncMode.OVERWRITE, 8L))))) {
      writer.write(batch(row(4, "generation 8", 1)));
      writer.flush();
      writer.complete();
    }
    assertThat(query("SELECT id FROM crm.users")).containsExactly(List.of(4L));
  }

  @Test
  void dedupKeepsOneRowPerKeyWithTheGreatestCursor() throws Exception {
    try (DestinationWriter writer = open(DestinationSyncMode.APPEND_DEDUP)) {
      writer.write(batch(row(1, "ann v1", 1), row(2, "bob v2", 2), row(1, "ann v3", 3), row(1, "ann older", 2)));
      writer.flush();
      writer.write(batch(row(2, "bob stale", 1), row(3, "cid v1", 1)));
      writer.write(batch(row(3, "cid v1 again, written last", 1)));
      writer.flush();
      writer.complete();
    }
    sync(DestinationSyncMode.APPEND_DEDUP, batch(row(1, "ann v4", 4), row(2, "bob v2 resent", 2)));

    assertThat(query("SELECT id, name, updated FROM crm.users ORDER BY id")).containsExactly(
        List.of(1L, "ann v4", 4L), List.of(2L, "bob v2 resent", 2L), List.of(3L, "cid v1 again, written last", 1L));
    assertThat(query("SELECT table_name FROM information_schema.tables ORDER BY 1"))
        .as("the stage is dropped at completion").containsExactly(List.of("users"));
  }

  @Test
  void dedupWithoutCursorKeepsTheLastWritten() throws Exception {
    ConfiguredAirbyteStream stream = stream(DestinationSyncMode.APPEND_DEDUP, 7L).withCursorField(List.of());
    try (DestinationWriter writer = open(new ConfiguredAirbyteCatalog(List.of(stream)))) {
      writer.write(batch(row(1, "a", 5), row(1, "b", 1)));
      writer.flush();
      writer.write(batch(row(1, "c", 0)));
      writer.flush();
      writer.complete();
    }
    assertThat(query("SELECT name FROM crm.users")).containsExactly(List.of("c"));
  }

  @Test
  void dedupNeedsAPrimaryKey() {
    ConfiguredAirbyteStream stream = stream(DestinationSyncMode.APPEND_DEDUP, 7L).withPrimaryKey(List.of());

    assertThatThrownBy(() -> open(new ConfiguredAirbyteCatalog(List.of(stream))))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("has no primary key");
  }

  @Test
  void aBatchOfAnUnknownStreamIsRefused() throws Exception {
    try (DestinationWriter writer = open(DestinationSyncMode.APPEND)) {
      RecordSchema other = new RecordSchema(StreamDescriptor.of("other"), List.of(new Column("id", ValueType.INTEGER)));
      assertThatThrownBy(() -> writer.write(RecordBatch.builder(other, 1).add(new Object[] {1L}).build(Instant.now())))
          .isInstanceOf(ConnectorException.class).hasMessageContaining("other");
    }
  }

  @Test
  void awkwardNamesRoundTripAsTheyAre() throws Exception {
    List<String> names = List.of("select", "with space", "with \"quote\"", "with.dot", "Ünïcødé 🦆", "it's");
    ObjectNode schema = Json.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    names.forEach(name -> properties.putObject(name).put("type", "string"));
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    for (String name : names) {
      streams.add(ConfiguredAirbyteStream.of(AirbyteStream.of(name, schema, List.of(SyncMode.FULL_REFRESH))
          .withNamespace("weird.schema \"" + name + "\""), SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE));
    }
    try (DestinationWriter writer = open(new ConfiguredAirbyteCatalog(streams))) {
      for (ConfiguredAirbyteStream stream : streams) {
        RecordSchema rows = new RecordSchema(stream.descriptor(),
            names.stream().map(name -> new Column(name, ValueType.STRING)).toList());
        writer.write(RecordBatch.builder(rows, 1).add(names.toArray()).build(Instant.now()));
      }
      writer.flush();
      writer.complete();
    }

    List<List<Object>> tables = query("SELECT table_schema, table_name FROM information_schema.tables ORDER BY 2");
    assertThat(tables).containsExactlyInAnyOrderElementsOf(names.stream()
        .map(name -> List.<Object>of("weird.schema \"" + name + "\"", name)).toList());
    assertThat(query("SELECT \"select\", \"with space\", \"with \"\"quote\"\"\", \"with.dot\", \"Ünïcødé 🦆\", \"it's\" "
        + "FROM \"weird.schema \"\"with.dot\"\"\".\"with.dot\"")).containsExactly(List.copyOf(names));
  }

  @Test
  void streamsWhoseTablesDifferOnlyInCaseAreRefused() {
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(stream(DestinationSyncMode.APPEND, 7L),
        ConfiguredAirbyteStream.of(AirbyteStream.of("Users", Json.parse("{\"type\":\"object\"}"),
            List.of(SyncMode.FULL_REFRESH)).withNamespace("CRM"), SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)));

    assertThatThrownBy(() -> open(catalog)).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("would both write table");
  }

  @Test
  void propertiesWhoseNamesMeetWithoutCaseGetSuffixes() throws Exception {
    String jsonSchema = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
        + "\"ID\":{\"type\":\"string\"},\"_AIRBYTE_META\":{\"type\":\"string\"}}}";
    StreamDescriptor stream = new StreamDescriptor("cases", null);
    ConfiguredAirbyteStream configured = ConfiguredAirbyteStream.of(AirbyteStream.of("cases", Json.parse(jsonSchema),
        List.of(SyncMode.FULL_REFRESH)), SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND);
    try (DestinationWriter writer = open(new ConfiguredAirbyteCatalog(List.of(configured)))) {
      writer.write(RecordBatch.builder(RecordSchema.fromJsonSchema(stream, Json.parse(jsonSchema)), 1)
          .add(new Object[] {1L, "upper", "mine"}).build(Instant.now()));
      writer.flush();
      writer.complete();
    }
    assertThat(query("SELECT \"id\", \"ID_1\", \"_AIRBYTE_META_1\" FROM main.cases"))
        .containsExactly(List.of(1L, "upper", "mine"));
  }

  @Test
  void checkCreatesTheFileAndLeavesNoTableBehind() {
    assertThat(destination.check(config()).isSucceeded()).isTrue();

    assertThat(TestingDuckDb.file(file)).exists();
    assertThat(query("SELECT count(*) FROM information_schema.tables")).containsExactly(List.of(0L));
  }

  @Test
  void checkSaysWhenTheFileIsNotADuckDbDatabase() throws Exception {
    java.nio.file.Files.writeString(TestingDuckDb.file(file), "not a database ".repeat(500));

    var status = destination.check(config());

    assertThat(status.isSucceeded()).isFalse();
    assertThat(status.message()).contains("Cannot open destination_path").contains("not a valid DuckDB database");
  }

  @Test
  void aFileAnotherProcessHoldsIsNamedAsInUse() throws Exception {
    Process holder = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldDuckDbFile.class.getName(),
        TestingDuckDb.file(file).toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()))) {
      assertThat(output.readLine()).isEqualTo("open");

      var status = destination.check(config());
      assertThat(status.isSucceeded()).isFalse();
      assertThat(status.message()).startsWith("destination_path " + TestingDuckDb.file(file) + " is in use by another "
          + "process (PID " + holder.pid() + ")");
      assertThatThrownBy(() -> open(DestinationSyncMode.APPEND))
          .isInstanceOf(ConnectorException.class).hasMessageContaining("is in use by another process");
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }
  }

  @Test
  void checkSaysWhenThePathCannotBeWritten() throws Exception {
    java.nio.file.Files.writeString(TestingDuckDb.ROOT.resolve(file), "a file where a directory should be");
    JsonNode config = Json.object().put("destination_path", "/local/" + file + "/db.duckdb");

    var status = destination.check(config);

    assertThat(status.isSucceeded()).isFalse();
    assertThat(status.message()).contains("Cannot create the directory of destination_path");
  }

  private void sync(DestinationSyncMode mode, RecordBatch... batches) throws Exception {
    try (DestinationWriter writer = open(mode)) {
      for (RecordBatch batch : batches) {
        writer.write(batch);
      }
      writer.flush();
      writer.complete();
    }
  }

  private JsonNode config() {
    return TestingDuckDb.config(file, "main");
  }

  private List<List<Object>> query(String sql) {
    return TestingDuckDb.query(file, sql);
  }

  private DestinationWriter open(DestinationSyncMode mode) {
    return open(new ConfiguredAirbyteCatalog(List.of(stream(mode, 7L))));
  }

  private DestinationWriter open(ConfiguredAirbyteCatalog catalog) {
    return destination.open(config(), catalog, new WriteContext(42, (level, message) -> { }));
  }

  private static ConfiguredAirbyteStream stream(DestinationSyncMode mode, Long generation) {
    JsonNode schema = Json.parse("""
        {"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string"},
         "updated":{"type":"integer"}}}""");
    AirbyteStream stream = AirbyteStream.of("users", schema, List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL))
        .withNamespace("crm");
    SyncMode syncMode = mode == DestinationSyncMode.OVERWRITE ? SyncMode.FULL_REFRESH : SyncMode.INCREMENTAL;
    return ConfiguredAirbyteStream.of(stream, syncMode, mode).withPrimaryKey(List.of(List.of("id")))
        .withCursorField(List.of("updated")).withGenerations(generation, 0L, 42L);
  }

  private static RecordBatch batch(Object[]... rows) {
    RecordBatch.Builder builder = RecordBatch.builder(USER_ROWS, rows.length);
    for (Object[] row : rows) {
      builder.add(row);
    }
    return builder.build(Instant.parse("2024-05-06T07:08:09Z"));
  }

  private static Object[] row(long id, String name, long updated) {
    return new Object[] {id, name, updated};
  }
}
