package dev.gale.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Destination;
import dev.gale.connector.contract.DestinationContract;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.ValueType;
import dev.gale.connector.data.WriteContext;
import dev.gale.connectors.postgres.TestingPostgres;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresDestinationIT extends DestinationContract {
  static final TestingPostgres POSTGRES = TestingPostgres.shared();
  static final StreamDescriptor USERS = new StreamDescriptor("users", "crm");
  static final RecordSchema USER_ROWS = new RecordSchema(USERS, List.of(new Column("id", ValueType.INTEGER),
      new Column("name", ValueType.STRING), new Column("updated", ValueType.INTEGER)));

  private final PostgresDestination destination = new PostgresDestination();
  private final String database = POSTGRES.newDatabase();

  @Override
  protected Destination connector() {
    return destination;
  }

  @Override
  protected JsonNode validConfig() {
    return POSTGRES.config(database).put("schema", "public");
  }

  @Override
  protected JsonNode invalidConfig() {
    ObjectNode config = POSTGRES.config(database).put("password", "p4ss-w0rd-secret");
    config.remove("database");
    return config;
  }

  @Test
  void specHasAirbyteDestinationPostgresProperties() {
    JsonNode spec = destination.spec().connectionSpecification();

    assertThat(spec.get("required")).isEqualTo(Json.parse("[\"host\",\"port\",\"database\",\"schema\",\"username\"]"));
    assertThat(spec.at("/properties/schema/default").asText()).isEqualTo("public");
    assertThat(spec.at("/properties/password/airbyte_secret").asBoolean()).isTrue();
    assertThat(spec.at("/properties/ssl_mode/oneOf")).hasSize(6);
    assertThat(destination.spec().supportedDestinationSyncModes()).containsExactly(DestinationSyncMode.OVERWRITE,
        DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);
  }

  @Test
  void checkLeavesNoTableBehind() {
    assertThat(destination.check(validConfig()).isSucceeded()).isTrue();

    assertThat(POSTGRES.query(database, "SELECT count(*) FROM pg_tables WHERE tablename LIKE '_gale_check%'"))
        .containsExactly(List.of(0L));
  }

  @Test
  void appendCreatesTheNamespaceAndATypedTableWithAirbytesMetadata() throws Exception {
    sync(DestinationSyncMode.APPEND, batch(row(1, "ann", 1), row(2, "bob", 1)));
    sync(DestinationSyncMode.APPEND, batch(row(1, "ann", 2)));

    assertThat(POSTGRES.query(database, "SELECT id, name, updated FROM crm.users ORDER BY id, updated"))
        .containsExactly(List.of(1L, "ann", 1L), List.of(1L, "ann", 2L), List.of(2L, "bob", 1L));
    assertThat(POSTGRES.query(database, """
        SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'crm'
        AND table_name = 'users' ORDER BY ordinal_position""")).containsExactly(
        List.of("_airbyte_raw_id", "uuid"), List.of("_airbyte_extracted_at", "timestamp with time zone"),
        List.of("_airbyte_meta", "jsonb"), List.of("_airbyte_generation_id", "bigint"), List.of("id", "bigint"),
        List.of("name", "text"), List.of("updated", "bigint"));
    assertThat(POSTGRES.query(database, "SELECT count(DISTINCT _airbyte_raw_id), min(_airbyte_meta::text), "
        + "min(_airbyte_generation_id) FROM crm.users")).containsExactly(List.of(3L, "{\"changes\": [], \"sync_id\": 42}", 7L));
  }

  @Test
  void overwriteReplacesTheTableAtCompletion() throws Exception {
    sync(DestinationSyncMode.OVERWRITE, batch(row(1, "old", 1), row(2, "old", 1)));
    sync(DestinationSyncMode.OVERWRITE, batch(row(3, "new", 1)));

    assertThat(POSTGRES.query(database, "SELECT id, name FROM crm.users")).containsExactly(List.of(3L, "new"));
    assertThat(POSTGRES.query(database, "SELECT count(*) FROM pg_tables WHERE tablename LIKE '%gale_tmp'"))
        .containsExactly(List.of(0L));
  }

  @Test
  void anOverwriteFailingMidStreamLeavesThePreviousTable() throws Exception {
    sync(DestinationSyncMode.OVERWRITE, batch(row(1, "old", 1)));

    try (DestinationWriter writer = open(DestinationSyncMode.OVERWRITE)) {
      writer.write(batch(row(2, "new", 1)));
      writer.flush();
      writer.write(batch(row(3, "new", 1)));
      assertThat(POSTGRES.query(database, "SELECT id, name FROM crm.users")).containsExactly(List.of(1L, "old"));
    } // closed without complete, as after a failure
    assertThat(POSTGRES.query(database, "SELECT id, name FROM crm.users")).containsExactly(List.of(1L, "old"));
    assertThat(POSTGRES.query(database, "SELECT id FROM crm.users_gale_tmp")).containsExactly(List.of(2L));
  }

  @Test
  void aRetryOfTheSameGenerationResumesTheOverwriteAnotherStartsAfresh() throws Exception {
    try (DestinationWriter writer = open(DestinationSyncMode.OVERWRITE)) {
      writer.write(batch(row(1, "first attempt", 1)));
      writer.flush();
    }
    try (DestinationWriter writer = open(DestinationSyncMode.OVERWRITE)) {
      writer.write(batch(row(2, "second attempt", 1)));
      writer.flush();
      writer.complete();
    }
    assertThat(POSTGRES.query(database, "SELECT id FROM crm.users ORDER BY id"))
        .containsExactly(List.of(1L), List.of(2L));

    try (DestinationWriter writer = open(DestinationSyncMode.OVERWRITE)) {
      writer.write(batch(row(3, "generation 7", 1)));
      writer.flush();
    }
    try (DestinationWriter writer = open(catalog(DestinationSyncMode.OVERWRITE, 8L))) {
      writer.write(batch(row(4, "generation 8", 1)));
      writer.flush();
      writer.complete();
    }
    assertThat(POSTGRES.query(database, "SELECT id FROM crm.users")).containsExactly(List.of(4L));
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

    assertThat(POSTGRES.query(database, "SELECT id, name, updated FROM crm.users ORDER BY id")).containsExactly(
        List.of(1L, "ann v4", 4L), List.of(2L, "bob v2 resent", 2L), List.of(3L, "cid v1 again, written last", 1L));
  }

  @Test
  void dedupWithoutCursorKeepsTheLastWritten() throws Exception {
    ConfiguredAirbyteStream stream = stream(DestinationSyncMode.APPEND_DEDUP, 7L).withCursorField(List.of());
    try (DestinationWriter writer = destination.open(validConfig(), new ConfiguredAirbyteCatalog(List.of(stream)),
        context())) {
      writer.write(batch(row(1, "a", 5), row(1, "b", 1)));
      writer.flush();
      writer.write(batch(row(1, "c", 0)));
      writer.flush();
      writer.complete();
    }
    assertThat(POSTGRES.query(database, "SELECT name FROM crm.users")).containsExactly(List.of("c"));
  }

  @Test
  void aValueTheColumnCannotHoldIsNulledAndNamedInTheMeta() throws Exception {
    RecordSchema mistyped = new RecordSchema(USERS, List.of(new Column("id", ValueType.STRING),
        new Column("name", ValueType.STRING), new Column("updated", ValueType.STRING)));
    try (DestinationWriter writer = open(DestinationSyncMode.APPEND)) {
      writer.write(RecordBatch.builder(mistyped, 1).add(new Object[] {"12", "x", "not a number"})
          .build(Instant.now()));
      writer.flush();
      writer.complete();
    }
    assertThat(POSTGRES.query(database, "SELECT id, updated, _airbyte_meta::text FROM crm.users")).containsExactly(
        Arrays.asList(12L, null, "{\"changes\": [{\"field\": \"updated\", \"change\": \"NULLED\", \"reason\": "
            + "\"DESTINATION_SERIALIZATION_ERROR\"}], \"sync_id\": 42}"));
  }

  @Test
  void dedupNeedsAPrimaryKey() {
    ConfiguredAirbyteStream stream = stream(DestinationSyncMode.APPEND_DEDUP, 7L).withPrimaryKey(List.of());

    assertThatThrownBy(() -> destination.open(validConfig(), new ConfiguredAirbyteCatalog(List.of(stream)), context()))
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
    String longName = "a_very_long_stream_name_that_goes_on_and_on_beyond_sixty_three_bytes_ü";
    List<String> names = List.of("select", "with space", "with \"quote\"", "Ünïcødé 🐘", "MixedCase", longName,
        longName + "_2");
    ObjectNode schema = Json.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    names.forEach(name -> properties.putObject(name).put("type", "string"));
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    for (String name : names) {
      streams.add(ConfiguredAirbyteStream.of(AirbyteStream.of(name, schema, List.of(SyncMode.FULL_REFRESH))
          .withNamespace("weird schema \"" + name + "\""), SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE));
    }
    try (DestinationWriter writer = destination.open(validConfig(), new ConfiguredAirbyteCatalog(streams), context())) {
      for (ConfiguredAirbyteStream stream : streams) {
        RecordSchema rows = new RecordSchema(stream.descriptor(),
            names.stream().map(name -> new Column(name, ValueType.STRING)).toList());
        writer.write(RecordBatch.builder(rows, 1).add(names.toArray()).build(Instant.now()));
      }
      writer.flush();
      writer.complete();
    }
    List<List<Object>> tables = POSTGRES.query(database, "SELECT schemaname, tablename FROM pg_tables WHERE "
        + "schemaname LIKE 'weird%' ORDER BY 1");
    assertThat(tables).hasSize(names.size());
    assertThat(tables).extracting(row -> (String) row.get(1)).contains("select", "with space", "with \"quote\"",
        "Ünïcødé 🐘", "MixedCase").allMatch(name -> name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63);
    assertThat(tables.stream().map(row -> row.get(1)).distinct()).hasSize(names.size());
    assertThat(POSTGRES.query(database, "SELECT \"select\", \"with space\", \"with \"\"quote\"\"\", \"Ünïcødé 🐘\", "
        + "\"MixedCase\" FROM \"weird schema \"\"select\"\"\".\"select\"")).containsExactly(
        List.of("select", "with space", "with \"quote\"", "Ünïcødé 🐘", "MixedCase"));
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

  private DestinationWriter open(DestinationSyncMode mode) {
    return open(catalog(mode, 7L));
  }

  private DestinationWriter open(ConfiguredAirbyteCatalog catalog) {
    return destination.open(validConfig(), catalog, context());
  }

  private static ConfiguredAirbyteCatalog catalog(DestinationSyncMode mode, Long generation) {
    return new ConfiguredAirbyteCatalog(List.of(stream(mode, generation)));
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

  private static WriteContext context() {
    return new WriteContext(42, (level, message) -> { });
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
