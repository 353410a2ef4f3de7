package dev.gale.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connectors.postgres.RecordingOutput;
import dev.gale.connectors.postgres.TestingPostgres;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresSourceIncrementalIT {
  static final TestingPostgres POSTGRES = TestingPostgres.shared();

  private final String database = POSTGRES.newDatabase();
  private final PostgresSource source = new PostgresSource(3);

  @Test
  void checkpointsFallBetweenCursorValuesAndCountTheLastOnesRows() throws Exception {
    POSTGRES.execute(database, "CREATE TABLE events (id int PRIMARY KEY, updated int)",
        "INSERT INTO events VALUES (1, 10), (2, 10), (3, 10), (4, 10), (5, 20), (6, 30), (7, 30), (8, NULL)");

    RecordingOutput output = read("events", "updated", null);

    assertThat(ids(output.rows())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    // Three rows at least between checkpoints, each at a change of value: after the 10s, and at the end.
    assertThat(output.states()).extracting(PostgresSourceIncrementalIT::cursorAndCount)
        .containsExactly("10x4", "30x2");
    RecordingOutput.Event first = output.events.get(1);
    assertThat(first).isInstanceOf(RecordingOutput.Checkpoint.class);
    assertThat(((RecordingOutput.Batch) output.events.getFirst()).batch().size()).isEqualTo(4);
    assertThat(output.states().getFirst().sourceStats().recordCount()).isEqualTo(4.0);
    JsonNode state = output.states().getLast().stream().streamState();
    assertThat(state.toString()).isEqualTo(Json.parse("""
        {"version":2,"state_type":"cursor_based","stream_name":"events","stream_namespace":"public",
         "cursor_field":["updated"],"cursor":"30","cursor_record_count":2}""").toString());
  }

  @Test
  void nextSyncsReadNewAndUpdatedRowsAndTiesOnlyWhenTheirCountChanged() throws Exception {
    POSTGRES.execute(database, "CREATE TABLE events (id int PRIMARY KEY, updated int)",
        "INSERT INTO events VALUES (1, 10), (2, 20), (3, 20)");
    JsonNode state = lastState(read("events", "updated", null));

    RecordingOutput unchanged = read("events", "updated", state);
    assertThat(unchanged.rows()).isEmpty();
    assertThat(lastState(unchanged)).isEqualTo(state);

    POSTGRES.execute(database, "INSERT INTO events VALUES (4, 20), (5, 25)", "UPDATE events SET updated = 30 WHERE id = 1");
    RecordingOutput changed = read("events", "updated", state);
    // The rows at 20 come again because a third appeared with that value; nothing is lost.
    assertThat(ids(changed.rows())).containsExactly(2L, 3L, 4L, 5L, 1L);
    assertThat(cursorAndCount(changed.states().getLast())).isEqualTo("30x1");

    RecordingOutput again = read("events", "updated", lastState(changed));
    assertThat(again.rows()).isEmpty();
  }

  @Test
  void resumesFromAnIntermediateCheckpointWithoutRepeatingOrLosingRows() throws Exception {
    POSTGRES.execute(database, "CREATE TABLE events (id int PRIMARY KEY, updated int)",
        "INSERT INTO events SELECT i, i / 2 FROM generate_series(1, 20) i");
    RecordingOutput full = read("events", "updated", null);
    AirbyteStateMessage middle = full.states().get(1);
    int coveredRows = 0;
    for (RecordingOutput.Event event : full.events) {
      if (event instanceof RecordingOutput.Checkpoint checkpoint && checkpoint.state() == middle) {
        break;
      }
      if (event instanceof RecordingOutput.Batch batch) {
        coveredRows += batch.batch().size();
      }
    }

    RecordingOutput resumed = read("events", "updated", middle.stream().streamState());

    List<Long> all = ids(full.rows());
    assertThat(ids(resumed.rows())).containsExactlyElementsOf(all.subList(coveredRows, all.size()));
  }

  @Test
  void rowsWithoutCursorValueAreReadByTheFirstSyncOnly() throws Exception {
    POSTGRES.execute(database, "CREATE TABLE events (id int PRIMARY KEY, updated int)",
        "INSERT INTO events VALUES (1, NULL), (2, 5)");
    RecordingOutput first = read("events", "updated", null);
    POSTGRES.execute(database, "INSERT INTO events VALUES (3, NULL)");

    assertThat(ids(first.rows())).containsExactly(2L, 1L);
    assertThat(read("events", "updated", lastState(first)).rows()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bigint", "numeric(10,2)", "double precision", "real", "text", "date", "timestamp",
      "timestamptz", "time", "timetz", "uuid", "varchar(20)"})
  void aStateOfEveryCursorTypeReadsBackAsTheSameValue(String type) throws Exception {
    POSTGRES.execute(database, "SET TIME ZONE 'Asia/Kolkata'",
        "CREATE TABLE events (id int PRIMARY KEY, c " + type + ")",
        "INSERT INTO events VALUES (1, " + sample(type, 1) + "), (2, " + sample(type, 2) + "), (3, "
            + sample(type, 2) + ")");

    RecordingOutput first = read("events", "c", null);
    assertThat(first.rows()).hasSize(3);
    assertThat(cursorAndCount(first.states().getLast())).endsWith("x2");

    assertThat(read("events", "c", lastState(first)).rows()).as("nothing new after %s", lastState(first)).isEmpty();
  }

  @Test
  void aCancelledReadStopsTheCopyAndSaysSo() throws InterruptedException {
    POSTGRES.execute(database, "CREATE TABLE big AS SELECT i AS id, md5(i::text) AS name FROM generate_series(1, 200000) i");
    List<RecordBatch> received = new ArrayList<>();
    SourceOutput cancelling = new RecordingOutput() {
      @Override
      public synchronized void emit(RecordBatch batch) {
        received.add(batch);
        Thread.currentThread().interrupt(); // what the engine does when the sync is cancelled
      }
    };
    AirbyteStream stream = source.discover(POSTGRES.config(database)).streams().getFirst();
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(
        ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)));

    assertThatThrownBy(() -> source.read(POSTGRES.config(database), catalog, List.of(), cancelling))
        .isInstanceOf(InterruptedException.class);
    assertThat(received).hasSize(1);
    Thread.interrupted();
    assertThat(sessionsLeft()).as("the source's session ends with the cancel").isZero();
  }

  /**
   * The source's sessions still in the server, waited for a little: a backend leaves pg_stat_activity only once its
   * process has exited, a moment after the client closed the connection (a busy machine once saw it still there).
   */
  private long sessionsLeft() throws InterruptedException {
    long left = 0;
    for (int i = 0; i < 100; i++) {
      left = (Long) POSTGRES.query(database, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'gale'")
          .getFirst().getFirst();
      if (left == 0) {
        return 0;
      }
      Thread.sleep(50);
    }
    return left;
  }

  private static String sample(String type, int n) {
    return switch (type) {
      case "bigint" -> String.valueOf(n * 1_000_000_000_000L);
      case "numeric(10,2)" -> "'" + n + ".50'";
      case "double precision", "real" -> "'" + n + ".1'";
      case "date" -> "'2024-0" + n + "-29'";
      case "timestamp" -> "'2024-01-0" + n + " 10:11:12.123456'";
      case "timestamptz" -> "'2024-01-0" + n + " 10:11:12.123456+05:30'";
      case "time" -> "'10:11:1" + n + ".5'";
      case "timetz" -> "'10:11:1" + n + ".5-03:00'";
      case "uuid" -> "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1" + n + "'";
      default -> "'it''s " + n + "'";
    };
  }

  private RecordingOutput read(String table, String cursor, JsonNode state) throws InterruptedException {
    AirbyteStream stream = source.discover(POSTGRES.config(database)).streams().stream()
        .filter(s -> s.name().equals(table)).findFirst().orElseThrow();
    ConfiguredAirbyteStream configured = ConfiguredAirbyteStream.of(stream, SyncMode.INCREMENTAL,
        DestinationSyncMode.APPEND_DEDUP).withCursorField(List.of(cursor));
    List<AirbyteStateMessage> states = state == null ? List.of()
        : List.of(AirbyteStateMessage.stream(configured.descriptor(), state));
    RecordingOutput output = new RecordingOutput();
    source.read(POSTGRES.config(database), new ConfiguredAirbyteCatalog(List.of(configured)), states, output);
    return output;
  }

  private static JsonNode lastState(RecordingOutput output) {
    return output.states().getLast().stream().streamState();
  }

  private static String cursorAndCount(AirbyteStateMessage state) {
    JsonNode value = state.stream().streamState();
    return value.get("cursor").asText() + "x" + value.get("cursor_record_count").asLong();
  }

  private static List<Long> ids(List<Object[]> rows) {
    return rows.stream().map(row -> (Long) row[0]).toList();
  }
}
