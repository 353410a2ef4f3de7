package dev.gale.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Destination;
import dev.gale.connector.Source;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connector.data.ValueType;
import dev.gale.connector.data.WriteContext;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.connectors.postgres.source.PostgresSource;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Postgres to Postgres through the two connectors and a small loop standing in for the engine. */
class RoundTripIT {
  static final TestingPostgres POSTGRES = TestingPostgres.shared();

  private final String from = POSTGRES.newDatabase();
  private final String to = POSTGRES.newDatabase();
  private final Source source = new PostgresSource();
  private final Destination destination = new PostgresDestination();

  @Test
  void everyValueTypeSurvivesSourceToDestination() throws Exception {
    POSTGRES.execute(from,
        "CREATE TYPE mood AS ENUM ('sad', 'happy')",
        """
        CREATE TABLE "all types" (id int PRIMARY KEY, small int2, big int8, real_value real, double_value float8,
          amount numeric(12,3), huge numeric, flag boolean, name text, code varchar(10), fixed char(3), doc json,
          docb jsonb, day date, at_time time, at_timetz timetz, ts timestamp, tstz timestamptz, uid uuid, data bytea,
          tags text[], feeling mood, span interval)""",
        """
        INSERT INTO "all types" VALUES
          (1, -7, 9007199254740993, 0.1, 2.5e-300, -1234.5, 123456789012345678901234567890.000000000001, true,
           E'Grüße\\n"quoted"\\t☃ 🐘', 'v', 'ab', '{"a": [1, 2]}', '{"b": null}', '2024-02-29', '13:14:15.123456',
           '01:02:03+05:30', '2024-01-02 03:04:05.678901', '2024-01-02 03:04:05.5+02',
           'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff10', '{"x", "y z"}', 'happy', '1 day 2 hours'),
          (2, 32767, -9223372036854775808, 'NaN', 'Infinity', 0, 'NaN', false, '', '', '', '[]', '"text"',
           '0044-03-15 BC', '00:00', '23:59:59.999999-14:59', 'infinity', '-infinity', '00000000-0000-0000-0000-000000000000',
           '\\x', '{}', 'sad', '-1 mons'),
          (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL)""");
    AirbyteCatalog catalog = source.discover(POSTGRES.config(from));
    ConfiguredAirbyteCatalog configured = new ConfiguredAirbyteCatalog(catalog.streams().stream()
        .map(stream -> ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE))
        .toList());

    replicate(source, POSTGRES.config(from), configured, destination,
        POSTGRES.config(to).put("schema", "public"), 1);

    List<Object[]> original = readAll(POSTGRES.config(from));
    List<Object[]> copied = readAll(POSTGRES.config(to));
    assertThat(copied).hasSameSizeAs(original);
    List<Column> columns = schemaOf(POSTGRES.config(from));
    for (int row = 0; row < original.size(); row++) {
      for (int column = 0; column < columns.size(); column++) {
        Object before = original.get(row)[column];
        Object after = copied.get(row)[columns.size() - original.get(row).length + column + 4];
        assertThat(sameValue(columns.get(column).type(), before, after))
            .as("row %d column %s: %s became %s", row, columns.get(column).name(), before, after).isTrue();
      }
    }
  }

  /** The engine's job in miniature: every batch written, a flush at every checkpoint, completion at the end. */
  static void replicate(Source source, JsonNode sourceConfig, ConfiguredAirbyteCatalog catalog,
                        Destination destination, JsonNode destinationConfig, long syncId) throws Exception {
    try (DestinationWriter writer = destination.open(destinationConfig, catalog, new WriteContext(syncId,
        (level, message) -> { }))) {
      source.read(sourceConfig, catalog, List.of(), new SourceOutput() {
        @Override
        public void emit(RecordBatch batch) {
          call(() -> writer.write(batch));
        }

        @Override
        public void checkpoint(AirbyteStateMessage state) {
          call(writer::flush);
        }

        @Override
        public void log(LogLevel level, String message) {
        }
      });
      writer.complete();
    }
  }

  private List<Object[]> readAll(JsonNode config) throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    ConfiguredAirbyteStream stream = ConfiguredAirbyteStream.of(source.discover(config).streams().getFirst(),
        SyncMode.INCREMENTAL, DestinationSyncMode.APPEND).withCursorField(List.of("id"));
    source.read(config, new ConfiguredAirbyteCatalog(List.of(stream)), List.of(), output);
    return output.rows();
  }

  private List<Column> schemaOf(JsonNode config) throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    ConfiguredAirbyteStream stream = ConfiguredAirbyteStream.of(source.discover(config).streams().getFirst(),
        SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND);
    source.read(config, new ConfiguredAirbyteCatalog(List.of(stream)), List.of(), output);
    return new ArrayList<>(((RecordingOutput.Batch) output.events.getFirst()).batch().schema().columns());
  }

  // Integers and numbers land in bigint and numeric, JSON in jsonb (which normalises spacing): compare by meaning.
  private static boolean sameValue(ValueType type, Object before, Object after) {
    if (before == null || after == null) {
      return before == after;
    }
    return switch (type) {
      case NUMBER -> before instanceof Double d && !Double.isFinite(d) ? before.equals(after)
          : new BigDecimal(before.toString()).compareTo(new BigDecimal(after.toString())) == 0;
      case JSON -> Json.parse((String) before).equals(Json.parse((String) after));
      case BINARY -> Arrays.equals((byte[]) before, (byte[]) after);
      default -> before.equals(after);
    };
  }

  private interface SqlCall {
    void run() throws Exception;
  }

  private static void call(SqlCall call) {
    try {
      call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
