package dev.gale.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.connector.contract.SourceContract;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.ValueType;
import dev.gale.connectors.postgres.RecordingOutput;
import dev.gale.connectors.postgres.TestingPostgres;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresSourceIT extends SourceContract {
  static final TestingPostgres POSTGRES = TestingPostgres.shared();
  static final String DATABASE = POSTGRES.newDatabase();

  static {
    POSTGRES.execute(DATABASE,
        "CREATE TYPE mood AS ENUM ('sad', 'happy')",
        "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
        """
        CREATE TABLE all_types (id serial PRIMARY KEY, small int2, big int8, pos positive, real_value real,
          double_value double precision, amount numeric(12,3), huge numeric, flag boolean, name text,
          code varchar(10), fixed char(3), doc json, docb jsonb, day date, at_time time, at_timetz timetz,
          ts timestamp, tstz timestamptz, uid uuid, data bytea, tags text[], numbers int4[], feeling mood,
          span interval, addr inet)""",
        """
        INSERT INTO all_types (small, big, pos, real_value, double_value, amount, huge, flag, name, code, fixed, doc,
          docb, day, at_time, at_timetz, ts, tstz, uid, data, tags, numbers, feeling, span, addr)
        VALUES (-7, 9007199254740993, 5, 0.1, 2.5e-300, -1234.5, 123456789012345678901234567890.000000000001, true,
          'Grüße, "quoted" ☃ 🐘', 'v', 'ab', '{"a": [1, 2]}', '{"b": null}', '2024-02-29', '13:14:15.123456',
          '01:02:03+05:30', '2024-01-02 03:04:05.678901', '2024-01-02 03:04:05.5+02', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
          '\\x00ff10', '{"x", "y z"}', '{1, 2, NULL}', 'happy', '1 day 2 hours', '192.168.0.1/24')""",
        "INSERT INTO all_types (id) VALUES (100)",
        "CREATE VIEW all_types_view AS SELECT id, name FROM all_types",
        "CREATE SCHEMA other",
        "CREATE TABLE other.hidden (id int)");
  }

  private final PostgresSource source = new PostgresSource(3);

  @Override
  protected Source connector() {
    return source;
  }

  @Override
  protected JsonNode validConfig() {
    return POSTGRES.config(DATABASE);
  }

  @Override
  protected JsonNode invalidConfig() {
    ObjectNode config = POSTGRES.config(DATABASE).put("password", "p4ss-w0rd-secret");
    config.remove("database");
    return config;
  }

  @Test
  void specHasAirbyteSourcePostgresProperties() {
    JsonNode spec = source.spec().connectionSpecification();

    assertThat(spec.get("required")).isEqualTo(Json.parse("[\"host\",\"port\",\"database\",\"username\"]"));
    assertThat(spec.at("/properties/port/default").asInt()).isEqualTo(5432);
    assertThat(spec.at("/properties/schemas/type").asText()).isEqualTo("array");
    assertThat(spec.at("/properties/schemas/default")).isEqualTo(Json.parse("[\"public\"]"));
    assertThat(spec.at("/properties/password/airbyte_secret").asBoolean()).isTrue();
    assertThat(spec.at("/properties/ssl/type").asText()).isEqualTo("boolean");
    List<String> modes = spec.at("/properties/ssl_mode/oneOf").findValues("mode").stream()
        .map(mode -> mode.get("const").asText()).toList();
    assertThat(modes).containsExactly("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    assertThat(spec.at("/properties/ssl_mode/oneOf/4/properties/ca_certificate/airbyte_secret").asBoolean()).isTrue();
    assertThat(spec.at("/properties/replication_method/oneOf/0/properties/method/const").asText())
        .isEqualTo("Standard");
  }

  @Test
  void checkSaysWhyItCannotConnectWithoutThePassword() {
    AirbyteConnectionStatus status = source.check(POSTGRES.config(DATABASE).put("port", 1)
        .put("password", "p4ss-w0rd-secret"));

    assertThat(status.isSucceeded()).isFalse();
    assertThat(status.message()).contains("Cannot connect to localhost:1/" + DATABASE).doesNotContain("p4ss");
  }

  @Test
  void checkAcceptsTheOlderSslBoolean() {
    ObjectNode config = POSTGRES.config(DATABASE).put("ssl", false);
    config.remove("ssl_mode");

    assertThat(source.check(config).isSucceeded()).isTrue();
  }

  @Test
  void discoverListsTablesAndViewsOfTheConfiguredSchemasWithKeys() {
    AirbyteCatalog catalog = source.discover(validConfig());

    assertThat(catalog.streams()).extracting(AirbyteStream::name).containsExactly("all_types", "all_types_view");
    AirbyteStream table = catalog.streams().getFirst();
    assertThat(table.namespace()).isEqualTo("public");
    assertThat(table.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
    assertThat(table.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(table.sourceDefinedCursor()).isFalse();
    assertThat(catalog.streams().get(1).sourceDefinedPrimaryKey()).isEmpty();

    ObjectNode config = POSTGRES.config(DATABASE);
    config.putArray("schemas").add("other");
    assertThat(source.discover(config).streams()).extracting(AirbyteStream::name).containsExactly("hidden");
  }

  @Test
  void discoverTypesColumnsWithAirbytesTypeSystem() {
    JsonNode properties = source.discover(validConfig()).streams().getFirst().jsonSchema().get("properties");

    assertThat(properties.get("id")).isEqualTo(Json.parse("{\"type\":\"integer\"}"));
    assertThat(properties.get("small")).isEqualTo(Json.parse("{\"type\":\"integer\"}"));
    assertThat(properties.get("pos")).isEqualTo(Json.parse("{\"type\":\"integer\"}"));
    assertThat(properties.get("amount")).isEqualTo(Json.parse("{\"type\":\"number\"}"));
    assertThat(properties.get("real_value")).isEqualTo(Json.parse("{\"type\":\"number\"}"));
    assertThat(properties.get("flag")).isEqualTo(Json.parse("{\"type\":\"boolean\"}"));
    assertThat(properties.get("fixed")).isEqualTo(Json.parse("{\"type\":\"string\"}"));
    assertThat(properties.get("day")).isEqualTo(Json.parse("{\"type\":\"string\",\"format\":\"date\"}"));
    assertThat(properties.get("tstz")).isEqualTo(Json.parse(
        "{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"}"));
    assertThat(properties.get("ts")).isEqualTo(Json.parse(
        "{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"}"));
    assertThat(properties.get("at_time")).isEqualTo(Json.parse(
        "{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"}"));
    assertThat(properties.get("at_timetz")).isEqualTo(Json.parse(
        "{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_with_timezone\"}"));
    assertThat(properties.get("data")).isEqualTo(Json.parse("{\"type\":\"string\",\"contentEncoding\":\"base64\"}"));
    assertThat(properties.get("doc")).isEqualTo(Json.object());
    assertThat(properties.get("docb")).isEqualTo(Json.object());
    assertThat(properties.get("tags")).isEqualTo(Json.parse("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
    assertThat(properties.get("numbers")).isEqualTo(Json.parse("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}"));
    assertThat(properties.get("uid")).isEqualTo(Json.parse("{\"type\":\"string\"}"));
    assertThat(properties.get("feeling")).isEqualTo(Json.parse("{\"type\":\"string\"}"));
    assertThat(properties.get("span")).isEqualTo(Json.parse("{\"type\":\"string\"}"));
  }

  @Test
  void fullRefreshDecodesEveryTypeIntoItsJavaValue() throws Exception {
    RecordingOutput output = read(fullRefresh("all_types"));

    List<Object[]> rows = output.rows();
    assertThat(rows).hasSize(2);
    RecordBatch batch = ((RecordingOutput.Batch) output.events.getFirst()).batch();
    assertThat(batch.schema().columns().get(7).type()).isEqualTo(ValueType.NUMBER);
    Object[] row = rows.getFirst();
    assertThat(row).containsExactly(1L, -7L, 9007199254740993L, 5L, 0.1, 2.5e-300, new BigDecimal("-1234.500"),
        new BigDecimal("123456789012345678901234567890.000000000001"), true, "Grüße, \"quoted\" ☃ 🐘", "v", "ab ",
        "{\"a\": [1, 2]}", "{\"b\": null}", LocalDate.of(2024, 2, 29), LocalTime.of(13, 14, 15, 123_456_000),
        OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHoursMinutes(5, 30)), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000),
        OffsetDateTime.of(2024, 1, 2, 1, 4, 5, 500_000_000, ZoneOffset.UTC), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        new byte[] {0, (byte) 0xFF, 0x10}, "[\"x\", \"y z\"]", "[1, 2, null]", "happy", "1 day 02:00:00",
        "192.168.0.1/24");
    assertThat(rows.get(1)[0]).isEqualTo(100L);
    assertThat(rows.get(1)[1]).isNull();
    assertThat(output.states()).hasSize(1);
  }

  @Test
  void readsOnlyTheSelectedColumnsOfAView() throws Exception {
    ObjectNode schema = Json.object().put("type", "object");
    schema.putObject("properties").putObject("name").put("type", "string");
    AirbyteStream stream = AirbyteStream.of("all_types_view", schema, List.of(SyncMode.FULL_REFRESH))
        .withNamespace("public");

    RecordingOutput output = read(ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH,
        DestinationSyncMode.OVERWRITE));

    assertThat(output.rows()).extracting(row -> row.length).containsOnly(1);
    assertThat(output.rows().getFirst()[0]).isEqualTo("Grüße, \"quoted\" ☃ 🐘");
  }

  @Test
  void readOfAMissingTableSaysWhich() {
    AirbyteStream stream = AirbyteStream.of("nowhere", Json.object(), List.of(SyncMode.FULL_REFRESH))
        .withNamespace("public");

    assertThatThrownBy(() -> read(ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH,
        DestinationSyncMode.APPEND))).isInstanceOf(ConnectorException.class).hasMessageContaining("public.nowhere");
  }

  private ConfiguredAirbyteStream fullRefresh(String table) {
    AirbyteStream stream = source.discover(validConfig()).streams().stream().filter(s -> s.name().equals(table))
        .findFirst().orElseThrow();
    return ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE);
  }

  private RecordingOutput read(ConfiguredAirbyteStream stream) throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    source.read(validConfig(), new ConfiguredAirbyteCatalog(List.of(stream)), List.of(), output);
    return output;
  }
}
